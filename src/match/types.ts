/**
 * What the matcher needs to know about the dataset. Structurally a subset of
 * the dataset's entity records, so the match room depends on nothing else.
 */

export type MatchPolicy = 'always' | 'context' | 'never';
export type CaseRule = 'title' | 'exact' | 'any';

export interface MatchName {
  text: string;
  kind: string;
  match?: MatchPolicy | undefined;
  case?: CaseRule | undefined;
  cues?: readonly string[] | undefined;
}

export interface MatchEntity {
  id: string;
  kind: string;
  names: readonly MatchName[];
  /** A listed company's ticker, "EXCHANGE:SYMBOL": the symbol is matched in context. */
  ids?: { ticker?: string | undefined } | undefined;
}

/** A pair of entity ids that the dataset connects (a stake, a role, a shared policy item…). */
export type Relation = readonly [string, string];

/** Why a mention was accepted; shown to the reader in small print. */
export type MatchRule =
  | 'name' // an unconditional name
  | 'context' // a conditional name, with evidence on the page
  | 'surname'; // a surname after the full name appeared

export interface Mention {
  /** UTF-16 offsets into the matched text. */
  start: number;
  end: number;
  text: string;
  entityId: string;
  /** The entity's index in the name index. */
  entity: number;
  /** The dataset name that matched. */
  name: string;
  rule: MatchRule;
  /** For context matches: what the evidence was. */
  evidence?: string;
}
