/**
 * Tokenising and normalising text for name matching.
 *
 * Tokens are runs of letters, marks and digits. Characters that pages put
 * inside words without meaning a break (soft hyphens, zero-width spaces and
 * joiners, word joiners, BOM) are kept inside the token and dropped from its
 * normalised form, so "Byte\u00ADDance" reads as "bytedance". Han, Hiragana and
 * Katakana characters are one token each, because those scripts do not put
 * spaces between words. Offsets are UTF-16 code units of the original text.
 *
 * Everything between two tokens is their "gap". Apostrophes, periods, hyphens
 * and other punctuation are gaps, so "Amazon’s" is the token "Amazon" followed
 * by the gap "’" and the token "s", and "Amazon-TikTok" is two tokens.
 */

export interface Token {
  start: number;
  end: number;
  /** Lowercased, diacritics folded, invisible characters removed. */
  norm: string;
  /** The token as written, invisible characters removed. */
  raw: string;
}

const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
const INVISIBLE_RE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const TOKEN_RE = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}${INVISIBLE}])+`, 'gu');

/** Lowercase, fold Latin diacritics and compatibility forms (ﬁ, full-width letters). */
export function fold(word: string): string {
  let s = word.replace(INVISIBLE_RE, '');
  // Fast path: plain ASCII needs no Unicode normalisation.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7F]/.test(s)) return s.toLowerCase();
  s = s.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1');
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFC');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const word = m[0];
    const raw = word.replace(INVISIBLE_RE, '');
    if (raw === '') continue; // a run of invisible characters alone is not a word
    tokens.push({ start: m.index, end: m.index + word.length, norm: fold(raw), raw });
  }
  return tokens;
}

/** A gap that no name may span: a paragraph break. */
export const HARD_BREAK = '\u0000';

/** Words after which a period marks an abbreviation, not the end of a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'no',
  'gen',
  'sen',
  'rep',
  'gov',
  'prof',
  'lt',
  'col',
  'sgt',
  'capt',
  'rev',
  'vs',
]);

/**
 * The canonical form of the gap between two tokens, used to compare a name's
 * gaps with the text's. Whitespace of any kind is one space, every dash is
 * "-", curly apostrophes are straight, a period after an initial or a known
 * abbreviation is dropped, and a space or a hyphen are the same gap
 * ("Coca-Cola" = "Coca Cola"). A paragraph separator (U+2029) or a blank
 * line makes a hard break.
 */
export function canonicalGap(gap: string, previousNorm: string): string {
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
