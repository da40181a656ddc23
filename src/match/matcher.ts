/**
 * Finds the mentions of dataset entities in a text: precision first.
 *
 * 1. Candidates: at each token, walk the trie for every name that starts
 *    there (all lengths), checking the name's gaps and case rule. A person's
 *    name may carry a middle initial the dataset does not ("Jeff P. Bezos").
 * 2. Shape: a candidate is dropped when the text around it shows it is part
 *    of something else:
 *    - fused to a lower-case word by a hyphen ("meta-analysis", "pre-Castro");
 *    - followed by a capitalised word ("UEFA Cup", "Apple Watch", "Trump
 *      Tower", "Queen Elizabeth I") or by "of" and one ("Republican Party of
 *      Kentucky"), unless it is a role, a day, a month or a company word
 *      ("Apple CEO", "CNN Saturday", "Ford Motor");
 *    - preceded by a capitalised word that is not a title, an article or a
 *      sentence start ("Indonesian Democratic Party", "Jeb Bush");
 *    - a company's (or any non-person's) name right after a title only a
 *      person carries is a person's ("President Ford", "Sen. Warner");
 *    - a one-word name opening a sentence before an article or a possessive
 *      is a verb ("Cook the rice");
 *    - followed by a lower-case word for a landscape, a name is a place's
 *      ("the Amazon rainforest", "Susquehanna river"); a one-word company
 *      name after "the" heading its phrase is a thing ("in the Amazon rose");
 *    - a ship ("USS Gerald R. Ford"), a dateline ("HERSHEY, Pa. —"), a
 *      product ("Airbus A350"), a name ending in "+" without it ("Canal-");
 *    - a company's name on a line of names and scores is a team's ("Haitai 2
 *      Samsung 0").
 *    A capital says nothing at a sentence start, on a Title Case headline or
 *    in a line of capitals: there the candidate is "case-blind".
 * 3. Page evidence: the entities named unconditionally on the page, with a
 *    legal suffix ("Apple Inc.") or by a listed ticker ("NASDAQ: AMZN").
 * 4. Left to right, the longest candidate whose entity is eligible wins:
 *    - an unconditional name is eligible, except an acronym in a line of
 *      capitals ("WHO" in "WHO IS NEXT") and a case-blind one-word name on a
 *      page that uses the word in lower case, unless the entity is named
 *      outright elsewhere ("Paramount importance… a paramount concern");
 *    - a ticker matches only in a listing ("NASDAQ: AMZN");
 *    - a conditional ("context") name needs evidence: a legal suffix, an
 *      exchange prefix or a role right there ("Apple Inc.", "NASDAQ: AMZN",
 *      "GM spokesman"), an unconditional name of the same entity on the page,
 *      one of its cue phrases, or a connected entity named on the page. A
 *      case-blind one ("Target audiences…", "SHELL SHOCK") needs its entity
 *      named on the page or a cue nearby;
 *    - a surname needs its person's full name earlier in the text, no other
 *      person with that surname on the page (a known one, or one we do not
 *      know: "Laura Bush"), not right after a preposition of place ("in
 *      Washington"), and, when case-blind, the page must not use the word in
 *      lower case ("trump card").
 *    A word the page uses at the end of another name ("Hurricane Delta")
 *    needs its evidence right there. The word lists are in vocabulary.ts.
 *    When a name fits several eligible entities and the page does not decide
 *    between them, nothing is underlined.
 * Every step is a pass over the tokens: the cost grows with the text.
 */
import { CAPS, isCapsWord, isUpper, Layout, LOWER_FIRST, TITLE, UPPER_FIRST } from './layout.ts';
import type { MatchIndex, NameEntry, TrieNode } from './name-index.ts';
import { ABBREVIATIONS, HARD_BREAK, tokenize, type Token } from './text.ts';
import type { Mention } from './types.ts';
import {
  ARTICLES,
  CALENDAR,
  DESIGNATORS,
  DETERMINERS,
  EXCHANGES,
  HONORIFICS,
  LANDSCAPE,
  LEGAL_SUFFIXES,
  MODEL,
  PLACE_PREPOSITIONS,
  ROLES,
  ROMAN,
  SENTENCE_STARTERS,
  SHIP_PREFIXES,
  TITLES,
  VERBISH,
} from './vocabulary.ts';

