/**
 * Reading and writing source files: JSON Lines, one record per line, keys in
 * the order the schema declares them, records sorted by type then id. The
 * canonical form is what `formatRecords` writes; a test holds every source
 * file to it, so diffs stay one line per changed record.
 */
import * as v from 'valibot';

import { RecordSchema, type DataRecord } from './schema.ts';

/** A problem in the data, located as precisely as we can. */
export interface DataIssue {
  file: string;
  line?: number;
  record?: string;
  field?: string;
  message: string;
}

export function describeIssue(issue: DataIssue): string {
  const where = [issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`];
  if (issue.record) where.push(`record ${issue.record}`);
  if (issue.field) where.push(`field ${issue.field}`);
  return `${where.join(' ')}: ${issue.message}`;
}

export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    const shown = issues.slice(0, 20).map(describeIssue);
    if (issues.length > 20) shown.push(`… and ${issues.length - 20} more`);
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the dataset:\n${shown.join('\n')}`);
    this.name = 'DataError';
  }
}

export interface LocatedRecord {
  record: DataRecord;
  file: string;
  line: number;
}

/** Parses one JSONL source. Every bad line is reported; good lines are kept. */
export function parseRecords(file: string, text: string): { records: LocatedRecord[]; issues: DataIssue[] } {
  const records: LocatedRecord[] = [];
  const issues: DataIssue[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      issues.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const recordId =
      typeof json === 'object' && json && 'id' in json && typeof json.id === 'string' ? json.id : undefined;
    const result = v.safeParse(RecordSchema, json);
    if (!result.success) {
      for (const issue of result.issues) {
        const field = v.getDotPath(issue) ?? undefined;
        issues.push({
          file,
          line,
          ...(recordId ? { record: recordId } : {}),
          ...(field ? { field } : {}),
          message: issue.message,
        });
      }
      return;
    }
    records.push({ record: result.output, file, line });
  });
  return { records, issues };
}

const TYPE_ORDER: Record<DataRecord['type'], number> = {
  meta: 0,
  entity: 1,
  policy: 2,
  ownership: 3,
  role: 4,
  hierarchy: 5,
  policyLink: 6,
};

export function compareRecords(a: DataRecord, b: DataRecord): number {
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The canonical text of a source file. */
export function formatRecords(records: DataRecord[]): string {
  const sorted = [...records].sort(compareRecords);
  return sorted.map(r => JSON.stringify(canonical(r, schemaFor(r)))).join('\n') + (sorted.length ? '\n' : '');
}

function schemaFor(record: DataRecord): unknown {
  return RecordSchema.options.find(option => option.entries.type.literal === record.type);
}

/** Orders object keys as the schema declares them (unknown keys last, alphabetically). */
function canonical(value: unknown, schema: unknown): unknown {
  const s = unwrap(schema);
  if (Array.isArray(value)) return value.map(item => canonical(item, s && 'item' in s ? s.item : undefined));
  if (value === null || typeof value !== 'object') return value;
  const entries = s && 'entries' in s ? (s.entries as Record<string, unknown>) : undefined;
  const keys = Object.keys(value);
  const order = entries ? Object.keys(entries) : [];
  keys.sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const child = entries?.[key] ?? (s && 'value' in s ? s.value : undefined);
    out[key] = canonical((value as Record<string, unknown>)[key], child);
  }
  return out;
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

interface SchemaLike {
  type?: string;
  wrapped?: unknown;
  pipe?: unknown[];
  item?: unknown;
  entries?: unknown;
  value?: unknown;
}

/** Sees through optional() and pipe() to the structural schema. */
function unwrap(schema: unknown): SchemaLike | undefined {
  let s = schema as SchemaLike | undefined;
  for (let guard = 0; s && guard < 10; guard++) {
    if (s.wrapped) s = s.wrapped as SchemaLike;
    else if (s.pipe && s.pipe[0] !== s) s = s.pipe[0] as SchemaLike;
    else break;
  }
  return s;
}
