/**
 * The fast paths of tokenising and layout must give exactly what the plain code they replaced
 * gives, kept here as the reference: the tokenizer is a hand-written scanner (the reference is a
 * regular expression), gaps of plain ASCII skip the replacements, and a token's shape is read
 * from its ASCII characters or a cache (the reference is isUpper, isCapsWord… on each token).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CAPS,
  isCapsWord,
  isTitleWord,
  isUpper,
  Layout,
  LETTER_FIRST,
  LOWER,
  LOWER_FIRST,
  NUMBER,
  TITLE,
  UPPER_FIRST,
} from '../../src/match/layout.ts';
import { ABBREVIATIONS, canonicalGap, fold, HARD_BREAK, tokenize, type Token } from '../../src/match/text.ts';

const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const TOKEN_RE = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}${INVISIBLE}])+`, 'gu');

function referenceTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0].replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '');
    if (raw !== '') tokens.push({ start: m.index, end: m.index + m[0].length, norm: fold(raw), raw });
  }
  return tokens;
}

const pieces = fc.constantFrom(
  'Byte',
  'Dance',
  'TikTok',
  'ÁMAZON',
  'Zürich',
  'straße',
  'ﬁnance',
  'ＡＢＣ',
  '字节跳动',
  'カタカナ',
  'ひらがな',
  '42',
  '٤٢',
  ' ',
  '\n',
  '\u2029',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\u2060',
  '\uFEFF',
  '-',
  '’',
  '.',
  '😀',
  '𝐀𝐁',
  '𠀀',
  '\uD800',
  '\uDC00',
  'e\u0301',
  '\u0301',
  '⺀',
  '々',
  'İ',
  'ǅ',
);
const text = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map(a => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
);

describe('tokenize matches its reference regular expression', () => {
  it('on generated text', () => {
    fc.assert(
      fc.property(text, t => {
        expect(tokenize(t)).toEqual(referenceTokenize(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('on every BMP character between letters', () => {
    for (let c = 0; c < 0x10000; c += 64) {
      let chunk = '';
      for (let k = c; k < c + 64; k++) chunk += `a${String.fromCharCode(k)}B${String.fromCharCode(k)} `;
      expect(tokenize(chunk)).toEqual(referenceTokenize(chunk));
    }
  });

  it('on characters beyond the BMP', () => {
    for (let c = 0x10000; c < 0x110000; c += 0x400) {
      let chunk = '';
      for (let k = c; k < c + 0x400; k += 7) chunk += `a${String.fromCodePoint(k)}B${String.fromCodePoint(k)} `;
      expect(tokenize(chunk)).toEqual(referenceTokenize(chunk));
    }
  });
});

function referenceGap(gap: string, previousNorm: string): string {
  if (gap === ' ') return ' ';
  if (gap === '') return '';
  if (/\u2029|\n[^\S\n]*\n/.test(gap)) return HARD_BREAK;
  let g = gap
    .replace(/[\u2018\u2019\u02BC\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
  if (g.startsWith('.') && (previousNorm.length === 1 || ABBREVIATIONS.has(previousNorm))) g = g.slice(1);
  if (g === '-' || g === ' - ') return ' ';
  return g;
}

const gapPieces = fc.constantFrom(
  ' ',
  '  ',
  '.',
  ',',
  '-',
  ' - ',
  '–',
  '—',
  '’',
  "'",
  '`',
  '´',
  '"',
  '“',
  '(',
  ')',
  ':',
  '&',
  '\n',
  '\r',
  '\t',
  '\u00A0',
  '\u2029',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '~',
  '/',
);

describe('canonicalGap matches its reference', () => {
  it('on generated gaps, twice each (the second time from the cache)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(gapPieces, { maxLength: 12 }).map(a => a.join('')),
          fc.string({ maxLength: 12 }),
        ),
        fc.constantFrom('j', 'jeff', 'mr', 'inc', 'co'),
        (gap, previousNorm) => {
          expect(canonicalGap(gap, previousNorm)).toBe(referenceGap(gap, previousNorm));
          expect(canonicalGap(gap, previousNorm)).toBe(referenceGap(gap, previousNorm));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

function referenceShape(raw: string): number {
  return (
    (isUpper(raw[0]!) ? UPPER_FIRST : 0) |
    (/^\p{Ll}/u.test(raw) ? LOWER_FIRST : 0) |
    (isTitleWord(raw) ? TITLE : 0) |
    (isCapsWord(raw) ? CAPS : 0) |
    (/^\p{N}+$/u.test(raw) ? NUMBER : 0) |
    (/\p{L}/u.test(raw[0]!) ? LETTER_FIRST : 0) |
    (raw === raw.toLowerCase() ? LOWER : 0)
  );
}

describe("a token's shape matches its reference", () => {
  it('on generated text, twice each (the second time from the cache)', () => {
    fc.assert(
      fc.property(text, t => {
        const tokens = tokenize(t);
        for (let round = 0; round < 2; round++) {
          const layout = new Layout(t, tokens);
          tokens.forEach((token, i) => expect(layout.shape[i], token.raw).toBe(referenceShape(token.raw)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('on ASCII words of every case', () => {
    const t = 'a A ab AB Ab aB a1 A1 1A 12 ABC Abc abc AbC aBC X9Y Mr MR mr iPhone NATO NATOs 4G';
    const layout = new Layout(t, tokenize(t));
    tokenize(t).forEach((token, i) => expect(layout.shape[i], token.raw).toBe(referenceShape(token.raw)));
  });
});
