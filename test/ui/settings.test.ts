import { describe, expect, it } from 'vitest';

import {
  activeOn,
  defaultSettings,
  exportCorrections,
  keepMention,
  migrateSettings,
  pageKey,
  SETTINGS_VERSION,
  withSite,
} from '../../src/shared/settings.ts';

describe('settings', () => {
  it('gives defaults for nothing, garbage and wrong types', () => {
    const d = defaultSettings();
    expect(migrateSettings(undefined)).toEqual(d);
    expect(migrateSettings('corrupt')).toEqual(d);
    expect(migrateSettings([1, 2])).toEqual(d);
    expect(migrateSettings(null)).toEqual(d);
  });

  it('keeps valid fields and replaces only the invalid ones', () => {
    const s = migrateSettings({
      version: SETTINGS_VERSION,
      paused: true,
      openOn: 'sideways',
      hoverDelayMs: 5,
      firstMentionOnly: true,
    });
    expect(s.paused).toBe(true);
    expect(s.firstMentionOnly).toBe(true);
    expect(s.openOn).toBe('click');
    expect(s.hoverDelayMs).toBe(500);
  });

  it('migrates version 1 (enabled, blockedSites)', () => {
    const s = migrateSettings({ version: 1, enabled: false, blockedSites: ['example.com'] });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.paused).toBe(true);
    expect(s.disabledSites).toEqual(['example.com']);
    expect(s).not.toHaveProperty('enabled');
  });

  it('decides where Stakes runs', () => {
    const d = defaultSettings();
    expect(activeOn(d, 'www.example.org')).toBe(true);
    expect(activeOn({ ...d, paused: true }, 'example.org')).toBe(false);
    const listed = { ...d, where: 'listed' as const };
    expect(activeOn(listed, 'www.reuters.com')).toBe(true);
    expect(activeOn(listed, 'edition.cnn.com')).toBe(true);
    expect(activeOn(listed, 'example.org')).toBe(false);
    const off = withSite(d, 'www.reuters.com', false);
    expect(activeOn(off, 'reuters.com')).toBe(false);
    expect(activeOn(withSite(off, 'reuters.com', true), 'reuters.com')).toBe(true);
    expect(activeOn(withSite(listed, 'example.org', true), 'example.org')).toBe(true);
  });

  it('filters mentions by kind, stakes and hidden entities', () => {
    const d = defaultSettings();
    const person = { entityId: 'person:a', kind: 'person' };
    const company = { entityId: 'company:b', kind: 'company', stakes: true };
    expect(keepMention(d, person, [])).toBe(true);
    expect(keepMention(d, person, ['person:a'])).toBe(false);
    expect(keepMention({ ...d, underlinePeople: false }, person, [])).toBe(false);
    expect(keepMention({ ...d, onlyWithStakes: true }, person, [])).toBe(false);
    expect(keepMention({ ...d, onlyWithStakes: true }, company, [])).toBe(true);
    expect(keepMention({ ...d, underlineCompanies: false }, company, [])).toBe(false);
  });

  it('exports corrections and keys pages without fragments', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
    const s = { ...defaultSettings(), hidden: { 'https://a.example/x': ['company:b'], 'https://b.example/': [] } };
    const out = JSON.parse(exportCorrections(s));
    expect(out.notThisEntity).toEqual([{ url: 'https://a.example/x', entities: ['company:b'] }]);
  });
});
