/**
 * How the text looks around each token, computed once per text in linear
 * time: the gaps between tokens, what each token looks like (capitalised, in
 * capitals, a number…), where sentences and lines start, which lines are
 * headlines set in capitals or in Title Case, and which words the page also
 * uses in lower case. The matcher uses it to tell when a capital letter is evidence of a
 * name ("said Target") and when it is not ("Target audiences…", "APPLE PIE",
 * "Apple Unveils New iPhone").
 */
import { ABBREVIATIONS, canonicalGap, HARD_BREAK, remembered, type Token } from './text.ts';

/** Words that Title Case headlines leave in lower case. */
const HEADLINE_LOWER = new Set([
  'with',
  'from',
  'into',
  'onto',
  'over',
  'upon',
  'than',
  'that',
  'this',
  'like',
  'near',
  'amid',
  'past',
  'when',
  'after',
]);

/** What may separate the words of a headline in capitals: spaces, dashes, commas. */
const CAPS_JOIN = /^[^\S\n\r\u2028\u2029]*[-\u2010-\u2015,]?[^\S\n\r\u2028\u2029]*$/;

const DASHES = /[-\u2010-\u2015\u2212]/;
const LINE_BREAK = /[\n\r\u2028\u2029\u0000]/;

// Bits of Layout.shape: what a token looks like.
/** The first code unit is a capital letter (isUpper). */
export const UPPER_FIRST = 1;
/** The token starts with a lower-case letter. */
export const LOWER_FIRST = 2;
/** A capitalised word with lower-case letters after its capital (isTitleWord). */
export const TITLE = 4;
/** A word in capitals (isCapsWord). */
export const CAPS = 8;
/** Digits only. */
export const NUMBER = 16;
/** The first code unit is a letter. */
export const LETTER_FIRST = 32;
/** No capital letter: the word is its own lower case. */
export const LOWER = 64;

export class Layout {
  /** Raw text between token i-1 and token i (before token 0: the text before it). */
  readonly gapBefore: string[];
  /** Canonical gap before token i (canonicalGap; before token 0, a HARD_BREAK). */
  readonly gaps: string[];
  /** What each token looks like: bits UPPER_FIRST, LOWER_FIRST, TITLE, CAPS… */
  readonly shape: Uint8Array;
  /** Token i begins a sentence or a line: its capital says nothing. */
  readonly sentenceStart: boolean[];
  /** Token i is one of three or more words in capitals in a row (a headline in capitals). */
  readonly inCapsRun: boolean[];
  /** Token i is on a line written in Title Case (a headline). */
  readonly inTitleLine: boolean[];
  /** Token i is on a line of names and numbers only ("Haitai 2 Samsung 0"): a table of results. */
  readonly inScoreLine: boolean[];
  private lowerUse: Set<string> | undefined;

  constructor(
    private readonly text: string,
    readonly tokens: readonly Token[],
  ) {
    const n = tokens.length;
    const gapBefore = (this.gapBefore = new Array<string>(n));
    const gaps = (this.gaps = new Array<string>(n));
    const shape = (this.shape = new Uint8Array(n));
    const sentenceStart = (this.sentenceStart = new Array<boolean>(n));
    const lineBreakBefore = new Uint8Array(n);
    let previousEnd = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      shape[i] = shapeOf(t.raw);
      // Most gaps are one space: no line break, no stop, the canonical gap is the space itself.
      if (i > 0 && t.start === previousEnd + 1 && text.charCodeAt(previousEnd) === 0x20) {
        gapBefore[i] = gaps[i] = ' ';
        sentenceStart[i] = false;
      } else if (i > 0 && t.start === previousEnd) {
        // No gap at all: CJK characters, each a token.
        gapBefore[i] = gaps[i] = '';
        sentenceStart[i] = false;
      } else {
        const gap = (gapBefore[i] = text.slice(previousEnd, t.start));
        if (i === 0) {
          gaps[i] = HARD_BREAK;
          sentenceStart[i] = true;
        } else {
          const canonical = (gaps[i] = canonicalGap(gap, tokens[i - 1]!.norm));
          if (LINE_BREAK.test(gap)) lineBreakBefore[i] = 1;
          sentenceStart[i] = canonical === HARD_BREAK || lineBreakBefore[i] === 1 || this.endsSentence(i);
        }
      }
      previousEnd = t.end;
    }

    // Three or more words in capitals in a row, on one line: a headline in capitals ("SOCCER -
    // JAPAN GET LUCKY WIN"), not two acronyms side by side ("CBS NFL").
    this.inCapsRun = new Array<boolean>(n).fill(false);
    for (let start = 0; start < n;) {
      let end = start;
      while (end < n && shape[end]! & CAPS && (end === start || CAPS_JOIN.test(gapBefore[end]!))) end++;
      if (end - start >= 3) this.inCapsRun.fill(true, start, end);
      start = Math.max(end, start + 1);
    }

