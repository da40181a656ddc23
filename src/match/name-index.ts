/**
 * The name index: a trie keyed by normalised tokens, so one pass over a
 * text finds every dataset name in it whatever the number of names (the cost
 * grows with the text, not with the dataset).
 */
import { canonicalGap, tokenize } from './text.ts';
import type { CaseRule, MatchEntity, MatchName, Relation } from './types.ts';

export type EntryPolicy = 'always' | 'context' | 'surname';

export interface NameEntry {
  /** Index into NameIndex.entities. */
  entity: number;
  name: string;
  /** The name's kind in the dataset: primary, alias, ticker, surname… */
  kind: string;
  /** The name's tokens as written, for the case rule. */
  rawTokens: readonly string[];
  /** Canonical gaps between the name's tokens. */
  gaps: readonly string[];
  policy: EntryPolicy;
  caseRule: CaseRule;
  /** Indexes into NameIndex.cues. */
  cues?: readonly number[];
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: NameEntry[];
}

export interface IndexedEntity {
  id: string;
  kind: string;
}

/** Generational suffixes skipped when deriving a surname. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);

export class NameIndex {
  readonly entities: IndexedEntity[] = [];
  readonly root = new Map<string, TrieNode>();
  /** Cue phrases: as written, and as token sequences. */
  readonly cues: { text: string; tokens: string[] }[] = [];
  /** Entities connected by the dataset, by entity index. */
  readonly related = new Map<number, Set<number>>();
  /** Normalised surname of each person, by entity index. */
  readonly surnames = new Map<number, string>();
  /** Every normalised surname, to spot other people who share one. */
  readonly surnameSet = new Set<string>();
  private readonly byId = new Map<string, number>();
  private readonly cueIds = new Map<string, number>();
  nameCount = 0;

  constructor(entities: Iterable<MatchEntity>, relations: Iterable<Relation> = []) {
    for (const entity of entities) this.add(entity);
    for (const [a, b] of relations) this.relate(a, b);
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  add(entity: MatchEntity): void {
    if (this.byId.has(entity.id)) throw new Error(`duplicate entity id ${entity.id}`);
    const index = this.entities.length;
    this.entities.push({ id: entity.id, kind: entity.kind });
    this.byId.set(entity.id, index);
    let hasSurname = false;
    for (const name of entity.names) {
      if (name.kind === 'surname') hasSurname = true;
      this.addName(index, name);
    }
    if (entity.kind === 'person' && !hasSurname) {
      const surname = deriveSurname(entity.names[0]?.text ?? '');
      if (surname) this.addName(index, { text: surname, kind: 'surname' });
    }
    // A listed company's ticker symbol ("NASDAQ:AMZN") is a name, matched only in context.
    const symbol = entity.ids?.ticker?.split(':')[1];
    if (symbol && !entity.names.some(n => n.kind === 'ticker' && n.text === symbol)) {
      this.addName(index, { text: symbol, kind: 'ticker', match: 'context' });
    }
  }

  relate(a: string, b: string): void {
    const ia = this.byId.get(a);
    const ib = this.byId.get(b);
    if (ia === undefined || ib === undefined || ia === ib) return;
    let set = this.related.get(ia);
    if (!set) this.related.set(ia, (set = new Set()));
    set.add(ib);
    let back = this.related.get(ib);
    if (!back) this.related.set(ib, (back = new Set()));
    back.add(ia);
  }

  private addName(entity: number, name: MatchName): void {
    const policy = policyOf(name);
    if (policy === 'never') return;
    const tokens = tokenize(name.text);
    if (tokens.length === 0) return;
    const gaps: string[] = [];
    for (let i = 1; i < tokens.length; i++) {
      gaps.push(canonicalGap(name.text.slice(tokens[i - 1]!.end, tokens[i]!.start), tokens[i - 1]!.norm));
    }
    const entry: NameEntry = {
      entity,
      name: name.text,
      kind: name.kind,
      rawTokens: tokens.map(t => t.raw),
      gaps,
      policy,
      caseRule: name.case ?? (name.kind === 'abbreviation' || name.kind === 'ticker' ? 'exact' : 'title'),
    };
    if (name.cues?.length) entry.cues = name.cues.map(cue => this.cueId(cue));
    if (policy === 'surname') {
      const norm = tokens.map(t => t.norm).join(' ');
      this.surnames.set(entity, norm);
      this.surnameSet.add(norm);
    }

    let level = this.root;
    let node: TrieNode | undefined;
    for (const token of tokens) {
      node = level.get(token.norm);
      if (!node) level.set(token.norm, (node = {}));
      level = node.next ??= new Map();
    }
    // Drop an identical name of the same entity (e.g. an alias that folds to the primary).
    const entries = (node!.entries ??= []);
    if (entries.some(e => e.entity === entity && e.policy === policy && e.gaps.join('|') === gaps.join('|'))) return;
    entries.push(entry);
    this.nameCount++;
  }

  private cueId(cue: string): number {
    const key = tokenize(cue)
      .map(t => t.norm)
      .join(' ');
    let id = this.cueIds.get(key);
    if (id === undefined) {
      id = this.cues.length;
      this.cues.push({ text: cue, tokens: key.split(' ') });
      this.cueIds.set(key, id);
    }
    return id;
  }
}

function policyOf(name: MatchName): EntryPolicy | 'never' {
  if (name.kind === 'surname') return name.match === 'never' ? 'never' : 'surname';
  if (name.match) return name.match;
  return name.kind === 'abbreviation' || name.kind === 'ticker' ? 'context' : 'always';
}

/** "Donald J. Trump" → "Trump"; "Martin Luther King Jr." → "King". Undefined for one-word names. */
export function deriveSurname(fullName: string): string | undefined {
  const tokens = tokenize(fullName);
  let last = tokens.length - 1;
  while (last > 0 && NAME_SUFFIXES.has(tokens[last]!.norm)) last--;
  if (last < 1) return undefined;
  const token = tokens[last]!;
  if (token.raw.length < 2) return undefined;
  return fullName.slice(token.start, token.end);
}
