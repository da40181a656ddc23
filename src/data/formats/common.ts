/**
 * Shared pieces of the pack converters (FollowTheMoney, BODS): reading the input, ids, the
 * reader's existing entities, sources and dates. Pure: no Node APIs, no DOM, no network, so the
 * same code runs in the CLI and in the extension's background or options page.
 */
import { inspect, PACK_LIMITS, type PackLimits } from '../pack.ts';
import type { Dataset } from '../dataset.ts';
import type { DataIssue } from '../records.ts';
import { PARTIAL_DATE, type DataRecord, type Entity, type Source } from '../schema.ts';

/** The source to cite when a record carries no https URL of its own (from the caller, e.g. the CLI). */
export interface PackSource {
  url: string;
  publisher?: string;
  /** The date the data describes, used when a record has no date of its own. */
  asOf?: string;
  retrieved?: string;
}

export interface ConvertOptions {
  /** Names the input in reports. */
  file?: string;
  source?: PackSource;
  limits?: Partial<PackLimits>;
}

/** Where a converted record came from: the input line (JSON Lines) and a readable reference. */
export interface Origin {
  line?: number;
  /** "statement 8729fec1-…", "FtM entity abc123". */
  ref: string;
}

export interface Conversion {
  records: DataRecord[];
  /** Parallel to records. */
  origins: Origin[];
  issues: DataIssue[];
  /** Input records left out on purpose, counted by reason. */
  skipped: Record<string, number>;
}

export interface InputValue {
  value: unknown;
  /** The line in JSON Lines input; absent for a JSON array. */
  line?: number;
  /** 1-based position in the input. */
  index: number;
}

/**
 * Reads a JSON array or JSON Lines into values, within the pack limits, refusing prototype keys,
 * deep nesting and javascript:/data:… URLs anywhere in the input.
 */
export function readInput(
  text: string,
  file: string,
  limits: PackLimits,
  name: (v: InputValue) => string = inputRef,
): { values: InputValue[]; issues: DataIssue[]; rejected: InputValue[] } {
  const issues: DataIssue[] = [];
  const values: InputValue[] = [];
  if (typeof text !== 'string')
    return { values: [], issues: [{ file, message: 'the input must be text' }], rejected: [] };
  if (text.length > limits.maxChars) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      values,
      issues: [{ file, message: `the input is ${mb(text.length)}; the limit is ${mb(limits.maxChars)}` }],
      rejected: [],
    };
  }
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { values: [], issues: [{ file, message: `not valid JSON (${(error as Error).message})` }], rejected: [] };
    }
    if (!Array.isArray(parsed))
      return { values: [], issues: [{ file, message: 'expected a JSON array' }], rejected: [] };
    if (parsed.length > limits.maxRecords) {
      return {
        values: [],
        issues: [{ file, message: `more than ${limits.maxRecords} records; split the input` }],
        rejected: [],
      };
    }
    parsed.forEach((value, i) => values.push({ value, index: i + 1 }));
  } else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.replace(/\r$/, '');
      if (raw.trim() === '') continue;
      const line = i + 1;
      if (values.length >= limits.maxRecords) {
        return {
          values: [],
          issues: [{ file, line, message: `more than ${limits.maxRecords} records; split the input` }],
          rejected: [],
        };
      }
      if (raw.length > limits.maxLineChars) {
        issues.push({ file, line, message: `line is ${raw.length} characters; the limit is ${limits.maxLineChars}` });
        continue;
      }
      try {
        values.push({ value: JSON.parse(raw) as unknown, line, index: values.length + 1 });
      } catch (error) {
        issues.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
      }
    }
  }
  if (values.length === 0 && issues.length === 0) issues.push({ file, message: 'the input holds no records' });
  const clean: InputValue[] = [];
  const rejected: InputValue[] = [];
  for (const v of values) {
    const found = inspect(v.value, limits.maxDepth, { text: false });
    (found.length ? rejected : clean).push(v);
    for (const f of found) {
      issues.push({
        file,
        ...(v.line ? { line: v.line } : {}),
        record: name(v),
        ...(f.field ? { field: f.field } : {}),
        message: f.message,
      });
    }
  }
  return { values: clean, issues, rejected };
}

/**
 * The start of every conversion: the reader's fallback source checked and the input read, their
 * problems first in the conversion's list. `name` names an input value in those problems.
 */
export function beginConversion(
  text: string,
  options: ConvertOptions,
  file: string,
  name: (v: InputValue) => string,
): { out: Conversion; input: ReturnType<typeof readInput> } {
  const input = readInput(text, file, limitsOf(options), name);
  // concat, not push(...): a broken file may have 100,000s of problems.
  const issues = checkPackSource(options.source, file).concat(input.issues);
  return { out: { records: [], origins: [], issues, skipped: {} }, input };
}

/** A readable name for an input value: its statementId or id if it has one, else its position. */
export function inputRef(v: InputValue): string {
  const o = isObject(v.value) ? v.value : {};
  const id = typeof o.statementId === 'string' ? o.statementId : typeof o.id === 'string' ? o.id : undefined;
  return id ? id.slice(0, 80) : `#${v.index}`;
}

export function limitsOf(options: ConvertOptions): PackLimits {
  return { ...PACK_LIMITS, ...options.limits };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string property, trimmed and with runs of whitespace collapsed; undefined when absent or empty. */
export function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = clean(value);
  return s === '' ? undefined : s;
}

/** Collapses runs of whitespace and trims. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Jesús G. García" → "jesus-g-garcia"; "AT&T" → "att". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’".]/g, '')
    .replace(/(\w)&(\w)/g, '$1$2')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug of at most `max` characters, cut at a hyphen where possible. */
export function shortSlug(text: string, max = 48): string {
  const s = slugify(text);
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}

