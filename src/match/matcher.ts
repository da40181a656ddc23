/**
 * Finds the mentions of dataset entities in a text: precision first.
 *
 * 1. Candidates: at each token, walk the trie for every name that starts
 *    there (all lengths), checking the name's gaps and case rule.
 * 2. Page evidence: the entities named unconditionally somewhere in the text.
 * 3. Left to right, the longest candidate whose entity is eligible wins:
 *    - an unconditional name is eligible;
 *    - a conditional ("context") name needs evidence: one of its cue phrases
 *      in the text, an unconditional name of the same entity, or a connected
 *      entity named unconditionally;
 *    - a surname needs its person's full name earlier in the text, and no
 *      other person with that surname named on the page.
 *    When a name fits several eligible entities and the page does not decide
 *    between them, nothing is underlined.
 */
import type { NameEntry, NameIndex, TrieNode } from './name-index.ts';
import { canonicalGap, HARD_BREAK, tokenize, type Token } from './text.ts';
import type { Mention } from './types.ts';

interface Candidate {
  /** Index of the last token. */
  last: number;
  entries: NameEntry[];
}

export function findMentions(index: NameIndex, text: string): Mention[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const gaps = tokens.map((t, i) => (i === 0 ? HARD_BREAK : canonicalGap(text.slice(tokens[i - 1]!.end, t.start), tokens[i - 1]!.norm)));

  const candidates: Candidate[][] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) candidates[i] = candidatesAt(index.root, tokens, gaps, i);

  // Entities with an unconditional name on the page (only names naming one entity count).
  const present = new Set<number>();
  for (const list of candidates) {
    for (const c of list) {
      const always = c.entries.filter(e => e.policy === 'always');
      const ids = new Set(always.map(e => e.entity));
      if (ids.size === 1) present.add(always[0]!.entity);
    }
  }
  const evidence = new Evidence(index, tokens, present);

  const mentions: Mention[] = [];
  const namedPeople = new Set<number>(); // people whose full name has appeared so far
  for (let i = 0; i < tokens.length; ) {
    let accepted: { c: Candidate; entry: NameEntry; why?: string } | undefined;
    for (const c of candidates[i]!) {
      const choice = choose(c.entries, entry => eligibility(entry, index, evidence, namedPeople), present);
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
    const start = tokens[i]!.start;
    const end = tokens[c.last]!.end;
    const mention: Mention = {
      start,
      end,
      text: text.slice(start, end),
      entityId: index.entities[entry.entity]!.id,
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

/** Every name starting at token i, longest first. */
function candidatesAt(root: Map<string, TrieNode>, tokens: Token[], gaps: string[], i: number): Candidate[] {
  const found: Candidate[] = [];
  let node = root.get(tokens[i]!.norm);
  let j = i;
  while (node) {
    if (node.entries) {
      const entries = node.entries.filter(e => fits(e, tokens, gaps, i));
      if (entries.length) found.push({ last: j, entries });
    }
    j++;
    if (j >= tokens.length || gaps[j] === HARD_BREAK || !node.next) break;
    node = node.next.get(tokens[j]!.norm);
  }
  return found.reverse();
}

/** The name's gaps and case rule hold for the tokens starting at i. */
function fits(entry: NameEntry, tokens: Token[], gaps: string[], i: number): boolean {
  for (let k = 0; k < entry.gaps.length; k++) {
    if (entry.gaps[k] !== gaps[i + k + 1]) return false;
  }
  if (entry.caseRule === 'any') return true;
  for (let k = 0; k < entry.rawTokens.length; k++) {
    const want = entry.rawTokens[k]!;
    const got = tokens[i + k]!.raw;
    if (entry.caseRule === 'exact') {
      if (want !== got) return false;
    } else if (isUpper(want[0]!) && !isUpper(got[0]!)) {
      return false;
    }
  }
  return true;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

type Verdict = false | { why?: string };

function eligibility(entry: NameEntry, index: NameIndex, evidence: Evidence, namedPeople: Set<number>): Verdict {
  switch (entry.policy) {
    case 'always':
      return {};
    case 'context': {
      const why = evidence.for(entry);
      return why ? { why } : false;
    }
    case 'surname': {
      if (!namedPeople.has(entry.entity)) return false;
      const surname = index.surnames.get(entry.entity);
      for (const other of evidence.present) {
        if (other !== entry.entity && index.entities[other]!.kind === 'person' && index.surnames.get(other) === surname) return false;
      }
      return { why: 'full name earlier on the page' };
    }
  }
}

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

/** What the page says, computed once per text and only as far as needed. */
class Evidence {
  private tokenPositions: Map<string, number[]> | undefined;

  constructor(
    private readonly index: NameIndex,
    private readonly tokens: Token[],
    readonly present: Set<number>,
  ) {}

  /** The reason a conditional name may match, or undefined. */
  for(entry: NameEntry): string | undefined {
    if (this.present.has(entry.entity)) return 'full name on the page';
    for (const id of entry.cues ?? []) {
      const cue = this.index.cues[id]!;
      if (this.hasPhrase(cue.tokens)) return `“${cue.text}” on the page`;
    }
    for (const other of this.index.related.get(entry.entity) ?? []) {
      if (this.present.has(other)) return `connected to ${this.index.entities[other]!.id} on the page`;
    }
    return undefined;
  }

  private hasPhrase(phrase: string[]): boolean {
    if (!this.tokenPositions) {
      this.tokenPositions = new Map();
      this.tokens.forEach((t, i) => {
        const list = this.tokenPositions!.get(t.norm);
        if (list) list.push(i);
        else this.tokenPositions!.set(t.norm, [i]);
      });
    }
    const starts = this.tokenPositions.get(phrase[0]!) ?? [];
    return starts.some(s => phrase.every((word, k) => this.tokens[s + k]?.norm === word));
  }
}
