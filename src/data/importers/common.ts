/**
 * Shared pieces of the corpus importers: reading corpus files, ids, the
 * records that already exist, and a small CSV reader.
 *
 * An importer turns a public-domain corpus into the same JSONL records as the
 * hand-curated sources. It reads the existing records first and never emits an
 * entity that already exists (matched by id or by an external identifier): it
 * reuses that entity's id in its claims instead. It also skips a claim that an
 * existing record already makes (same id, or the same person and organisation).
 */
import fs from 'node:fs';

import { DataError } from '../records.ts';
import type { DataRecord, Entity, Source } from '../schema.ts';
import { clean, slugify } from '../formats/common.ts';

export interface ImportInput {
  /** The corpora directory (shared/corpora). */
  corpora: string;
  /** Records that exist before this importer runs (curated sources, earlier importers). */
  existing: readonly DataRecord[];
  /** Called with the number of records made so far, every 1,000 records. */
  progress?: (count: number) => void;
}

export type Importer = (input: ImportInput) => DataRecord[];

/** Reads a corpus file, or fails with an error naming it. */
export function readCorpus(file: string): string {
  if (!fs.existsSync(file)) {
    throw new DataError([
      { file, message: 'corpus file not found (pass --corpora DIR; the default is ../shared/corpora)' },
    ]);
  }
  return fs.readFileSync(file, 'utf8');
}

// Slugs and whitespace are the same for imported corpora and readers' packs (formats/common.ts is pure).
export { clean, slugify };

/** Counts records as they are made and reports every 1,000th. */
export class Counter {
  count = 0;
  constructor(private readonly progress?: (count: number) => void) {}
  add<T>(record: T): T {
    this.count++;
    if (this.count % 1000 === 0) this.progress?.(this.count);
    return record;
  }
}

/** What an importer needs to know about the records that already exist. */
export class Existing {
  readonly ids = new Set<string>();
  readonly entities: Entity[] = [];
  /** Keys of role claims already made: "person|org|role" and "person|org|*". */
  private readonly roleKeys = new Set<string>();

  constructor(records: readonly DataRecord[]) {
    for (const r of records) {
      this.ids.add(r.id);
      if (r.type === 'entity') this.entities.push(r);
      if (r.type === 'role' && !r.end) {
        this.roleKeys.add(`${r.person}|${r.org ?? ''}|${r.role}`);
        if (r.org) this.roleKeys.add(`${r.person}|${r.org}|*`);
      }
    }
  }

  /** The existing entity with this external identifier, if any. */
  byExternalId(key: 'bioguide' | 'wikidata' | 'cik', value: string | undefined): Entity | undefined {
    if (!value) return undefined;
    return this.entities.find(e => e.ids?.[key] === value);
  }

  /**
   * The existing entity of this kind with a name equal to `name` (case and spacing ignored), if any,
   * unless an identifier both sides have tells them apart.
   */
  byName(kind: Entity['kind'], name: string, ids: Entity['ids'] = {}): Entity | undefined {
    const key = clean(name).toLowerCase();
    return this.entities.find(
      e =>
        e.kind === kind &&
        e.names.some(n => clean(n.text).toLowerCase() === key) &&
        (['wikidata', 'bioguide', 'cik'] as const).every(k => !e.ids?.[k] || !ids[k] || e.ids[k] === ids[k]),
    );
  }

  /** True when an existing current role claim already says this (any role, when the org is set). */
  hasRole(person: string, org: string | undefined, role: string): boolean {
    return (
      this.roleKeys.has(`${person}|${org ?? ''}|${role}`) ||
      (org !== undefined && this.roleKeys.has(`${person}|${org}|*`))
    );
  }
}

/** A GitHub file at a fixed commit, as a claim source. */
export function githubSource(repo: string, commit: string, file: string, asOf: string): Source {
  return {
    url: `https://github.com/${repo}/blob/${commit}/${file}`,
    publisher: `${repo} (GitHub)`,
    title: file.split('/').pop()!,
    asOf,
  };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter(r => r.some(f => f !== ''));
  if (!header) return [];
  return body.map(r => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

/** US states, the District of Columbia and the territories, by postal code. */
// prettier-ignore
export const STATE_NAMES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio',
  OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming', DC: 'the District of Columbia', PR: 'Puerto Rico', GU: 'Guam',
  VI: 'the U.S. Virgin Islands', AS: 'American Samoa', MP: 'the Northern Mariana Islands',
};
