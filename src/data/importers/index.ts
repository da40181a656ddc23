/**
 * The importers and the source file each one writes, in the order they run.
 *
 * An importer sees the curated sources and the output of the importers before
 * it, never its own previous output or a later importer's: so re-running
 * any of them gives the same file (idempotent), and the order decides who
 * reuses whose entities (the outlets importer reuses S&P 500 companies).
 */
import fs from 'node:fs';
import path from 'node:path';

import { checkRecords } from '../checks.ts';
import { readSources, sourceFiles } from '../compile.ts';
import { DataError, formatRecords, parseRecords } from '../records.ts';
import type { Importer } from './common.ts';
import { importCongress } from './congress.ts';
import { importOutlets } from './outlets.ts';
import { importSp500 } from './sp500.ts';

export const IMPORTERS = [
  { name: 'congress', file: 'congress.jsonl', run: importCongress },
  { name: 'sp500', file: 'sp500.jsonl', run: importSp500 },
  { name: 'outlets', file: 'local-outlets.jsonl', run: importOutlets },
] as const satisfies readonly { name: string; file: string; run: Importer }[];

export type ImporterName = (typeof IMPORTERS)[number]['name'];

/** ../shared/corpora beside the repository. */
export const DEFAULT_CORPORA = path.resolve(import.meta.dirname, '../../../../shared/corpora');

export interface ImportResult {
  file: string;
  records: number;
  changed: boolean;
}

/** Runs one importer against the sources in `dir` and writes its file (only when the text changes). */
export function runImporter(
  name: ImporterName,
  options: { dir: string; corpora: string; progress?: (count: number) => void; write?: boolean },
): ImportResult & { text: string } {
  const index = IMPORTERS.findIndex(i => i.name === name);
  const importer = IMPORTERS[index];
  if (!importer) throw new DataError([{ file: options.dir, message: `unknown importer "${name}"` }]);
  const file = path.join(options.dir, importer.file);
  const own = new Set(IMPORTERS.slice(index).map(i => path.join(options.dir, i.file)));
  const files = sourceFiles(options.dir);
  const before = readSources(files.filter(f => !own.has(f)));
  if (before.issues.length) throw new DataError(before.issues);

  const records = importer.run({
    corpora: options.corpora,
    existing: before.records.map(r => r.record),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  const text = formatRecords(records);

  // Never write a file the dataset would reject: validate it, and check it with every other source.
  const parsed = parseRecords(path.relative(process.cwd(), file) || file, text);
  const others = readSources(files.filter(f => f !== file));
  const issues = [...parsed.issues, ...others.issues, ...checkRecords([...others.records, ...parsed.records])];
  if (issues.length) throw new DataError(issues);

  const changed = !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  if (changed && options.write !== false) fs.writeFileSync(file, text);
  return { file, records: records.length, changed, text };
}
