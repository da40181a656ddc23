/**
 * FollowTheMoney entities (OpenSanctions' format: one `{id, schema, properties}` object per line,
 * every property a list of strings) → our records. Pure (no Node APIs, no DOM).
 *
 * - Person → person; Company → company; Organization and LegalEntity → organization; PublicBody →
 *   publicBody. name[0] is the primary name; other names and `alias` are aliases, `previousName`
 *   former names, `abbreviation` abbreviations, `weakAlias` aliases never matched in text.
 *   wikidataId, leiCode and cikCode become ids; other identifiers go into the description.
 * - Ownership (owner → asset) → ownership claim: `percentage` ("51%", "25-50", ">75%", "about 10")
 *   → share, kept verbatim as shareText; `ownershipType` → direct/indirect or beneficial.
 *   Directorship, Employment and Membership of a person → role claims. startDate/endDate → start/end.
 * - Sources: the interval's https `sourceUrl`, `publisher`, and as-of `modifiedAt`, else `date`,
 *   else `retrievedAt`; without an https URL the caller's `options.source`; without either the
 *   record is reported, never given one.
 * Property names follow the FtM schema YAML (alephdata/followthemoney, opensanctions/followthemoney).
 */
import type { Dataset } from '../dataset.ts';
import type { DataIssue } from '../records.ts';
import type { Entity, Name, Ownership, Role, Share } from '../schema.ts';
import {
  beginConversion,
  clip,
  compact,
  dateOf,
  ExistingEntities,
  httpsUrl,
  Ids,
  inputRef,
  isObject,
  PREFIX,
  skip,
  slugOf,
  sourceFrom,
  str,
  type Conversion,
  type ConvertOptions,
  type InputValue,
} from './common.ts';

interface FtmEntity {
  input: InputValue;
  id: string;
  schema: string;
  props: Map<string, string[]>;
}

const ENTITY_KINDS: Record<string, Entity['kind']> = {
  Person: 'person',
  Company: 'company',
  Organization: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'publicBody',
};

const ROLE_LINKS: Record<string, { person: string; org: string; role: string; category: Role['category'] }> = {
  Directorship: { person: 'director', org: 'organization', role: 'Director', category: 'board' },
  Employment: { person: 'employee', org: 'employer', role: 'Employee', category: 'employment' },
  Membership: { person: 'member', org: 'organization', role: 'Member', category: 'membership' },
};

const LABELS: Record<string, string> = {
  Person: 'Person',
  Company: 'Company',
  Organization: 'Organization',
  LegalEntity: 'Legal entity',
  PublicBody: 'Public body',
};

/** Identifiers we have no field for, shown in a generated description to tell entities apart. */
const OTHER_IDS: [string, string][] = [
  ['registrationNumber', 'reg. no.'],
  ['innCode', 'INN'],
  ['ogrnCode', 'OGRN'],
  ['taxNumber', 'tax no.'],
  ['vatCode', 'VAT'],
  ['dunsCode', 'DUNS'],
];

