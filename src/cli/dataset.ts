/** `stakes dataset stats|check|fmt|import|import-pack`. */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';

import { checkRecords } from '../data/checks.ts';
import { assemble, readSources, sourceFiles } from '../data/compile.ts';
import { DEFAULT_CORPORA, IMPORTERS, runImporter, type ImporterName } from '../data/importers/index.ts';
import { DataError, describeIssue, formatRecords, parseRecords } from '../data/records.ts';
import { datasetStats } from '../data/stats.ts';
import { importPack } from './import-pack.ts';

export function datasetCommand(args: string[], dir: string, out: Writable, err: Writable = process.stderr): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'stats':
      return stats(dir, rest.includes('--json'), out);
    case 'check':
      return check(dir, out);
    case 'fmt':
      return fmt(dir, rest.includes('--check'), out);
    case 'import':
      return importData(rest, dir, out, err);
    case 'import-pack':
      return importPack(rest, load(dir), out, err);
    default:
      throw new DataError([
        {
          file: dir,
          message: `unknown dataset command "${sub ?? ''}": use stats, check, fmt, import or import-pack`,
        },
      ]);
  }
}

function load(dir: string) {
  const { records, issues } = readSources(sourceFiles(dir));
  for (const i of checkRecords(records)) issues.push(i);
  if (issues.length) throw new DataError(issues);
  return assemble(records);
}

function stats(dir: string, json: boolean, out: Writable): number {
  const s = datasetStats(load(dir));
  if (json) {
    out.write(JSON.stringify(s, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `dataset ${s.version} (updated ${s.updated})`,
    `entities: ${s.entities} (${Object.entries(s.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${s.names} names`,
    `policy items: ${s.policyItems}`,
    `claims: ${s.claims} — ownership ${s.ownershipClaims}, roles ${s.roleClaims}, hierarchy ${s.hierarchyClaims}, policy links ${s.policyLinks}`,
    `sources: ${s.sources}; claims without a source: ${s.claimsWithoutSource}`,
    `as-of dates: oldest ${s.oldestAsOf ?? '-'}, newest ${s.newestAsOf ?? '-'}`,
    `name collisions: ${s.collisions.length}`,
    ...s.collisions.map(c => `  "${c.name}": ${c.entities.join(', ')}`),
  ];
  out.write(lines.join('\n') + '\n');
  return 0;
}

function check(dir: string, out: Writable): number {
  const files = sourceFiles(dir);
  const { records, issues } = readSources(files);
  for (const i of checkRecords(records)) issues.push(i);
  for (const issue of issues) out.write(describeIssue(issue) + '\n');
  out.write(`${files.length} files, ${records.length} records, ${issues.length} problems\n`);
  return issues.length ? 1 : 0;
}

function fmt(dir: string, checkOnly: boolean, out: Writable): number {
  let changed = 0;
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const { records, issues } = parseRecords(file, text);
    if (issues.length) throw new DataError(issues); // never rewrite a file we could not fully read
    const formatted = formatRecords(records.map(r => r.record));
    if (formatted === text) continue;
    changed++;
    const name = path.relative(process.cwd(), file);
    if (checkOnly) out.write(`not canonical: ${name}\n`);
    else {
      fs.writeFileSync(file, formatted);
      out.write(`formatted ${name}\n`);
    }
  }
  return checkOnly && changed ? 1 : 0;
}

/** `stakes dataset import congress|sp500|outlets [--corpora DIR]`: regenerates an imported source file. */
function importData(args: string[], dir: string, out: Writable, err: Writable): number {
  const at = args.indexOf('--corpora');
  const corpora = at === -1 ? DEFAULT_CORPORA : args[at + 1];
  const names = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
  const known = IMPORTERS.map(i => i.name);
  if (!corpora || names.length !== 1 || !known.includes(names[0] as ImporterName)) {
    throw new DataError([{ file: dir, message: `usage: stakes dataset import ${known.join('|')} [--corpora DIR]` }]);
  }
  const name = names[0] as ImporterName;
  const result = runImporter(name, {
    dir,
    corpora: path.resolve(corpora),
    progress: count => err.write(`${name}: ${count} records…\n`),
  });
  const shown = path.relative(process.cwd(), result.file) || result.file;
  out.write(`${name}: ${result.records} records → ${shown} (${result.changed ? 'written' : 'unchanged'})\n`);
  return 0;
}
