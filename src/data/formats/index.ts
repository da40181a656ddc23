/**
 * Reading a data pack in any format we know: our own JSON Lines ("stakes"), FollowTheMoney entities
 * ("ftm") or BODS 0.4 statements ("bods"). Detect, convert, then hold the converted records to the
 * same pack rules as our own format (schema, cross-record checks against the reader's data, and the
 * hostile-input rules of pack.ts). All or nothing. Pure: usable from the CLI and the extension.
 */
import type { Dataset } from '../dataset.ts';
import { validatePackRecords, validatePackText, type PackLimits, type PackResult } from '../pack.ts';
import type { DataIssue } from '../records.ts';
import { bodsToRecords } from './bods.ts';
import type { Conversion, ConvertOptions, Origin, PackSource } from './common.ts';
import { ftmToRecords } from './ftm.ts';

export type PackFormat = 'stakes' | 'ftm' | 'bods';
export const PACK_FORMATS: readonly PackFormat[] = ['stakes', 'ftm', 'bods'];
export type { ConvertOptions, Conversion, PackSource };
export { bodsToRecords, ftmToRecords };

export interface ReadPackOptions {
  /** Skip detection. */
  format?: PackFormat;
  /** Names the pack in reports. */
  file?: string;
  /** Cited when a record has no https source URL of its own (FtM and BODS only). */
  source?: PackSource;
  limits?: Partial<PackLimits>;
}

export type ReadPackResult = PackResult & {
  format: PackFormat | undefined;
  /** Input records left out on purpose, by reason (FtM and BODS). */
  skipped: Record<string, number>;
};

const RECORD_TYPES = new Set(['meta', 'entity', 'policy', 'ownership', 'role', 'hierarchy', 'policyLink']);

/** Which format the text is in, from its first record; undefined when it is none we read. */
export function detectFormat(text: string): PackFormat | undefined {
  if (typeof text !== 'string') return undefined;
  const start = text.trimStart();
  let first: unknown;
  try {
    if (start.startsWith('[')) {
      const all: unknown = JSON.parse(start);
      first = Array.isArray(all) ? all[0] : undefined;
    } else {
      const line = start.split('\n', 1)[0];
      first = line ? JSON.parse(line) : undefined;
    }
  } catch {
    return undefined;
  }
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return undefined;
  const o = first as Record<string, unknown>;
  if (typeof o.statementId === 'string' && typeof o.recordType === 'string') return 'bods';
  if (typeof o.schema === 'string' && typeof o.properties === 'object') return 'ftm';
  if (typeof o.type === 'string' && RECORD_TYPES.has(o.type) && !start.startsWith('[')) return 'stakes';
  return undefined;
}

/** Detects, converts and validates a pack against the reader's dataset. */
export function readPack(text: string, existing: Dataset, options: ReadPackOptions = {}): ReadPackResult {
  const file = options.file ?? 'pack';
  const format = options.format ?? detectFormat(text);
  const limits = options.limits;
  if (!format) {
    return {
      ok: false,
      records: [],
      issues: [
        { file, message: 'unknown format: expected Stakes JSON Lines, FollowTheMoney entities or BODS 0.4 statements' },
      ],
      format,
      skipped: {},
    };
  }
  if (format === 'stakes') {
    return { ...validatePackText(text, { file, existing, ...(limits ? { limits } : {}) }), format, skipped: {} };
  }
  const convert = format === 'ftm' ? ftmToRecords : bodsToRecords;
  const converted = convert(text, existing, {
    file,
    ...(options.source ? { source: options.source } : {}),
    ...(limits ? { limits } : {}),
  });
  const checked =
    converted.records.length > 0
      ? validatePackRecords(converted.records, { file, existing, ...(limits ? { limits } : {}) })
      : undefined;
  const issues = [...converted.issues, ...(checked ? checked.issues.map(i => locate(i, converted, file)) : [])];
  if (!checked && issues.length === 0) issues.push({ file, message: 'the pack converts to no records' });
  if (issues.length) return { ok: false, records: [], issues, format, skipped: converted.skipped };
  return { ...checked!, format, skipped: converted.skipped };
}

/** A validation issue on converted record n, restated with the input line and statement/entity it came from. */
function locate(issue: DataIssue, conversion: Conversion, file: string): DataIssue {
  if (issue.file !== file || issue.line === undefined) return issue;
  const origin: Origin | undefined = conversion.origins[issue.line - 1];
  if (!origin) return issue;
  const { line: _line, ...rest } = issue;
  return {
    ...rest,
    ...(origin.line ? { line: origin.line } : {}),
    record: `${issue.record ?? '?'} (from ${origin.ref})`,
  };
}
