/**
 * The dataset schema: one valibot schema serves the compiler (Node) and the
 * extension at run time. valibot generates no code, so it is safe under the
 * MV3 Content-Security-Policy (no `new Function`).
 *
 * Source files (`src/data/sources/*.jsonl`) hold one record per line. Every
 * record has a `type`. Entities hold identity only; everything that can be
 * disputed or go stale is a claim with at least one source and an as-of date.
 * See docs/data.md for the full description and an example.
 */
import * as v from 'valibot';

/** "2024", "2024-04" or "2024-04-24": the precision is the precision of the fact. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const partialDate = v.pipe(
  v.string(),
  v.regex(PARTIAL_DATE, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDate, 'must be a real calendar date'),
);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined || d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const httpsUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https URL'),
  v.maxLength(2000),
);

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));

/** Our own stable ids: a kind prefix and a slug, e.g. "company:bytedance". */
export const ID = /^[a-z]+:[a-z0-9][a-z0-9.-]*$/;
const id = v.pipe(v.string(), v.regex(ID, 'must look like "prefix:slug" (lowercase, digits, dots, hyphens)'));

export const ENTITY_KINDS = ['person', 'company', 'organization', 'publicBody', 'fund', 'outlet'] as const;
export const NAME_KINDS = ['primary', 'alias', 'former', 'abbreviation', 'ticker', 'translation', 'surname'] as const;
export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export const SourceSchema = v.strictObject({
  url: httpsUrl,
  publisher: v.optional(text(200)),
  title: v.optional(text(300)),
  /** The date the source describes (a filing's date, an article's publication date). */
  asOf: partialDate,
  /** When we read it. */
  retrieved: v.optional(partialDate),
  quote: v.optional(text(400)),
});

export const NameSchema = v.strictObject({
  text: text(200),
  kind: v.picklist(NAME_KINDS),
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP-47 tag'))),
  /**
   * How the detector may use this name:
   * - always: any occurrence with the right case is a mention;
   * - context: only with evidence on the page (a cue, a connected entity, a
   *   legal suffix, or an unconditional name of the same entity);
   * - never: shown on the card, never matched.
   * Default: "always", except surnames (matched only after the full name).
   */
  match: v.optional(v.picklist(['always', 'context', 'never'])),
  /**
   * Case rule. "title" (default): where the name has a capital, the text must
   * too. "exact": letter for letter (abbreviations, tickers). "any": no rule.
   */
  case: v.optional(v.picklist(['title', 'exact', 'any'])),
  /** Words or phrases whose presence on the page is evidence for a `context` name. */
  cues: v.optional(v.array(text(80))),
  /** Other things this name also means (entity ids or plain words): documentation for reviewers. */
  collides: v.optional(v.array(text(120))),
});

export const EntitySchema = v.strictObject({
  type: v.literal('entity'),
  id,
  kind: v.picklist(ENTITY_KINDS),
  names: v.pipe(
    v.array(NameSchema),
    v.minLength(1, 'needs at least one name'),
    v.check(names => names[0]?.kind === 'primary', 'the first name must have kind "primary"'),
    v.check(names => names.filter(n => n.kind === 'primary').length === 1, 'exactly one name must be primary'),
  ),
  description: text(240),
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'))),
  ids: v.optional(
    v.strictObject({
      wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/, 'must be a Wikidata QID'))),
      lei: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9]{20}$/, 'must be a 20-character LEI'))),
      cik: v.optional(v.pipe(v.string(), v.regex(/^\d{1,10}$/, 'must be an SEC CIK'))),
      bioguide: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]\d{6}$/, 'must be a bioguide id'))),
      ticker: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]+:[A-Z0-9.-]+$/, 'must be EXCHANGE:SYMBOL'))),
    }),
  ),
  /** For outlets: the web domains they publish on. */
  domains: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a bare domain')))),
  website: v.optional(httpsUrl),
});

const claimBase = {
  id,
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
  confidence: v.optional(v.picklist(CONFIDENCE)),
  note: v.optional(text(400)),
};

