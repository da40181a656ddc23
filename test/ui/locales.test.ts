import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { EN } from '../../src/ui/strings.ts';

const LOCALES = path.resolve(import.meta.dirname, '../../extension/_locales');
const read = (lang: string): Record<string, { message: string }> =>
  JSON.parse(fs.readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8'));

describe('locales', () => {
  it('English messages.json has every UI string, word for word', () => {
    const en = read('en');
    for (const [key, message] of Object.entries(EN)) expect(en[key]?.message, key).toBe(message);
  });

  for (const lang of fs.readdirSync(LOCALES).filter(l => l !== 'en')) {
    it(`${lang} translates every message and keeps its substitutions`, () => {
      const en = read('en');
      const other = read(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        const subs = (s: string) => (s.match(/\$\d/g) ?? []).sort();
        expect(subs(other[key]!.message), key).toEqual(subs(message));
        expect(other[key]!.message.length, key).toBeGreaterThan(0);
      }
    });
  }

  it('has German', () => {
    expect(read('de').extName?.message).toContain('Stakes');
  });
});
