/**
 * Property-based tests (fast-check) of tokenising and normalisation: offsets always slice the text,
 * tokens come in order and never overlap, normalised forms are stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fold, tokenize } from '../../src/match/text.ts';

/** Text that mixes what pages contain: letters with accents, CJK, digits, invisible characters, punctuation, surrogate pairs. */
const pieces = fc.constantFrom(
  'Byte',
  'Dance',
  'TikTok',
  'Jeff',
  'Yass',
  'Ámazon',
  'Zürich',
  'straße',
  'ﬁnance',
  'ＡＢＣ',
  '字节跳动',
  'カタカナ',
  '42',
  ' ',
  '  ',
  '\n',
  '\u2029',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '-',
  '’',
  "'",
  '.',
  ',',
  '&',
  '😀',
  'é',
  'e\u0301',
  'İ',
  'ß',
);
const pageText = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map(a => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;

describe('tokenize (property)', () => {
  it('tokens are in order, non-overlapping, non-empty and slice the text exactly', () => {
    fc.assert(
      fc.property(pageText, text => {
        const tokens = tokenize(text);
        let last = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end).replace(INVISIBLE, '')).toBe(t.raw);
          expect(t.raw).not.toBe('');
          expect(t.norm).toBe(fold(t.raw));
          last = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is stable under added whitespace around the text, offsets shifted', () => {
    fc.assert(
      fc.property(pageText, fc.nat({ max: 5 }), (text, pad) => {
        const shifted = tokenize(' '.repeat(pad) + text + ' ');
        const plain = tokenize(text);
        expect(shifted.map(t => [t.start - pad, t.end - pad, t.norm])).toEqual(
          plain.map(t => [t.start, t.end, t.norm]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('fold (property)', () => {
  it('never throws, removes invisible characters, ignores case for ASCII', () => {
    fc.assert(
      fc.property(pageText, text => {
        const f = fold(text);
        expect(f).not.toMatch(INVISIBLE);
        if (/^[\x20-\x7E]*$/.test(text)) expect(f).toBe(text.toLowerCase());
        expect(fold(text.toUpperCase() === text ? text : text)).toBe(f);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on the words pages contain', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 10 }).map(a => a.join('')),
        word => {
          expect(fold(fold(word))).toBe(fold(word));
        },
      ),
      { numRuns: 500 },
    );
  });
});
