/**
 * Validating a data pack the reader imports: pure (no DOM, no browser APIs, no network), all or
 * nothing. A pack is our JSON Lines format (`validatePackText`) or records another importer has
 * already converted, e.g. from FollowTheMoney or BODS (`validatePackRecords`). Every record is held
 * to the dataset schema (RecordSchema) and the cross-record checks (checks.ts), against the data the
 * reader already has; and, because a pack comes from anywhere, to rules for hostile input:
 *
 * - size: the pack, each line and the number of records are bounded; JSON nesting is bounded;
 * - no prototype-polluting keys (`__proto__`, `constructor`, `prototype`) at any depth;
 * - no markup: a string that looks like HTML (a tag, a comment, a character reference) is refused,
 *   names included; no control or bidirectional-override characters;
 * - no `javascript:`, `data:`, `vbscript:`, `file:` or `blob:` URLs anywhere (sources must be https);
 * - shares within 0–100 (schema), stakes in one asset adding up to at most 100% (checks).
 *
 * The result is either every record (`ok: true`) or none, with a report naming the line, record and
 * field of every problem. Nothing here changes the reader's data: `mergePack` returns a new dataset.
 */
import * as v from 'valibot';

import { checkRecords } from './checks.ts';
import type { Dataset } from './dataset.ts';
import type { DataIssue, LocatedRecord } from './records.ts';
import { RecordSchema, type DataRecord, type Meta } from './schema.ts';

export interface PackLimits {
  /** The whole pack, in UTF-16 code units (about bytes for ASCII). */
  maxChars: number;
  maxLineChars: number;
  maxRecords: number;
  /** Objects and arrays nested deeper than this are refused. */
  maxDepth: number;
}

export const PACK_LIMITS: PackLimits = {
  maxChars: 32 * 1024 * 1024,
  maxLineChars: 64 * 1024,
  maxRecords: 200_000,
  maxDepth: 12,
};