/** "2019-09-11T11:17:23Z" → "2019-09-11"; undefined unless it is a real partial date. */
export function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const d = value.trim().slice(0, 10);
  if (!PARTIAL_DATE.test(d)) return undefined;
  const [y, m, day] = d.split('-').map(Number);
  if (m === undefined || day === undefined) return d;
  const date = new Date(Date.UTC(y!, m - 1, day));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === day ? d : undefined;
}

/** The URL when it is an https URL, else undefined. */
export function httpsUrl(value: unknown): string | undefined {
  const s = str(value);
  if (!s || !/^https:\/\//i.test(s)) return undefined;
  try {
    new URL(s);
    return s;
  } catch {
    return undefined;
  }
}

/** Problems with the caller's fallback source, reported before any conversion. */
export function checkPackSource(source: PackSource | undefined, file: string): DataIssue[] {
  if (!source) return [];
  const issues: DataIssue[] = [];
  if (!httpsUrl(source.url))
    issues.push({ file, field: 'source.url', message: 'the fallback source must be an https URL' });
  if (source.asOf !== undefined && !dateOf(source.asOf))
    issues.push({ file, field: 'source.asOf', message: 'must be a date YYYY, YYYY-MM or YYYY-MM-DD' });
  if (source.retrieved !== undefined && !dateOf(source.retrieved))
    issues.push({ file, field: 'source.retrieved', message: 'must be a date YYYY, YYYY-MM or YYYY-MM-DD' });
  return issues;
}

/** Drops undefined values so records hold only the fields they have. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Clips text to `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${at > max / 2 ? cut.slice(0, at) : cut}…`;
}

export const PREFIX: Record<Entity['kind'], string> = {
  person: 'person',
  company: 'company',
  organization: 'org',
  publicBody: 'body',
  fund: 'fund',
  outlet: 'outlet',
};

/** Makes ids that are unique among the reader's ids and the ones made so far; stable for the same input. */
export class Ids {
  private readonly taken: Set<string>;
  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }
  /**
   * prefix:slug, else prefix:slug-slug(tiebreak), else with a counter. The slug is made from `base`,
   * or from each of several parts (each shortened, so none is cut off by the others).
   */
  make(prefix: string, base: string | string[], tiebreak?: string): string {
    const parts = (Array.isArray(base) ? base.map(p => shortSlug(p, 28)) : [shortSlug(base)]).filter(Boolean);
    const slug = parts.join('-') || shortSlug(tiebreak ?? '') || 'unnamed';
    const candidates = [`${prefix}:${slug}`];
    const extra = tiebreak ? shortSlug(tiebreak, 16) : '';
    if (extra && extra !== slug) candidates.push(`${prefix}:${slug}-${extra}`);
    for (const id of candidates) {
      if (!this.taken.has(id)) return this.take(id);
    }
    for (let n = 2; ; n++) {
      const id = `${candidates[candidates.length - 1]}-${n}`;
      if (!this.taken.has(id)) return this.take(id);
    }
  }
  private take(id: string): string {
    this.taken.add(id);
    return id;
  }
}

/** The reader's entities, looked up by external id or exact name (a pure counterpart of importers/common.ts). */
export class ExistingEntities {
  readonly ids: string[];
  private readonly entities: Entity[];
  constructor(dataset: Dataset | undefined) {
    this.entities = dataset?.entities ?? [];
    this.ids = dataset ? [...dataset.entities, ...dataset.policies, ...dataset.claims].map(r => r.id) : [];
  }

  /**
   * The existing entity with one of these external ids, else one of the same kind group (people with
   * people, organisations with organisations) with exactly this name (case and spacing ignored),
   * unless an identifier both have tells them apart.
   */
  find(kind: Entity['kind'], names: string[], ids: Entity['ids'] = {}): Entity | undefined {
    for (const key of ['wikidata', 'lei', 'cik'] as const) {
      const value = ids[key];
      const hit = value ? this.entities.find(e => e.ids?.[key] === value) : undefined;
      if (hit) return hit;
    }
    const wanted = new Set(names.map(n => clean(n).toLowerCase()));
    const person = kind === 'person';
    return this.entities.find(
      e =>
        (e.kind === 'person') === person &&
        e.names.some(n => n.match !== 'never' && wanted.has(clean(n.text).toLowerCase())) &&
        (['wikidata', 'lei', 'cik'] as const).every(k => !e.ids?.[k] || !ids[k] || e.ids[k] === ids[k]),
    );
  }
}

/** Counts a skipped input record under a reason. */
export function skip(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** A claim source from a record's own https URL, else the caller's; undefined when neither exists. */
export function sourceFrom(
  own: { url?: string; publisher?: string; asOf?: string; retrieved?: string; title?: string },
  fallback: PackSource | undefined,
): { source?: Source; problem?: string } {
  const url = own.url ?? (fallback ? httpsUrl(fallback.url) : undefined);
  if (!url) return { problem: 'has no https source URL; give one for the whole pack (options.source, --source-url)' };
  const usesFallback = !own.url;
  const asOf = own.asOf ?? dateOf(fallback?.asOf);
  if (!asOf)
    return { problem: 'has no date for its source; give one for the whole pack (options.source.asOf, --as-of)' };
  const publisher = usesFallback ? (fallback?.publisher ?? own.publisher) : own.publisher;
  const retrieved = own.retrieved ?? (usesFallback ? dateOf(fallback?.retrieved) : undefined);
  return {
    source: compact({
      url,
      publisher: publisher ? clip(clean(publisher), 200) : undefined,
      title: own.title,
      asOf,
      retrieved,
    }),
  };
}

/** The slug of one of our ids: "company:bytedance" → "bytedance". */
export function slugOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}