export function ftmToRecords(text: string, existing?: Dataset, options: ConvertOptions = {}): Conversion {
  const file = options.file ?? 'pack';
  const { out, input } = beginConversion(text, options, file, v => `FtM entity ${inputRef(v)}`);
  const issue = (e: InputValue, field: string | undefined, message: string): DataIssue => ({
    file,
    ...(e.line ? { line: e.line } : {}),
    record: `FtM entity ${inputRef(e)}`,
    ...(field ? { field } : {}),
    message,
  });

  const all: FtmEntity[] = [];
  const present = new Set<string>();
  // Entities refused as hostile or malformed are reported once; links to them are not reported again.
  for (const v of input.rejected) if (isObject(v.value) && typeof v.value.id === 'string') present.add(v.value.id);
  for (const v of input.values) {
    const e = readEntity(v, (field, message) => out.issues.push(issue(v, field, message)));
    if (!e && isObject(v.value) && typeof v.value.id === 'string') present.add(v.value.id);
    if (!e) continue;
    all.push(e);
    present.add(e.id);
  }

  const have = new ExistingEntities(existing);
  const ids = new Ids(have.ids);
  const emit = (record: Conversion['records'][number], e: FtmEntity) => {
    out.records.push(record);
    out.origins.push({ ...(e.input.line ? { line: e.input.line } : {}), ref: `FtM entity ${e.id}` });
  };

  // Entities first.
  const ours = new Map<string, { id: string; kind: Entity['kind']; name: string }>();
  const skippedRefs = new Map<string, string>();
  for (const e of all) {
    const kind = ENTITY_KINDS[e.schema];
    if (!kind) {
      if (!ROLE_LINKS[e.schema] && e.schema !== 'Ownership') {
        skip(out.skipped, `FtM schema ${e.schema}`);
        skippedRefs.set(e.id, `FtM schema ${e.schema}`);
      }
      continue;
    }
    const made = entity(e, kind);
    if (!made) {
      skip(out.skipped, 'entity without a name');
      skippedRefs.set(e.id, 'entity without a name');
      continue;
    }
    const found = have.find(
      kind,
      made.names.filter(n => n.match !== 'never').map(n => n.text),
      made.ids,
    );
    if (found) {
      ours.set(e.id, { id: found.id, kind: found.kind, name: found.names[0]!.text });
      skip(out.skipped, 'already in the dataset');
      continue;
    }
    const id = ids.make(PREFIX[kind], made.names[0]!.text, e.id);
    emit({ ...made, id }, e);
    ours.set(e.id, { id, kind, name: made.names[0]!.text });
  }

  // Then the links between them.
  for (const e of all) {
    const link = ROLE_LINKS[e.schema];
    if (e.schema !== 'Ownership' && !link) continue;
    const [fromProp, toProp] = link ? [link.person, link.org] : ['owner', 'asset'];
    const ends = [fromProp, toProp].map(prop => {
      const ref = e.props.get(prop)?.[0];
      if (!ref) {
        out.issues.push(issue(e.input, `properties.${prop}`, `a ${e.schema} needs a ${prop}`));
        return undefined;
      }
      const hit = ours.get(ref);
      if (!hit && !present.has(ref))
        out.issues.push(issue(e.input, `properties.${prop}`, `refers to FtM entity ${ref}, which is not in the input`));
      return hit;
    });
    const [from, to] = ends;
    if (!from || !to) {
      const why = [fromProp, toProp].map(p => skippedRefs.get(e.props.get(p)?.[0] ?? '')).find(Boolean);
      if (why) skip(out.skipped, `${e.schema} with a skipped party (${why})`);
      continue;
    }
    const first = (p: string) => e.props.get(p)?.[0];
    const src = sourceFrom(
      {
        url: httpsUrl(first('sourceUrl')),
        publisher: first('publisher'),
        asOf: dateOf(first('modifiedAt')) ?? dateOf(first('date')) ?? dateOf(first('retrievedAt')),
        retrieved: dateOf(first('retrievedAt')),
      },
      options.source,
    );
    if (!src.source) {
      out.issues.push(issue(e.input, 'properties.sourceUrl', src.problem!));
      continue;
    }
    const start = dateOf(first('startDate'));
    const end = dateOf(first('endDate'));
    for (const [prop, value] of [
      ['startDate', start],
      ['endDate', end],
    ] as const) {
      if (first(prop) && !value) out.issues.push(issue(e.input, `properties.${prop}`, 'must be a date YYYY-MM-DD'));
    }
    if (link) {
      if (from.kind !== 'person') {
        skip(out.skipped, `${e.schema} of an entity that is not a person`);
        continue;
      }
      const role = clip(first('role') ?? link.role, 160);
      const category: Role['category'] =
        e.schema === 'Directorship' && !/director|board|chair/i.test(role) ? 'position' : link.category;
      emit(
        compact({
          type: 'role',
          id: ids.make('role', [slugOf(from.id), slugOf(to.id), role]),
          sources: [src.source],
          person: from.id,
          org: to.id,
          role,
          category,
          start,
          end,
        } as Role),
        e,
      );
      continue;
    }
    const percentage = first('percentage');
    const share = percentage ? parsePercentage(percentage) : undefined;
    const type = first('ownershipType')?.toLowerCase() ?? '';
    const direct = /indirect/.test(type) ? 'indirect' : /direct/.test(type) ? 'direct' : undefined;
    const interest: Ownership['interest'] = /beneficial|ultimate/.test(type)
      ? 'beneficial'
      : /voting/.test(type)
        ? 'votingRights'
        : undefined;
    emit(
      compact({
        type: 'ownership',
        id: ids.make('own', [slugOf(from.id), slugOf(to.id), interest ?? '', direct === 'indirect' ? 'indirect' : '']),
        sources: [src.source],
        owner: from.id,
        asset: to.id,
        share,
        shareText: percentage ? clip(percentage, 80) : undefined,
        direct,
        interest,
        start,
        end,
      } as Ownership),
      e,
    );
  }
  return out;
}