export interface PackResult {
  ok: boolean;
  /** Every record of the pack when ok; empty otherwise (all or nothing). */
  records: DataRecord[];
  /** The pack's own meta record, if it has one (it never replaces the reader's). */
  meta?: Omit<Meta, 'type' | 'id'>;
  issues: DataIssue[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A tag, a comment or a character reference: text meant for an HTML parser. */
const MARKUP = /<\s*\/?\s*[a-z!?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
/** URL schemes that run code or smuggle content. */
const BAD_SCHEME = /^(javascript|data|vbscript|file|blob):/i;
/** C0/C1 controls (except tab) and bidirectional overrides/isolates, which can disguise a name. */
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Validates a JSON Lines pack. `file` names it in the report. */
export function validatePackText(
  text: string,
  options: { file?: string; existing?: Dataset; limits?: Partial<PackLimits> } = {},
): PackResult {
  const file = options.file ?? 'pack';
  const limits = { ...PACK_LIMITS, ...options.limits };
  if (typeof text !== 'string') return fail([{ file, message: 'a pack must be text (JSON Lines)' }]);
  if (text.length > limits.maxChars) {
    return fail([{ file, message: `the pack is ${mb(text.length)}; the limit is ${mb(limits.maxChars)}` }]);
  }
  const issues: DataIssue[] = [];
  const values: { value: unknown; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const line = i + 1;
    if (raw.trim() === '') continue;
    if (values.length >= limits.maxRecords) {
      return fail([{ file, line, message: `more than ${limits.maxRecords} records; split the pack` }]);
    }
    if (raw.length > limits.maxLineChars) {
      issues.push({ file, line, message: `line is ${raw.length} characters; the limit is ${limits.maxLineChars}` });
      continue;
    }
    try {
      values.push({ value: JSON.parse(raw) as unknown, line });
    } catch (error) {
      issues.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
    }
  }
  if (values.length === 0 && issues.length === 0) issues.push({ file, message: 'the pack holds no records' });
  const result = validateValues(values, file, limits, options.existing);
  return issues.length ? fail([...issues, ...result.issues]) : result;
}

/** Validates records an importer has already converted (FtM, BODS…); `line` in reports is the index + 1. */
export function validatePackRecords(
  records: readonly unknown[],
  options: { file?: string; existing?: Dataset; limits?: Partial<PackLimits> } = {},
): PackResult {
  const file = options.file ?? 'pack';
  const limits = { ...PACK_LIMITS, ...options.limits };
  if (!Array.isArray(records)) return fail([{ file, message: 'a pack must be a list of records' }]);
  if (records.length > limits.maxRecords)
    return fail([{ file, message: `more than ${limits.maxRecords} records; split the pack` }]);
  if (records.length === 0) return fail([{ file, message: 'the pack holds no records' }]);
  return validateValues(
    records.map((value, i) => ({ value, line: i + 1 })),
    file,
    limits,
    options.existing,
  );
}

/** The reader's dataset with the pack's records added; neither input is changed. */
export function mergePack(existing: Dataset, pack: PackResult): Dataset {
  if (!pack.ok) throw new Error('mergePack: the pack did not validate');
  const merged: Dataset = {
    meta: structuredClone(existing.meta),
    entities: [...existing.entities],
    policies: [...existing.policies],
    claims: [...existing.claims],
  };
  for (const r of pack.records) {
    if (r.type === 'entity') merged.entities.push(r);
    else if (r.type === 'policy') merged.policies.push(r);
    else if (r.type !== 'meta') merged.claims.push(r);
  }
  return merged;
}

export function describePackIssue(issue: DataIssue): string {
  const where = [issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`];
  if (issue.record) where.push(`record ${issue.record}`);
  if (issue.field) where.push(`field ${issue.field}`);
  return `${where.join(' ')}: ${issue.message}`;
}

function validateValues(
  values: { value: unknown; line: number }[],
  file: string,
  limits: PackLimits,
  existing: Dataset | undefined,
): PackResult {
  const issues: DataIssue[] = [];
  const located: LocatedRecord[] = [];
  let meta: PackResult['meta'];
  for (const { value, line } of values) {
    const record = recordIdOf(value);
    const at = (field: string | undefined, message: string): DataIssue => ({
      file,
      line,
      ...(record ? { record } : {}),
      ...(field ? { field } : {}),
      message,
    });
    const hostile = inspect(value, limits.maxDepth);
    if (hostile.length) {
      issues.push(...hostile.map(h => at(h.field, h.message)));
      continue;
    }
    const parsed = v.safeParse(RecordSchema, value);
    if (!parsed.success) {
      for (const issue of parsed.issues) issues.push(at(v.getDotPath(issue) ?? undefined, issue.message));
      continue;
    }
    if (parsed.output.type === 'meta') {
      const { type: _t, id: _i, ...rest } = parsed.output;
      meta = rest;
      continue;
    }
    located.push({ record: parsed.output, file, line });
  }
  // Across records, together with what the reader already has (references, duplicates, share totals).
  const before: LocatedRecord[] = existing ? installed(existing) : [];
  const metaRecord: LocatedRecord = {
    record: { type: 'meta', id: 'meta:dataset', version: '0000.00.00', updated: '2000', license: 'pack' },
    file: '(installed)',
    line: 0,
  };
  for (const issue of checkRecords([metaRecord, ...before, ...located])) {
    if (issue.file === file) issues.push(issue);
  }
  if (issues.length) return fail(issues);
  return { ok: true, records: located.map(l => l.record), ...(meta ? { meta } : {}), issues: [] };
}

function installed(dataset: Dataset): LocatedRecord[] {
  const file = '(installed)';
  return [...dataset.entities, ...dataset.policies, ...dataset.claims].map((record, i) => ({
    record,
    file,
    line: i + 1,
  }));
}

function recordIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, 'id'))
    return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 120) : undefined;
}

/**
 * Hostile shapes anywhere in a value: forbidden keys, deep nesting, markup, bad URLs and characters.
 * With `text: false` only the shape and the URL schemes are checked (for a foreign format's input,
 * whose unused text fields we never copy; what we do copy is checked again after conversion).
 */
export function inspect(
  value: unknown,
  maxDepth: number,
  options: { text?: boolean } = {},
): { field?: string; message: string }[] {
  const checkText = options.text ?? true;
  const found: { field?: string; message: string }[] = [];
  const walk = (v: unknown, path: string[], depth: number): void => {
    if (found.length >= 20) return;
    const field = path.length ? path.join('.') : undefined;
    const at = (message: string) => found.push({ ...(field ? { field } : {}), message });
    if (typeof v === 'string') {
      const s = v.trim();
      if (BAD_SCHEME.test(s.replace(/[\s\u0000-\u001F]+/g, '')))
        at(`a ${s.split(':')[0]!.toLowerCase()}: URL is not allowed`);
      else if (!checkText) return;
      else if (MARKUP.test(v)) at(`contains HTML markup (${JSON.stringify(v.match(MARKUP)![0])}); text must be plain`);
      else if (BAD_CHARS.test(v)) at('contains control or bidirectional-override characters');
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (depth >= maxDepth) {
      at(`nested more than ${maxDepth} levels deep`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, String(i)], depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        found.push({
          field: [...path, key].join('.'),
          message: `the key "${key}" is not allowed (prototype pollution)`,
        });
        continue;
      }
      walk((v as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  walk(value, [], 0);
  return found;
}

function fail(issues: DataIssue[]): PackResult {
  return { ok: false, records: [], issues };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