export const ShareSchema = v.pipe(
  v.strictObject({
    exact: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    min: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    max: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    /** The figure is approximate ("about 15%"). */
    approx: v.optional(v.boolean()),
  }),
  v.check(
    s => (s.exact !== undefined) !== (s.min !== undefined || s.max !== undefined),
    'give either exact or a min/max range',
  ),
  v.check(s => s.min === undefined || s.max === undefined || s.min <= s.max, 'min must not exceed max'),
);

export const OwnershipSchema = v.strictObject({
  type: v.literal('ownership'),
  ...claimBase,
  owner: id,
  asset: id,
  share: v.optional(ShareSchema),
  /** The share as the source published it: "about 15%", "more than 75%". */
  shareText: v.optional(text(80)),
  direct: v.optional(v.picklist(['direct', 'indirect', 'unknown'])),
  interest: v.optional(v.picklist(['shareholding', 'votingRights', 'control', 'beneficial'])),
  start: v.optional(partialDate),
  end: v.optional(partialDate),
});

export const RoleSchema = v.strictObject({
  type: v.literal('role'),
  ...claimBase,
  person: id,
  /** The organization; absent for offices that are not an entity of ours. */
  org: v.optional(id),
  role: text(160),
  category: v.optional(v.picklist(['position', 'founder', 'board', 'membership', 'employment', 'office'])),
  start: v.optional(partialDate),
  end: v.optional(partialDate),
});

export const HierarchySchema = v.strictObject({
  type: v.literal('hierarchy'),
  ...claimBase,
  parent: id,
  child: id,
  relation: v.picklist(['subsidiary', 'brand', 'division', 'subcommittee', 'joint venture']),
  start: v.optional(partialDate),
  end: v.optional(partialDate),
});

export const POLICY_KINDS = [
  'law',
  'bill',
  'courtCase',
  'investigation',
  'hearing',
  'executiveOrder',
  'regulation',
  'committeeAction',
] as const;

export const PolicyStatusSchema = v.strictObject({
  status: text(160),
  date: partialDate,
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
});

export const PolicySchema = v.strictObject({
  type: v.literal('policy'),
  id,
  kind: v.picklist(POLICY_KINDS),
  title: text(300),
  /** Popular names and abbreviations ("divest-or-ban law", "PAFACA"). */
  names: v.optional(v.array(NameSchema)),
  jurisdiction: v.pipe(
    v.string(),
    v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$|^EU$|^INT$/, 'must be a country code, EU or INT'),
  ),
  /** Public law, bill, docket, Federal Register numbers, etc. */
  identifiers: v.optional(v.record(v.pipe(v.string(), v.regex(/^[a-zA-Z]+$/)), text(80))),
  date: partialDate,
  summary: text(400),
  /** Dated status history, oldest first. */
  status: v.pipe(v.array(PolicyStatusSchema), v.minLength(1, 'needs at least one dated status')),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
});

export const PolicyLinkSchema = v.strictObject({
  type: v.literal('policyLink'),
  ...claimBase,
  policy: id,
  entity: id,
  role: v.picklist([
    'target',
    'subject',
    'party',
    'sponsor',
    'author',
    'enforcer',
    'investigator',
    'committee',
    'signer',
  ]),
  date: v.optional(partialDate),
});

export const MetaSchema = v.strictObject({
  type: v.literal('meta'),
  id: v.literal('meta:dataset'),
  version: v.pipe(v.string(), v.regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'must be YYYY.MM.DD')),
  /** The day the data was last reviewed. */
  updated: partialDate,
  license: text(200),
});

export const RecordSchema = v.variant('type', [
  MetaSchema,
  EntitySchema,
  OwnershipSchema,
  RoleSchema,
  HierarchySchema,
  PolicySchema,
  PolicyLinkSchema,
]);

export type Source = v.InferOutput<typeof SourceSchema>;
export type Name = v.InferOutput<typeof NameSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityKind = Entity['kind'];
export type Share = v.InferOutput<typeof ShareSchema>;
export type Ownership = v.InferOutput<typeof OwnershipSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Hierarchy = v.InferOutput<typeof HierarchySchema>;
export type Policy = v.InferOutput<typeof PolicySchema>;
export type PolicyLink = v.InferOutput<typeof PolicyLinkSchema>;
export type Meta = v.InferOutput<typeof MetaSchema>;
export type DataRecord = v.InferOutput<typeof RecordSchema>;
export type Claim = Ownership | Role | Hierarchy | PolicyLink;
