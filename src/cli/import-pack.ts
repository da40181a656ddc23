/**
 * `stakes dataset import-pack FILE [--format ftm|bods|stakes] [--source-url URL --publisher NAME
 * --as-of DATE] [--out FILE]`: converts a FollowTheMoney or BODS file (or checks one of ours) against
 * the current sources, all or nothing, and writes the records in canonical form.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';

import type { Dataset } from '../data/dataset.ts';
import { PACK_FORMATS, readPack, type PackFormat, type ReadPackResult } from '../data/formats/index.ts';
import { describePackIssue } from '../data/pack.ts';
import { DataError, formatRecords } from '../data/records.ts';

const USAGE =
  'usage: stakes dataset import-pack FILE [--format ftm|bods|stakes] [--source-url URL --publisher NAME --as-of DATE] [--out FILE]';
const OPTIONS = ['--format', '--source-url', '--publisher', '--as-of', '--retrieved', '--out'] as const;
type Option = (typeof OPTIONS)[number];

export function importPack(args: string[], existing: Dataset, out: Writable, err: Writable): number {
  const { file, options } = parseArgs(args);
  const format = options['--format'];
  if (format !== undefined && !PACK_FORMATS.includes(format as PackFormat)) usage(`unknown format "${format}"`);
  const url = options['--source-url'];
  if (!url && (options['--publisher'] || options['--as-of'] || options['--retrieved'])) {
    usage('--publisher, --as-of and --retrieved describe --source-url; give it too');
  }
  if (!fs.existsSync(file)) throw new DataError([{ file, message: 'no such file' }]);
  const text = fs.readFileSync(file, 'utf8');
  const shown = path.basename(file);
  const result = readPack(text, existing, {
    file: shown,
    ...(format ? { format: format as PackFormat } : {}),
    ...(url
      ? {
          source: {
            url,
            ...(options['--publisher'] ? { publisher: options['--publisher'] } : {}),
            ...(options['--as-of'] ? { asOf: options['--as-of'] } : {}),
            ...(options['--retrieved'] ? { retrieved: options['--retrieved'] } : {}),
          },
        }
      : {}),
  });
  if (!result.ok) {
    for (const issue of result.issues) err.write(describePackIssue(issue) + '\n');
    const n = result.issues.length;
    err.write(
      `import-pack: ${shown} (${result.format ?? 'unknown format'}): ${n} problem${n === 1 ? '' : 's'}; nothing written\n`,
    );
    return 1;
  }
  const formatted = formatRecords(result.records);
  const target = options['--out'];
  if (target) {
    fs.writeFileSync(target, formatted);
    out.write(summary(shown, result, ` → ${target}`) + '\n');
  } else {
    out.write(formatted);
    err.write(summary(shown, result, '') + '\n');
  }
  return 0;
}

/** "pack.json (bods): 4 records (entity 3, ownership 1); skipped 2 (entity type arrangement 1, …)". */
export function summary(file: string, result: ReadPackResult, written: string): string {
  const byType = new Map<string, number>();
  for (const r of result.records) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const types = [...byType].map(([t, n]) => `${t} ${n}`).join(', ');
  const skipped = Object.entries(result.skipped);
  const skippedTotal = skipped.reduce((sum, [, n]) => sum + n, 0);
  return (
    `import-pack: ${file} (${result.format}): ${result.records.length} records (${types})` +
    (skippedTotal ? `; skipped ${skippedTotal} (${skipped.map(([why, n]) => `${why} ${n}`).join(', ')})` : '') +
    written
  );
}

function parseArgs(args: string[]): { file: string; options: Partial<Record<Option, string>> } {
  const options: Partial<Record<Option, string>> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(arg)) usage(`unknown option ${arg}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) usage(`${arg} needs a value`);
    options[arg as Option] = value;
    i++;
  }
  if (files.length !== 1) usage('give exactly one FILE');
  return { file: files[0]!, options };
}

function usage(problem: string): never {
  throw new DataError([{ file: 'import-pack', message: `${problem}\n${USAGE}` }]);
}
