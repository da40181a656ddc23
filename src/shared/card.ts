/**
 * The card's view model: everything the card shows about one entity,
 * assembled by the background from the dataset and sent to the page as plain
 * data. The UI renders it as text; it never carries markup.
 */

export interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

export interface SourceView {
  url: string;
  publisher?: string;
  title?: string;
  asOf: string;
}

/** A link between this entity and another: a stake, or a corporate parent/child. */
export interface StakeView {
  claimId: string;
  other: EntityRef;
  /** "stake" for shareholdings; otherwise the hierarchy relation ("subsidiary", "brand"…). */
  relation: string;
  /** Formatted share: "about 15%", "25–50%"; absent when undisclosed. */
  share?: string;
  /** The share's numeric bounds in percent, for drawing. */
  low?: number;
  high?: number;
  start?: string;
  end?: string;
  asOf: string;
  confidence?: 'high' | 'medium' | 'low';
  note?: string;
  sources: SourceView[];
}

export interface RoleView {
  claimId: string;
  /** The other side: the organization for a person's role, the person for an organization's. */
  other?: EntityRef;
  role: string;
  start?: string;
  end?: string;
  asOf: string;
  confidence?: 'high' | 'medium' | 'low';
  sources: SourceView[];
}

export interface PolicyStatusView {
  status: string;
  date: string;
  sources: SourceView[];
}

export interface PolicyView {
  id: string;
  kind: string;
  title: string;
  jurisdiction: string;
  date: string;
  identifiers: [string, string][];
  summary: string;
  /** How this entity is linked to the item: "target", "party", "sponsor"… */
  link: string;
  /** Newest first. */
  status: PolicyStatusView[];
  sources: SourceView[];
}

/** One hop up an ownership chain: `owner` holds `share` of the entity below it. */
export interface ChainHop {
  owner: EntityRef;
  claimId: string;
  /** "about 15%", "subsidiary", or "share not disclosed". */
  share: string;
  asOf: string;
  sources: SourceView[];
}

/** A path from the entity up to an ultimate owner (one with no recorded owner), with the effective stake. */
export interface ChainView {
  /** From the entity's direct owner up to the ultimate owner. */
  hops: ChainHop[];
  /** "about 15%"; absent when a hop's share is not disclosed. */
  effective?: string;
  /** A corporate-parent hop was counted as whole control (the dataset gives no figure for it). */
  assumesWhole?: boolean;
}

/** Another entity of the same page and how this one is connected to it. */
export interface OnPageView {
  other: EntityRef;
  how: string;
}

/** The owner of the site being read (an outlet with the page's domain). */
export interface OutletView {
  outlet: EntityRef;
  owners: StakeView[];
  /** Ultimate owners, when the chain goes further than the direct owners. */
  chain: ChainView[];
  /** Entities of the story connected to the outlet's owners, and how. */
  connected: OnPageView[];
}

export interface CardData {
  entity: EntityRef & { description: string; country?: string; wikidata?: string; website?: string };
  ownedBy: StakeView[];
  owns: StakeView[];
  roles: RoleView[];
  policy: PolicyView[];
  dataset: { version: string; updated: string };
  /** Paths to the ultimate owners, when longer than one hop. */
  chain?: ChainView[];
  /** Connections to the other entities of the page the card was opened on. */
  onPage?: OnPageView[];
}
