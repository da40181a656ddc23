/**
 * The rooms and their one-way doors, and the build's per-browser manifests.
 *   match: pure, imports nothing else of ours;  data → match;  background → data, match, shared;
 *   page → shared, ui (never match, data, background: heavy data stays out of tabs);
 *   ui → shared only;  shared → nothing of ours.
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

// @ts-expect-error build.mjs is plain JavaScript
import { DEV_MATCHES, manifestFor } from '../build.mjs';
import { DEFAULT_NEWS_SITES } from '../src/shared/settings.ts';

const SRC = path.resolve(import.meta.dirname, '../src');
const ALLOWED: Record<string, string[]> = {
  match: [],
  data: ['match'],
  shared: [],
  ui: ['shared'],
  page: ['shared', 'ui'],
  background: ['data', 'match', 'shared'],
  cli: ['background', 'data', 'match', 'page', 'shared'],
  eval: ['background', 'cli', 'data', 'match', 'page', 'shared'],
  dev: ['data', 'match', 'shared'],
  bench: ['background', 'data', 'dev', 'match', 'page', 'shared'],
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('room boundaries', () => {
  for (const room of Object.keys(ALLOWED)) {
    it(`${room} imports only from ${ALLOWED[room]!.join(', ') || 'itself'}`, () => {
      const dir = path.join(SRC, room);
      if (!fs.existsSync(dir)) return;
      for (const file of files(dir)) {
        const source = fs.readFileSync(file, 'utf8');
        for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[^']+)'/g)) {
          const target = path.relative(SRC, path.resolve(path.dirname(file), spec!)).split(path.sep)[0]!;
          if (target === room || target.endsWith('.ts')) continue;
          expect(ALLOWED[room], `${path.relative(SRC, file)} imports ${spec}`).toContain(target);
        }
      }
    });
  }

  it('only shared/browser.ts imports webextension-polyfill', () => {
    const importers = files(SRC).filter(f => fs.readFileSync(f, 'utf8').includes("from 'webextension-polyfill'"));
    expect(importers.map(f => path.relative(SRC, f))).toEqual([path.join('shared', 'browser.ts')]);
  });

  it('the page and the ui never put markup in the DOM from strings', () => {
    for (const file of [...files(path.join(SRC, 'page')), ...files(path.join(SRC, 'ui'))]) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/,
      );
    }
  });
});

describe('manifests', () => {
  const canonical = JSON.parse(fs.readFileSync(path.resolve(SRC, '../manifest.json'), 'utf8'));

  it('gives Chrome a service worker and no Firefox keys', () => {
    const m = manifestFor('chrome', canonical);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.sidebar_action).toBeUndefined();
    expect(m.side_panel).toEqual({ default_path: 'overview.html' });
    expect(m.permissions).toEqual(['storage', 'scripting', 'sidePanel']);
  });

  it('gives Firefox background scripts, a gecko id and no data collection', () => {
    const m = manifestFor('firefox', canonical);
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.sidebar_action.default_panel).toBe('overview.html');
    expect(m.permissions).toEqual(['storage', 'scripting']);
  });

  it('reads the default news sites only; any other site is an optional permission; no remote code', () => {
    expect(canonical.permissions).toEqual(['storage', 'scripting', 'sidePanel']);
    expect(canonical.host_permissions).toBeUndefined();
    expect(canonical.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    const [script, ...more] = canonical.content_scripts;
    expect(more).toEqual([]);
    expect(script.matches).toEqual(DEFAULT_NEWS_SITES.map(site => `*://*.${site}/*`));
    expect(canonical.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'none'; base-uri 'none'",
    );
  });

  it('differs in development builds only by the content script also running on 127.0.0.1 and localhost', () => {
    for (const target of ['chrome', 'firefox']) {
      const store = manifestFor(target, canonical);
      const dev = manifestFor(target, canonical, { dev: true });
      expect(dev.content_scripts[0].matches).toEqual([...store.content_scripts[0].matches, ...DEV_MATCHES]);
      expect({ ...dev, content_scripts: store.content_scripts }).toEqual(store);
    }
    expect(DEV_MATCHES).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });
});