interface Candidate {
  /** Index of the first and of the last token. */
  first: number;
  last: number;
  entries: NameEntry[];
  /** A middle initial inside the span that the name does not have. */
  skipped?: number;
}

/** How far (in tokens) a cue may be from a case-blind conditional name. */
export const CUE_WINDOW = 60;

/** partOf(): the candidate follows a capitalised word that is no title ("Hurricane Delta"). */
const AFTER_CAPITAL = 'part of a longer name, after a capitalised word';

export function findMentions(index: MatchIndex, text: string): Mention[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const layout = new Layout(text, tokens);
  const candidates: Candidate[][] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) candidates[i] = candidatesAt(index, tokens, layout.gaps, i);
  const page = new Page(index, tokens, layout, candidates);

  const mentions: Mention[] = [];
  const namedPeople = new Set<number>(); // people whose full name has appeared so far
  for (let i = 0; i < tokens.length;) {
    let accepted: { c: Candidate; entry: NameEntry; why?: string } | undefined;
    for (const c of candidates[i]!) {
      const choice = choose(c.entries, entry => page.eligibility(c, entry, namedPeople), page.present);
      if (choice) {
        accepted = { c, ...choice };
        break;
      }
    }
    if (!accepted) {
      i++;
      continue;
    }
    const { c, entry, why } = accepted;
    const start = tokens[c.first]!.start;
    // A closing "+" is part of the name ("Canal+"; partOf() has checked it is there).
    const end = tokens[c.last]!.end + (entry.name.endsWith('+') ? 1 : 0);
    const mention: Mention = {
      start,
      end,
      text: text.slice(start, end),
      entityId: index.entity(entry.entity).id,
      entity: entry.entity,
      name: entry.name,
      rule: entry.policy === 'always' ? 'name' : entry.policy,
    };
    if (why) mention.evidence = why;
    mentions.push(mention);
    if (entry.policy !== 'surname') namedPeople.add(entry.entity);
    i = c.last + 1;
  }
  return mentions;
}

/** Where the walk of the trie for a candidate has got to. */
interface WalkState {
  node: TrieNode;
  /** The last token read. */
  last: number;
  /** The middle initial skipped, or -1. */
  skipped: number;
}

/** Every name starting at token i, longest first. */
function candidatesAt(index: MatchIndex, tokens: Token[], gaps: readonly string[], i: number): Candidate[] {
  const root = index.rootNode(tokens[i]!.norm);
  if (!root) return NO_CANDIDATES;
  let found: Candidate[] | undefined;
  // Breadth first; arrays are made only when there is something to put in them.
  let states: WalkState[] | undefined = [{ node: root, last: i, skipped: -1 }];
  while (states) {
    let next: WalkState[] | undefined;
    for (const s of states) {
      if (s.node.entries) {
        const entries = s.node.entries.filter(e => fits(e, index, tokens, gaps, i, s.skipped));
        if (entries.length)
          (found ??= []).push(
            s.skipped < 0
              ? { first: i, last: s.last, entries }
              : { first: i, last: s.last, entries, skipped: s.skipped },
          );
      }
      const j = s.last + 1;
      if (!s.node.next || j >= tokens.length || gaps[j] === HARD_BREAK) continue;
      const child = s.node.next.get(tokens[j]!.norm);
      if (child) (next ??= []).push({ node: child, last: j, skipped: s.skipped });
      // A middle initial the dataset's name does not have: "Jeff P. Bezos" for "Jeff Bezos".
      if (
        s.skipped < 0 &&
        j + 1 < tokens.length &&
        gaps[j] === ' ' &&
        gaps[j + 1] === ' ' &&
        tokens[j]!.raw.length <= 2 && // one code point at most
        /^\p{Lu}$/u.test(tokens[j]!.raw)
      ) {
        const after = s.node.next.get(tokens[j + 1]!.norm);
        if (after) (next ??= []).push({ node: after, last: j + 1, skipped: j });
      }
    }
    states = next;
  }
  // Longest first; for the same span, the name as written before one that skips an initial.
  if (!found) return NO_CANDIDATES;
  return found.sort((a, b) => b.last - a.last || (a.skipped ?? -1) - (b.skipped ?? -1));
}