    // Line by line (a line ends at a line break): Title Case headlines have at least three
    // capitalised words of four letters or more, no lower-case one (short function words aside),
    // one sentence, and no full stop at the end (not a sentence full of names, nor a caption);
    // tables of results have names and at least two numbers, and no lower-case word.
    this.inTitleLine = new Array<boolean>(n).fill(false);
    this.inScoreLine = new Array<boolean>(n).fill(false);
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (end < n && !lineBreakBefore[end]) end++;
      if (end - start <= 20 && this.titleCase(start, end)) this.inTitleLine.fill(true, start, end);
      let numbers = 0;
      let anyLowerCase = false;
      for (let i = start; i < end && !anyLowerCase; i++) {
        if (shape[i]! & NUMBER) numbers++;
        if (shape[i]! & LOWER_FIRST) anyLowerCase = true;
      }
      if (numbers >= 2 && !anyLowerCase && numbers < end - start) this.inScoreLine.fill(true, start, end);
      start = end;
    }
  }

  /** Whether the line of tokens [start, end) is a Title Case headline (see above). */
  private titleCase(start: number, end: number): boolean {
    let capitalised = 0; // words of 4+ letters
    for (let i = start; i < end; i++) {
      const shape = this.shape[i]!;
      if (i > start && this.sentenceStart[i]) return false;
      if (!(shape & LETTER_FIRST)) continue;
      const raw = this.tokens[i]!.raw;
      if (raw.length < 4) continue;
      if (shape & UPPER_FIRST) capitalised++;
      // A lower-case word of 4+ letters, not a headline's function word.
      else if (shape & LOWER && !HEADLINE_LOWER.has(raw)) return false;
    }
    return capitalised >= 3 && !/^[^\S\n\r\u2028\u2029]*["'”’»)\]]*[.!?]/.test(this.gapAfter(end - 1));
  }

  /** Whether a sentence ends in the gap before token i (a gap with no line break). */
  private endsSentence(i: number): boolean {
    const gap = this.gapBefore[i]!;
    const stop = /[.!?]/.exec(gap);
    if (!stop) return false;
    if (stop.index === 0 && gap[0] === '.') {
      const prev = this.tokens[i - 1]!;
      if (prev.norm.length === 1 || ABBREVIATIONS.has(prev.norm)) return /[.!?]/.test(gap.slice(1));
    }
    return /[\s"'“”‘’«»(]/.test(gap.slice(stop.index + 1));
  }

  /** The gap before token i is plain white space on one line: no punctuation, no hyphen. */
  plainSpaceBefore(i: number): boolean {
    if (i <= 0) return false;
    const gap = this.gapBefore[i]!;
    return gap === ' ' || /^[^\S\n\r\u2028\u2029]+$/.test(gap);
  }

  /** The gap before token i is a hyphen joining two words ("meta-analysis", "pre-Castro"). */
  hyphenBefore(i: number): boolean {
    const gap = this.gapBefore[i]!;
    return i > 0 && gap.length === 1 && DASHES.test(gap);
  }

  /** Whether token i has any of these shape bits (UPPER_FIRST, TITLE, CAPS…). */
  is(i: number, bits: number): boolean {
    return (this.shape[i]! & bits) !== 0;
  }

  /** The capital of token i carries information: not at a sentence start, not in a headline. */
  capitalInformative(i: number): boolean {
    return !this.sentenceStart[i] && !this.inTitleLine[i] && !this.inCapsRun[i];
  }

  /** Whether the page also uses this (normalised) word in lower case, as a common word. */
  usesInLowerCase(norm: string): boolean {
    if (!this.lowerUse) {
      const lowerUse = new Set<string>();
      this.tokens.forEach((t, i) => {
        if (this.is(i, LOWER_FIRST)) lowerUse.add(t.norm);
      });
      this.lowerUse = lowerUse;
    }
    return this.lowerUse.has(norm);
  }

  /** The text of the raw gap after token i (to the next token, or the end). */
  gapAfter(i: number): string {
    return i + 1 < this.tokens.length ? this.gapBefore[i + 1]! : this.text.slice(this.tokens[i]!.end);
  }
}

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A word in capitals: two or more cased letters, none lower case ("NATO", "APPLE"). */
export function isCapsWord(raw: string): boolean {
  return raw !== raw.toLowerCase() && raw === raw.toUpperCase() && (raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** A capitalised word with lower-case letters after its capital ("Cup", "Jr"). */
export function isTitleWord(raw: string): boolean {
  return isUpper(raw[0]!) && /\p{Ll}/u.test(raw);
}

/** The shape bits of a token as written (ASCII words, most of them, without regular expressions). */
function shapeOf(raw: string): number {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  // A token's ASCII characters are letters and digits only.
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 0x80) return shapeOfUnicode(raw);
    if (c >= 0x61) lower++;
    else if (c >= 0x41) upper++;
    else digits++;
  }
  const first = raw.charCodeAt(0);
  const upperFirst = first >= 0x41 && first <= 0x5a;
  return (
    (upperFirst ? UPPER_FIRST | LETTER_FIRST : 0) |
    (first >= 0x61 ? LOWER_FIRST | LETTER_FIRST : 0) |
    (upperFirst && lower > 0 ? TITLE : 0) |
    (upper >= 2 && lower === 0 ? CAPS : 0) |
    (digits === raw.length ? NUMBER : 0) |
    (upper === 0 ? LOWER : 0)
  );
}

/** Shapes of the words outside ASCII met lately (Unicode case mapping is slow, and texts repeat words). */
const shapeOfWord = remembered(20_000, unicodeShape);
/** The shape of each one-character word (a CJK character, mostly), plus one; 0 when not known yet. */
const CHAR_SHAPES = new Uint8Array(0x10000);

function shapeOfUnicode(raw: string): number {
  if (raw.length === 1) {
    const c = raw.charCodeAt(0);
    return (CHAR_SHAPES[c] ||= unicodeShape(raw) + 1) - 1;
  }
  return shapeOfWord(raw);
}

function unicodeShape(raw: string): number {
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
