/**
 * The dataset compiler (Node only): reads every source file, validates each
 * record against the schema and the records against each other, and returns
 * the compiled dataset. Any problem fails the compile with a DataError that
 * names the file, line, record and field.
 */
import fs from 'node:fs';
import path from 'node:path';

import { checkRecords } from './checks.ts';
import type { Dataset } from './dataset.ts';
import { DataError, parseRecords, type DataIssue, type LocatedRecord } from './records.ts';
import type { Claim } from './schema.ts';

export const SOURCES_DIR = path.resolve(import.meta.dirname, 'sources');

export function sourceFiles(dir = SOURCES_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.jsonl'))
    .sort()
    .map(f => path.join(dir, f));
}

export function readSources(files: string[]): { records: LocatedRecord[]; issues: DataIssue[] } {
  const records: LocatedRecord[] = [];
  const issues: DataIssue[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = parseRecords(shown, fs.readFileSync(file, 'utf8'));
    // A loop, not push(...list): spreading 100,000+ records overflows the call stack.
    for (const r of parsed.records) records.push(r);
    for (const i of parsed.issues) issues.push(i);
  }
  return { records, issues };
}

export function assemble(records: LocatedRecord[]): Dataset {
  const dataset: Dataset = {
    meta: { version: '0000.00.00', updated: '0000', license: '' },
    entities: [],
    policies: [],
    claims: [],
  };
  for (const { record } of records) {
    switch (record.type) {
      case 'meta': {
        const { type: _t, id: _i, ...meta } = record;
        dataset.meta = meta;
        break;
      }
      case 'entity':
        dataset.entities.push(record);
        break;
      case 'policy':
        dataset.policies.push(record);
        break;
      default:
        dataset.claims.push(record satisfies Claim);
    }
  }
  return dataset;
}

/** Compiles the source files in `dir`; throws DataError listing every problem. */
export function compileDataset(dir = SOURCES_DIR): Dataset {
  const files = sourceFiles(dir);
  if (files.length === 0) throw new DataError([{ file: dir, message: 'no .jsonl source files' }]);
  const { records, issues } = readSources(files);
  for (const i of checkRecords(records)) issues.push(i);
  if (issues.length) throw new DataError(issues);
  return assemble(records);
}
