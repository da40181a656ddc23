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

const INVISIBLE_RE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const CJK_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** How the tokenizer sees a character. */
const UNKNOWN = 0; // not looked at yet (the table below is filled as characters are met)
const OTHER = 1; // a gap character
const WORD = 2; // a letter, mark or digit: part of a token
const SINGLE = 3; // Han, Hiragana, Katakana: a token on its own
const INVISIBLE = 4; // kept inside a token, dropped from its forms
/** Added to the class by classAt() when the character is a surrogate pair (two code units). */
const PAIR = 8;

/** The class of each UTF-16 code unit outside the surrogates, filled the first time one is met. */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) CLASS[c] = classify(String.fromCharCode(c));
for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) CLASS[c] = INVISIBLE;

function classify(char: string): number {
  return CJK_RE.test(char) ? SINGLE : WORD_RE.test(char) ? WORD : OTHER;
}

/** The class of the code point at i (plus PAIR when it takes two code units). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    const cls = CLASS[c]!;
    return cls === UNKNOWN ? (CLASS[c] = classify(text[i]!)) : cls;
  }
  const low = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (low < 0xdc00 || low > 0xdfff) return OTHER; // a lone surrogate
  // Beyond the BMP (emoji, rare Han characters): rare enough to be classified each time.
  return classify(text.slice(i, i + 2)) + PAIR;
}

/** Lowercase, fold Latin diacritics and compatibility forms (ﬁ, full-width letters). */
export function fold(word: string): string {
  let s = word.replace(INVISIBLE_RE, '');
  // Fast path: plain ASCII needs no Unicode normalisation.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7F]/.test(s)) return s.toLowerCase();
  s = s.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1');
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFC');
}

/**
 * `compute` with its answers kept for the keys met lately, at most `max` of them (all forgotten at
 * once when full): for slow Unicode work on words that texts repeat.
 */
export function remembered<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return key => {
    let value = answers.get(key);
    if (value === undefined) {
      if (answers.size >= max) answers.clear();
      answers.set(key, (value = compute(key)));
    }
    return value;
  };
}

/** fold() of the words outside ASCII met lately: normalising is slow, and texts repeat their words. */
const foldCached = remembered(20_000, fold);

/** The raw and normalised forms of the CJK characters of the BMP met lately (a page uses a few thousand). */
const singleForms = remembered(10_000, (c: number): readonly [string, string] => {
  const raw = String.fromCharCode(c);
  return [raw, fold(raw)];
});

/**
 * The tokens of a text, in order. A scanner that classifies each character through a table
 * (quicker than a regular expression with Unicode classes); a token of plain ASCII letters and
 * digits, most of them, is lowercased without going through fold().
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cls = classAt(text, i);
    if ((cls & ~PAIR) === OTHER) {
      i += cls & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    if (cls === SINGLE) {
      const [raw, norm] = singleForms(text.charCodeAt(i));
      tokens.push({ start, end: ++i, norm, raw });
      continue;
    }
    if (cls === SINGLE + PAIR) {
      i += 2;
      const raw = text.slice(start, i);
      tokens.push({ start, end: i, norm: foldCached(raw), raw });
      continue;
    }
    // A run of letters, marks, digits and invisible characters, up to a gap or a CJK character.
    let ascii = true; // no letter or digit outside ASCII
    let upper = false; // some ASCII capital
    let invisible = false;
    do {
      const c = text.charCodeAt(i);
      if (cls === INVISIBLE) invisible = true;
      else if (c >= 0x80) ascii = false;
      else if (c >= 0x41 && c <= 0x5a) upper = true;
      i += cls & PAIR ? 2 : 1;
      cls = i < n ? classAt(text, i) : OTHER;
    } while ((cls & ~PAIR) === WORD || cls === INVISIBLE);
    const word = text.slice(start, i);
    const raw = invisible ? word.replace(INVISIBLE_RE, '') : word;
    if (raw === '') continue; // a run of invisible characters alone is not a word
    const norm = !ascii ? foldCached(raw) : upper ? raw.toLowerCase() : raw;
    tokens.push({ start, end: i, norm, raw });
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
  let g = plainAscii(gap) ? gap : gap.length <= SHORT_GAP ? cachedUnify(gap) : unify(gap);
  if (g === HARD_BREAK) return HARD_BREAK;
  if (g.startsWith('.') && (previousNorm.length === 1 || ABBREVIATIONS.has(previousNorm))) g = g.slice(1);
  if (g === '-' || g === ' - ') return ' ';
  return g;
}

/** A hard break, or the gap with its apostrophes, dashes and white space made uniform. */
function unify(gap: string): string {
  if (/\u2029|\n[^\S\n]*\n/.test(gap)) return HARD_BREAK;
  return gap
    .replace(/[\u2018\u2019\u02BC\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
}

/** unify() of the short gaps met lately ("’", "\u2029", ", “"): texts repeat them. */
const cachedUnify = remembered(5_000, unify);
const SHORT_GAP = 8;

/**
 * Printable ASCII with no backquote and no two spaces in a row ("., ", "; "): a gap that unify()
 * leaves as it is.
 */
function plainAscii(gap: string): boolean {
  for (let k = 0; k < gap.length; k++) {
    const c = gap.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === 0x60 || (c === 0x20 && k > 0 && gap.charCodeAt(k - 1) === 0x20)) return false;
  }
  return true;
}