/** Shared by the tokens where no name starts (most of them); never modified. */
const NO_CANDIDATES: Candidate[] = [];

/** The name's gaps and case rule hold for the tokens starting at i (less a skipped middle initial). */
function fits(
  entry: NameEntry,
  index: MatchIndex,
  tokens: Token[],
  gaps: readonly string[],
  i: number,
  skipped: number,
): boolean {
  // Only a plain "First Last" person name takes a middle initial it does not have: "George H. W. Bush"
  // is not "George W. Bush".
  if (
    skipped >= 0 &&
    (index.entity(entry.entity).kind !== 'person' ||
      entry.rawTokens.length !== 2 ||
      entry.rawTokens.some(t => t.length === 1))
  ) {
    return false;
  }
  const at = (k: number) => (skipped >= 0 && i + k >= skipped ? i + k + 1 : i + k);
  for (let k = 0; k < entry.gaps.length; k++) {
    const got = skipped >= 0 && at(k + 1) === skipped + 1 ? ' ' : gaps[at(k + 1)];
    if (entry.gaps[k] !== got) return false;
  }
  if (entry.caseRule === 'any') return true;
  for (let k = 0; k < entry.rawTokens.length; k++) {
    const want = entry.rawTokens[k]!;
    const got = tokens[at(k)]!.raw;
    if (entry.caseRule === 'exact') {
      if (want !== got) return false;
    } else if (isUpper(want[0]!) && !isUpper(got[0]!)) {
      return false;
    }
  }
  return true;
}

type Verdict = false | { why?: string };

/** One entity for this candidate, or none when the page cannot tell them apart. */
function choose(
  entries: NameEntry[],
  verdict: (e: NameEntry) => Verdict,
  present: Set<number>,
): { entry: NameEntry; why?: string } | undefined {
  const eligible: { entry: NameEntry; why?: string }[] = [];
  for (const entry of entries) {
    const v = verdict(entry);
    if (v) eligible.push(v.why ? { entry, why: v.why } : { entry });
  }
  const entities = new Set(eligible.map(e => e.entry.entity));
  if (entities.size === 1) return eligible[0];
  if (entities.size === 0) return undefined;
  const onPage = eligible.filter(e => present.has(e.entry.entity));
  if (new Set(onPage.map(e => e.entry.entity)).size === 1) return onPage[0];
  return undefined;
}

/** What the page says, computed once per text. */
class Page {
  /** Entities named on the page by an unconditional name, a name with a legal suffix, or a listed ticker. */
  readonly present = new Set<number>();
  /** Where each present entity is named (token positions, in order). */
  private readonly presentAt = new Map<number, number[]>();
  /** Surnames that more than one person on the page may carry. */
  private readonly sharedSurnames = new Set<string>();
  /** Whether each cue phrase (by id) is anywhere on the page, once asked. */
  private readonly cueOnPage = new Map<number, boolean>();
  /** Entities accepted by a conditional name where the capital does count (mid-sentence), once asked. */
  private readonly acceptedMidSentence = new Map<number, boolean>();
  /** Words the page uses at the end of another name (see shadowed()), once asked. */
  private shadowedWords: Set<string> | undefined;

