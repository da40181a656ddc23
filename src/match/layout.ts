/**
 * How the text looks around each token, computed once per text in linear
 * time: where sentences and lines start, which lines are headlines set in
 * capitals or in Title Case, and which words the page also uses in lower
 * case. The matcher uses it to tell when a capital letter is evidence of a
 * name ("said Target") and when it is not ("Target audiences…", "APPLE PIE",
 * "Apple Unveils New iPhone").
 */
import { ABBREVIATIONS, HARD_BREAK, type Token } from './text.ts';

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

export class Layout {
  /** Raw text between token i-1 and token i (before token 0: the text before it). */
  readonly gapBefore: string[];
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
    gaps: readonly string[],
  ) {
    const n = tokens.length;
    this.gapBefore = tokens.map((t, i) => text.slice(i === 0 ? 0 : tokens[i - 1]!.end, t.start));
    this.sentenceStart = tokens.map((_, i) => i === 0 || gaps[i] === HARD_BREAK || this.endsSentence(i));

    // Three or more words in capitals in a row, on one line: a headline in capitals ("SOCCER -
    // JAPAN GET LUCKY WIN"), not two acronyms side by side ("CBS NFL").
    this.inCapsRun = new Array<boolean>(n).fill(false);
    for (let start = 0; start < n;) {
      let end = start;
      while (end < n && isCapsWord(tokens[end]!.raw) && (end === start || CAPS_JOIN.test(this.gapBefore[end]!))) end++;
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
      while (end < n && !LINE_BREAK.test(this.gapBefore[end]!)) end++;
      let capitalised = 0; // words of 4+ letters
      let lowerCase = 0; // words of 4+ letters, not headline function words
      let anyLowerCase = 0;
      let numbers = 0;
      let sentences = 0;
      for (let i = start; i < end; i++) {
        const raw = tokens[i]!.raw;
        if (i > start && this.sentenceStart[i]) sentences++;
        if (/^\p{N}+$/u.test(raw)) numbers++;
        if (/^\p{Ll}/u.test(raw)) anyLowerCase++;
        if (raw.length < 4 || !/\p{L}/u.test(raw[0]!)) continue;
        if (isUpper(raw[0]!)) capitalised++;
        else if (raw === raw.toLowerCase() && !HEADLINE_LOWER.has(raw)) lowerCase++;
      }
      const closed = /^[^\S\n\r\u2028\u2029]*["'”’»)\]]*[.!?]/.test(this.gapAfter(end - 1));
      if (capitalised >= 3 && lowerCase === 0 && sentences === 0 && end - start <= 20 && !closed)
        this.inTitleLine.fill(true, start, end);
      if (numbers >= 2 && anyLowerCase === 0 && numbers < end - start) this.inScoreLine.fill(true, start, end);
      start = end;
    }
  }

  /** Whether a sentence ends in the gap before token i. */
  private endsSentence(i: number): boolean {
    const gap = this.gapBefore[i]!;
    if (LINE_BREAK.test(gap)) return true;
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
    return i > 0 && /^[^\S\n\r\u2028\u2029]+$/.test(this.gapBefore[i]!);
  }

  /** The gap before token i is a hyphen joining two words ("meta-analysis", "pre-Castro"). */
  hyphenBefore(i: number): boolean {
    const gap = this.gapBefore[i]!;
    return i > 0 && gap.length === 1 && DASHES.test(gap);
  }

  /** The capital of token i carries information: not at a sentence start, not in a headline. */
  capitalInformative(i: number): boolean {
    return !this.sentenceStart[i] && !this.inTitleLine[i] && !this.inCapsRun[i];
  }

  /** Whether the page also uses this (normalised) word in lower case, as a common word. */
  usesInLowerCase(norm: string): boolean {
    if (!this.lowerUse) {
      this.lowerUse = new Set();
      for (const t of this.tokens) if (/^\p{Ll}/u.test(t.raw)) this.lowerUse.add(t.norm);
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
