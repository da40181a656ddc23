/**
 * What the matcher reads from the name index, and the rules that turn a
 * dataset name into an index entry. The index itself is packed into one
 * buffer (index-pack.ts) and read in place (packed-index.ts): the trie the
 * matcher walks is made from it lazily, one first token at a time.
 */
import type { CaseRule, MatchEntity, MatchName } from './types.ts';
import { tokenize } from './text.ts';

export type EntryPolicy = 'always' | 'context' | 'surname';

export interface NameEntry {
  /** The entity's index in the name index. */
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
  /** Cue phrase ids (see MatchIndex.cue). */
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

export interface Cue {
  /** As written in the dataset. */
  text: string;
  /** Normalised tokens. */
  tokens: readonly string[];
}

/** The index as the matcher sees it. */
export interface MatchIndex {
  readonly nameCount: number;
  readonly entityCount: number;
  /** The trie node of names whose first normalised token is `norm`. */
  rootNode(norm: string): TrieNode | undefined;
  entity(index: number): IndexedEntity;
  /** Whether some person in the index has this one-token normalised surname. */
  isSurname(norm: string): boolean;
  /** The normalised surname of a person. */
  surnameOf(index: number): string | undefined;
  /** Entities the dataset connects to this one (stakes, roles, shared policy items). */
  relatedTo(index: number): readonly number[] | Uint32Array;
  cue(id: number): Cue;
}

/** Generational suffixes skipped when deriving a surname. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);

/** How a name may match: decided by the dataset, else by its kind. */
export function policyOf(name: MatchName): EntryPolicy | 'never' {
  if (name.kind === 'surname') return name.match === 'never' ? 'never' : 'surname';
  if (name.match) return name.match;
  return name.kind === 'abbreviation' || name.kind === 'ticker' ? 'context' : 'always';
}

export function caseRuleOf(name: MatchName): CaseRule {
  return name.case ?? (name.kind === 'abbreviation' || name.kind === 'ticker' ? 'exact' : 'title');
}

/**
 * Every name the index holds for an entity: its own names, a surname derived from a
 * person's full name when the dataset gives none, and a listed company's ticker symbol.
 */
export function indexedNames(entity: MatchEntity): MatchName[] {
  const names = [...entity.names];
  if (entity.kind === 'person' && !names.some(n => n.kind === 'surname')) {
    const surname = deriveSurname(names[0]?.text ?? '');
    if (surname) names.push({ text: surname, kind: 'surname' });
  }
  // A listed company's ticker symbol ("NASDAQ:AMZN") is a name, matched only in context.
  const symbol = entity.ids?.ticker?.split(':')[1];
  if (symbol && !names.some(n => n.kind === 'ticker' && n.text === symbol)) {
    names.push({ text: symbol, kind: 'ticker', match: 'context' });
  }
  return names;
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