  constructor(
    private readonly index: MatchIndex,
    private readonly tokens: Token[],
    private readonly layout: Layout,
    private readonly candidates: Candidate[][],
  ) {
    // Left to right, the longest well-shaped unconditional (or suffixed, or listed) name at each place.
    const coveredByPerson = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length;) {
      let taken: Candidate | undefined;
      for (const c of candidates[i]!) {
        const named = c.entries.filter(e => !this.partOf(c, e) && this.namesOutright(c, e));
        const ids = new Set(named.map(e => e.entity));
        if (ids.size === 0) continue;
        if (ids.size === 1) {
          const entity = named[0]!.entity;
          this.present.add(entity);
          const at = this.presentAt.get(entity);
          if (at) at.push(i);
          else this.presentAt.set(entity, [i]);
        }
        taken = c;
        break;
      }
      if (!taken) {
        i++;
        continue;
      }
      if (taken.entries.some(e => index.entity(e.entity).kind === 'person' && e.policy !== 'surname')) {
        coveredByPerson.fill(1, taken.first, taken.last + 1);
      }
      i = taken.last + 1;
    }
    this.findSharedSurnames(coveredByPerson);
  }

  /** A name that establishes its entity on the page without any other evidence. */
  private namesOutright(c: Candidate, entry: NameEntry): boolean {
    if (entry.policy === 'always') return !this.shoutedWord(c, entry) && !this.everydayWord(c, entry);
    if (entry.policy === 'context')
      return this.legalSuffix(c, entry) !== undefined || this.listing(c, entry) !== undefined;
    return false;
  }

  /**
   * Other people who share a surname of ours: "Laura Bush" beside "George W. Bush". A surname
   * right after a capitalised word that is not a title and not part of a full name we matched
   * belongs to someone else.
   */
  private findSharedSurnames(coveredByPerson: Uint8Array): void {
    const { tokens, layout } = this;
    const index = this.index;
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (!layout.is(j, UPPER_FIRST) || coveredByPerson[j] || !layout.plainSpaceBefore(j) || !index.isSurname(t.norm))
        continue;
      // A first name: capitalised, not a title, not a function word capitalised in a title ("Dinner With Saddam").
      const prev = tokens[j - 1]!;
      if (
        !layout.is(j - 1, TITLE) ||
        TITLES.has(prev.norm) ||
        SENTENCE_STARTERS.has(prev.norm) ||
        CALENDAR.has(prev.norm)
      )
        continue;
      if (layout.inTitleLine[j - 1]) continue;
      this.sharedSurnames.add(t.norm);
    }
  }

  eligibility(c: Candidate, entry: NameEntry, namedPeople: Set<number>): Verdict {
    if (this.partOf(c, entry)) return false;
    const blind = this.caseBlind(c, entry);
    switch (entry.policy) {
      case 'always':
        if (this.shoutedWord(c, entry)) return false;
        // Named outright elsewhere on the page: there it was the entity, so here too.
        if (this.everydayWord(c, entry) && !this.present.has(entry.entity)) return false;
        return {};
      case 'context': {
        const listed = this.listing(c, entry);
        if (listed) return { why: listed };
        // A ticker or a stock code is a word or a number anywhere else: "NOK per dollar", "in 1810".
        if (entry.kind === 'ticker') return false;
        const suffix = this.legalSuffix(c, entry);
        if (suffix) return { why: `legal suffix “${suffix}”` };
        const role = this.organisationWord(c, entry);
        if (role) return { why: `followed by “${role}”` };
        // The page uses the word inside another name ("Hurricane Delta"): evidence must be right here.
        if (c.first === c.last && this.shadowed(this.tokens[c.first]!.norm)) return false;
        if (this.present.has(entry.entity)) return { why: 'full name on the page' };
        const cue = this.cue(c, entry, blind);
        if (cue) return { why: cue };
        for (const other of this.index.relatedTo(entry.entity)) {
          const at = this.presentAt.get(other);
          if (!at) continue;
          if (!blind) return { why: `connected to ${this.index.entity(other).id} on the page` };
          if (within(at, c.first - CUE_WINDOW, c.last + CUE_WINDOW) !== undefined) {
            return { why: `connected to ${this.index.entity(other).id} nearby` };
          }
        }
        if (blind && this.midSentenceElsewhere(entry.entity)) return { why: 'named mid-sentence on the page' };
        return false;
      }
      case 'surname': {
        if (!namedPeople.has(entry.entity)) return false;
        const surname = this.index.surnameOf(entry.entity)!;
        if (this.sharedSurnames.has(surname)) return false;
        for (const other of this.present) {
          if (
            other !== entry.entity &&
            this.index.entity(other).kind === 'person' &&
            this.index.surnameOf(other) === surname
          )
            return false;
        }
        if (blind && entry.rawTokens.length === 1 && this.layout.usesInLowerCase(this.tokens[c.first]!.norm))
          return false;
        if (
          c.first > 0 &&
          PLACE_PREPOSITIONS.has(this.tokens[c.first - 1]!.norm) &&
          this.layout.plainSpaceBefore(c.first)
        )
          return false;
        return { why: 'full name earlier on the page' };
      }
    }
  }

  /**
   * Whether the page uses this word as the end of another name, after a capitalised word and not
   * inside a name we know ("Hurricane Delta", "Milton S. Hershey"; not "US Congress"): then a bare
   * "Delta" elsewhere may be that too, and page-wide evidence (a cue, the company's full name) does
   * not settle it.
   */
  private shadowed(norm: string): boolean {
    if (!this.shadowedWords) {
      const words = (this.shadowedWords = new Set<string>());
      for (const list of this.candidates) {
        for (const c of list) {
          if (c.first !== c.last || this.insideName(c.first)) continue;
          if (c.entries.some(e => e.policy === 'context' && this.partOf(c, e) === AFTER_CAPITAL))
            words.add(this.tokens[c.first]!.norm);
        }
      }
    }
    return this.shadowedWords.has(norm);
  }

  /** Whether a name we know, starting before token i, covers it ("US Congress" covers "Congress"). */
  private insideName(i: number): boolean {
    for (let j = Math.max(0, i - 8); j < i; j++) {
      if (this.candidates[j]!.some(d => d.last >= i)) return true;
    }
    return false;
  }

  /**
   * Whether a conditional name of this entity is accepted somewhere on the page where its capital
   * counts (mid-sentence, outside headlines): then a sentence-initial or headline occurrence means the
   * same entity. The page has shown which "Amazon" it is about.
   */
  private midSentenceElsewhere(entity: number): boolean {
    let known = this.acceptedMidSentence.get(entity);
    if (known !== undefined) return known;
    known = false;
    outer: for (const list of this.candidates) {
      for (const other of list) {
        for (const e of other.entries) {
          // Not case-blind, so eligibility() cannot come back here.
          if (
            e.entity === entity &&
            e.policy === 'context' &&
            !this.caseBlind(other, e) &&
            this.eligibility(other, e, new Set())
          ) {
            known = true;
            break outer;
          }
        }
      }
    }
    this.acceptedMidSentence.set(entity, known);
    return known;
  }

  /** What the text around the candidate shows it is part of, if anything. */
  private partOf(c: Candidate, entry: NameEntry): string | undefined {
    const { tokens, layout } = this;
    const kind = this.index.entity(entry.entity).kind;
    const person = kind === 'person';
    const before = c.first - 1;
    const after = c.last + 1;
    // A name that ends in "+" ("Canal+") is another word without it ("Canal- street").
    if (entry.name.endsWith('+') && !layout.gapAfter(c.last).startsWith('+')) return 'no “+”';
    // A company's name in a table of results is a team's ("Haitai 2 Samsung 0").
    if (kind === 'company' && layout.inScoreLine[c.first]) return 'a team in a table of results';
    // A ship: "USS Gerald R. Ford", "HMS Queen Elizabeth".
    if (before >= 0 && SHIP_PREFIXES.has(tokens[before]!.raw) && layout.plainSpaceBefore(c.first)) return 'a ship';
    // After a person's title, a company's or a body's name is a person's: "President Ford", "Sen. Warner".
    if (!person && before >= 0 && HONORIFICS.has(tokens[before]!.norm) && this.spaceAfterName(before))
      return "a person's title before it";
    // A dateline: a place in capitals opening a line, then a comma and a state or a country in
    // ordinary case ("HERSHEY, Pa. (AP) —", "PARAMOUNT, Calif. —").
    if (
      !person &&
      layout.sentenceStart[c.first] &&
      after < tokens.length &&
      layout.is(c.first, CAPS) &&
      layout.is(c.last, CAPS) &&
      /^,[^\S\n\r\u2028\u2029]+$/.test(layout.gapBefore[after]!) &&
      layout.is(after, TITLE)
    )
      return 'a dateline';
    // A one-word name opening a sentence, right before an article or a possessive, is a verb in the
    // imperative: "Cook the rice", "Google the answer", "Chase your dreams". (Not in a headline:
    // "Trump a Threat, Poll Says" drops its verb.)
    if (
      entry.rawTokens.length === 1 &&
      layout.sentenceStart[c.first] &&
      !layout.inTitleLine[c.first] &&
      after < tokens.length &&
      DETERMINERS.has(tokens[after]!.norm) &&
      layout.is(after, LOWER_FIRST) &&
      layout.plainSpaceBefore(after)
    )
      return 'a verb';
    // "the X" heading its phrase (a verb, a stop or nothing next) is a thing or a place, not a
    // company, which takes no article: "Deforestation in the Amazon rose", "farmers in the Delta."
    // A company after "the" modifies a noun ("the Amazon founder"); a public body takes "the"
    // ("the Senate", "the Fed").
    if (
      kind === 'company' &&
      entry.policy === 'context' &&
      entry.rawTokens.length === 1 &&
      before >= 0 &&
      tokens[before]!.raw === 'the' &&
      layout.plainSpaceBefore(c.first) &&
      (after >= tokens.length ||
        !layout.plainSpaceBefore(after) ||
        (layout.is(after, LOWER_FIRST) && VERBISH.test(tokens[after]!.norm)))
    )
      return 'a thing or a place';
    // Followed by a lower-case word for a landscape, it names a place: "the Amazon rainforest",
    // "Susquehanna river".
    if (
      !person &&
      after < tokens.length &&
      LANDSCAPE.has(tokens[after]!.norm) &&
      layout.is(after, LOWER_FIRST) &&
      layout.plainSpaceBefore(after)
    )
      return 'a place';
    // Fused by a hyphen to a lower-case word: "meta-analysis", "pre-Castro", "UN-backed".
    if (before >= 0 && layout.hyphenBefore(c.first) && layout.is(before, LOWER_FIRST)) return 'compound word';
    if (after < tokens.length && layout.hyphenBefore(after) && layout.is(after, LOWER_FIRST)) return 'compound word';
    // Followed by a capitalised word: a longer name ("UEFA Cup", "Trump Tower", "U.N. Council",
    // "Apple TV", "Elizabeth I"); not a role ("Federal Reserve Chairman", "Apple CEO"), a day or
    // a month ("CNN Saturday").
    if (after < tokens.length && this.spaceAfterName(c.last) && layout.capitalInformative(after)) {
      const next = tokens[after]!;
      const word = !ROLES.has(next.norm) && !CALENDAR.has(next.norm) && !SENTENCE_STARTERS.has(next.norm);
      const continues = person
        ? (layout.is(after, TITLE) && word) || ROMAN.test(next.raw)
        : layout.is(after, TITLE | CAPS) && word && !DESIGNATORS.has(next.norm);
      if (continues) return 'part of a longer name';
      // A model designation: a product's name ("Airbus A350", "Boeing 737", "Apple M1").
      if (!person && MODEL.test(next.raw)) return 'part of a product’s name';
      // "Republican Party of Kentucky", "Bank of …"
      if (!person && next.norm === 'of' && after + 1 < tokens.length && layout.plainSpaceBefore(after + 1)) {
        if (layout.is(after + 1, UPPER_FIRST) && layout.capitalInformative(after + 1)) return 'part of a longer name';
      }
    }
    // Preceded by a capitalised word that is not a title: "Indonesian Democratic Party", "Jeb Bush".
    // A person's full name keeps its titles and epithets ("German Chancellor Angela Merkel").
    const fullName = person && entry.policy !== 'surname' && entry.rawTokens.length > 1;
    if (
      !fullName &&
      before >= 0 &&
      layout.plainSpaceBefore(c.first) &&
      !layout.inTitleLine[before] &&
      !layout.inCapsRun[before]
    ) {
      const prev = tokens[before]!;
      const capital = layout.is(before, TITLE) || (!person && layout.is(before, CAPS));
      // An article is no part of the name ("The Associated Press"); any other function word
      // capitalised mid-sentence is ("Dinner With Saddam").
      const starter = (layout.sentenceStart[before] && SENTENCE_STARTERS.has(prev.norm)) || ARTICLES.has(prev.norm);
      if (capital && !starter && !TITLES.has(prev.norm)) return AFTER_CAPITAL;
    }
    return undefined;
  }

  /**
   * An acronym in a line of capitals that the page also uses as an ordinary word: "WHO" in
   * "WHO IS NEXT" on a page that says "who". ("NFL" in "NFL AMERICAN FOOTBALL" is fine.)
   */
  private shoutedWord(c: Candidate, entry: NameEntry): boolean {
    const acronym = entry.rawTokens.every(t => isCapsWord(t) || !/\p{L}/u.test(t)) && entry.rawTokens.some(isCapsWord);
    if (!acronym || !this.caseBlind(c, entry)) return false;
    for (let i = c.first; i <= c.last; i++) if (this.layout.usesInLowerCase(this.tokens[i]!.norm)) return true;
    return false;
  }

  /**
   * A one-word name (or "The" and one word) where its capital says nothing (a sentence start, a
   * headline), on a page that uses the word in lower case: "Paramount importance… a paramount
   * concern", "THE GAP BETWEEN RICH AND POOR… the gap". The page shows the word is an everyday one.
   */
  private everydayWord(c: Candidate, entry: NameEntry): boolean {
    const words =
      entry.rawTokens.length === 2 && entry.rawTokens[0]!.toLowerCase() === 'the' ? 1 : entry.rawTokens.length;
    return words === 1 && this.caseBlind(c, entry) && this.layout.usesInLowerCase(this.tokens[c.last]!.norm);
  }

  /**
   * Token `last` is followed by plain space, or by the period of an abbreviation: after a name
   * ("U.N. Council") or a title ("Sen. Warner").
   */
  private spaceAfterName(last: number): boolean {
    const { tokens, layout } = this;
    if (last + 1 >= tokens.length) return false;
    if (layout.plainSpaceBefore(last + 1)) return true;
    const t = tokens[last]!;
    return (
      /^\.[^\S\n\r\u2028\u2029]+$/.test(layout.gapBefore[last + 1]!) &&
      (t.norm.length === 1 || ABBREVIATIONS.has(t.norm))
    );
  }

  /**
   * Whether the text's capitals say nothing about this candidate: each capital the name
   * needs falls at a sentence start, on a Title Case headline, or in text set in capitals.
   */
  private caseBlind(c: Candidate, entry: NameEntry): boolean {
    const { tokens, layout } = this;
    let capitals = 0;
    for (let k = 0, i = c.first; i <= c.last; i++) {
      if (i === c.skipped) continue;
      const want = entry.rawTokens[k++]!;
      if (!/\p{Lu}/u.test(want)) continue;
      capitals++;
      if (
        isCapsWord(want)
          ? !layout.inCapsRun[i]
          : !layout.is(i, CAPS) && !layout.sentenceStart[i] && !layout.inTitleLine[i]
      ) {
        return false;
      }
    }
    return capitals > 0;
  }

  /** A legal form right after a company's name: "Apple Inc.", "Shell plc", "Nestlé S.A.". */
  private legalSuffix(c: Candidate, entry: NameEntry): string | undefined {
    if (this.index.entity(entry.entity).kind === 'person') return undefined;
    const { tokens, layout } = this;
    const j = c.last + 1;
    if (j >= tokens.length || !/^[^\S\n\r\u2028\u2029]*[,&]?[^\S\n\r\u2028\u2029]*$/.test(layout.gapBefore[j]!))
      return undefined;
    let norm = tokens[j]!.norm;
    let raw = tokens[j]!.raw;
    if (norm.length === 1 && j + 1 < tokens.length && layout.gapBefore[j + 1] === '.') {
      norm += tokens[j + 1]!.norm; // S.A., N.V., A.G.
      raw = `${raw}.${tokens[j + 1]!.raw}.`;
    }
    if (layout.gapBefore[j]!.includes('&')) return norm === 'co' ? `& ${raw}` : undefined;
    return LEGAL_SUFFIXES.has(norm) ? raw : undefined;
  }

  /** A word right after the name that only an organisation has: "GM spokesman", "Apple shares". */
  private organisationWord(c: Candidate, entry: NameEntry): string | undefined {
    if (this.index.entity(entry.entity).kind === 'person' || entry.kind === 'ticker') return undefined;
    const j = c.last + 1;
    if (j >= this.tokens.length || !this.spaceAfterName(c.last)) return undefined;
    const next = this.tokens[j]!;
    return ROLES.has(next.norm) && this.layout.is(j, LOWER_FIRST | CAPS) ? next.raw : undefined;
  }

  /** A ticker written as a listing: "NASDAQ: AMZN", "NYSE:T", or Reuters' "(AMZN.O)". */
  private listing(c: Candidate, entry: NameEntry): string | undefined {
    if (entry.kind !== 'ticker') return undefined;
    const { tokens, layout } = this;
    const before = c.first - 1;
    if (before >= 0 && EXCHANGES.has(tokens[before]!.norm) && /^\s*:\s*$/.test(layout.gapBefore[c.first]!)) {
      return `listed as ${tokens[before]!.raw}: ${tokens[c.first]!.raw}`;
    }
    const after = c.last + 1;
    if (
      after < tokens.length &&
      /\($/.test(layout.gapBefore[c.first]!) &&
      layout.gapBefore[after] === '.' &&
      /^\p{Lu}{1,2}$/u.test(tokens[after]!.raw) &&
      /^\)/.test(layout.gapAfter(after))
    ) {
      return `listed as ${tokens[c.first]!.raw}.${tokens[after]!.raw}`;
    }
    return undefined;
  }

  /**
   * One of the name's cue phrases (not the name itself): anywhere on the page, or, for a case-blind
   * candidate, near it.
   */
  private cue(c: Candidate, entry: NameEntry, near: boolean): string | undefined {
    for (const id of entry.cues ?? []) {
      const cue = this.index.cue(id);
      // A name is no evidence for itself: the cue "Paramount+" reads "Paramount".
      if (
        cue.tokens.length === c.last - c.first + 1 &&
        cue.tokens.every((w, k) => this.tokens[c.first + k]!.norm === w)
      )
        continue;
      if (near) {
        if (this.phrase(cue.tokens, c.first - CUE_WINDOW, c.last + CUE_WINDOW) !== undefined)
          return `“${cue.text}” nearby`;
        continue;
      }
      let onPage = this.cueOnPage.get(id);
      if (onPage === undefined)
        this.cueOnPage.set(id, (onPage = this.phrase(cue.tokens, 0, this.tokens.length) !== undefined));
      if (onPage) return `“${cue.text}” on the page`;
    }
    return undefined;
  }

  /**
   * The first start of a phrase within [from, to], if any. A plain scan: a page asks for few
   * phrases (each cue once on the whole page, or in a window around a candidate), and comparing
   * words costs less than indexing every word of the page.
   */
  private phrase(phrase: readonly string[], from: number, to: number): number | undefined {
    const { tokens } = this;
    const first = phrase[0];
    const last = Math.min(to, tokens.length - 1);
    for (let s = Math.max(from, 0); s <= last; s++) {
      if (tokens[s]!.norm === first && phrase.every((word, m) => tokens[s + m]?.norm === word)) return s;
    }
    return undefined;
  }
}

/** Index of the first value >= x in an ascending list. */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A value of an ascending list within [from, to], if any. */
function within(sorted: readonly number[], from: number, to: number): number | undefined {
  const v = sorted[firstAtLeast(sorted, from)];
  return v !== undefined && v <= to ? v : undefined;
}