function readEntity(
  v: InputValue,
  report: (field: string | undefined, message: string) => void,
): FtmEntity | undefined {
  const e = v.value;
  if (!isObject(e)) {
    report(undefined, 'an FtM entity must be a JSON object');
    return undefined;
  }
  let ok = true;
  if (typeof e.id !== 'string' || e.id === '') ((ok = false), report('id', 'is required (a string)'));
  if (typeof e.schema !== 'string' || e.schema === '') ((ok = false), report('schema', 'is required (a string)'));
  if (!isObject(e.properties)) ((ok = false), report('properties', 'is required (an object of lists)'));
  if (!ok) return undefined;
  const props = new Map<string, string[]>();
  for (const [key, value] of Object.entries(e.properties as Record<string, unknown>)) {
    if (!Array.isArray(value) || value.some(x => typeof x !== 'string')) {
      report(`properties.${key}`, 'must be a list of strings');
      ok = false;
      continue;
    }
    props.set(
      key,
      value.map(x => str(x)).filter((x): x is string => x !== undefined),
    );
  }
  return ok ? { input: v, id: e.id as string, schema: e.schema as string, props } : undefined;
}

function entity(e: FtmEntity, kind: Entity['kind']): Entity | undefined {
  const get = (p: string) => e.props.get(p) ?? [];
  const composed = [get('firstName')[0], get('lastName')[0]].filter(Boolean).join(' ');
  const [primary, ...others] = get('name').length ? get('name') : composed ? [composed] : [];
  if (!primary) return undefined;
  const names: Name[] = [{ text: primary, kind: 'primary' }];
  const add = (text: string, kind: Name['kind'], extra: Partial<Name> = {}) => {
    if (!names.some(n => n.text.toLowerCase() === text.toLowerCase())) names.push({ text, kind, ...extra });
  };
  others.forEach(n => add(n, 'alias'));
  get('alias').forEach(n => add(n, 'alias'));
  get('previousName').forEach(n => add(n, 'former'));
  get('abbreviation').forEach(n => add(n, 'abbreviation'));
  get('weakAlias').forEach(n => add(n, 'alias', { match: 'never' }));

  const ids: NonNullable<Entity['ids']> = {};
  if (get('wikidataId')[0]) ids.wikidata = get('wikidataId')[0]!;
  if (get('leiCode')[0]) ids.lei = get('leiCode')[0]!.toUpperCase();
  if (get('cikCode')[0]) ids.cik = get('cikCode')[0]!.replace(/^0+(?=\d)/, '');

  const country = ['country', 'jurisdiction', 'mainCountry', 'nationality', 'citizenship']
    .map(p => get(p)[0])
    .find(c => c && /^[a-z]{2}$/i.test(c));
  const given = get('summary')[0] ?? get('description')[0];
  const other = OTHER_IDS.filter(([p]) => get(p)[0]).map(([p, label]) => `${label} ${get(p)[0]}`);
  const publisher = get('publisher')[0];
  const label = get('topics').includes('role.pep') ? 'Politically exposed person' : (LABELS[e.schema] ?? e.schema);
  const description =
    given ??
    label +
      `${other.length ? ` (${other.slice(0, 2).join(', ')})` : ''} from FollowTheMoney data` +
      `${publisher ? ` published by ${publisher}` : ''}.`;
  return compact({
    type: 'entity',
    id: '',
    kind,
    names,
    description: clip(description, 240),
    country: country?.toUpperCase(),
    ids: Object.keys(ids).length ? ids : undefined,
    website: httpsUrl(get('website')[0]),
  } as Entity);
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const RANGE = new RegExp(String.raw`^${NUMBER}\s*%?\s*(?:-|–|to)\s*${NUMBER}\s*%?$`, 'i');
const SINGLE = new RegExp(
  String.raw`^(>=|<=|≥|≤|>|<|~|≈|about|approx\.?|approximately|more than|less than|over|under|at least|at most)?\s*${NUMBER}\s*%?$`,
  'i',
);

/** "51%", "51,5", "25-50%", ">75%", "about 10%" → a share; undefined when there is no figure. */
export function parsePercentage(text: string): Share | undefined {
  const t = text.trim();
  const n = (s: string) => Number(s.replace(',', '.'));
  const range = RANGE.exec(t);
  if (range) return { min: n(range[1]!), max: n(range[2]!) };
  const single = SINGLE.exec(t);
  if (!single) return undefined;
  const value = n(single[2]!);
  const op = (single[1] ?? '').toLowerCase();
  if (/^(>|>=|≥|more than|over|at least)$/.test(op)) return { min: value };
  if (/^(<|<=|≤|less than|under|at most)$/.test(op)) return { max: value };
  if (op) return { exact: value, approx: true };
  return { exact: value };
}
