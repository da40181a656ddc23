/**
 * `stakes dataset import-pack`: converts the demo FtM entities against a small source directory
 * written here (never the real sources), in process and through bin/stakes.mjs for the exit codes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';

import { afterAll, describe, expect, it } from 'vitest';

import { datasetCommand } from '../../src/cli/dataset.ts';
import { DataError, formatRecords, parseRecords } from '../../src/data/records.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-import-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const data = path.join(tmp, 'sources');
fs.mkdirSync(data);
fs.writeFileSync(
  path.join(data, 'meta.jsonl'),
  '{"type":"meta","id":"meta:dataset","version":"2026.11.26","updated":"2026-11-26","license":"test"}\n',
);
fs.writeFileSync(
  path.join(data, 'curated.jsonl'),
  '{"type":"entity","id":"company:example-media","kind":"company","names":[{"text":"Example Media Group plc","kind":"primary"}],"description":"test"}\n',
);
const pack = path.join(tmp, 'demo.ftm.jsonl');
fs.copyFileSync(path.join(import.meta.dirname, '../data/fixtures/ftm-demo.jsonl'), pack);
const SOURCE = [
  '--source-url',
  'https://example.org/ftm/export',
  '--publisher',
  'Example exports',
  '--as-of',
  '2025-04',
];

function run(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const code = datasetCommand(['import-pack', ...args], data, out, err);
  return { code, stdout: String(out.read() ?? ''), stderr: String(err.read() ?? '') };
}

describe('stakes dataset import-pack', () => {
  it('writes the converted records in canonical form, reusing existing entities, and sums up', () => {
    const target = path.join(tmp, 'out.jsonl');
    const r = run([pack, ...SOURCE, '--out', target]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `import-pack: demo.ftm.jsonl (ftm): 14 records (entity 6, ownership 4, role 4); skipped 2 (already in the dataset 1, FtM schema Address 1) → ${target}\n`,
    );
    const text = fs.readFileSync(target, 'utf8');
    const parsed = parseRecords('out.jsonl', text);
    expect(parsed.issues).toEqual([]);
    expect(formatRecords(parsed.records.map(l => l.record))).toBe(text);
    expect(text).toContain('"asset":"company:example-media"');
    expect(text).not.toContain('"id":"company:example-media-group-plc"');
  });

  it('prints the records to stdout and the summary to stderr without --out', () => {
    const r = run([pack, ...SOURCE, '--format', 'ftm']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(14);
    expect(r.stderr).toMatch(/^import-pack: demo\.ftm\.jsonl \(ftm\): 14 records/);
  });

  it('refuses the whole pack, reporting every problem, when a record has no https source', () => {
    const r = run([pack]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'demo.ftm.jsonl:10 record FtM entity demo-own-holdings-media field properties.sourceUrl: has no https source URL; give one for the whole pack (options.source, --source-url)\n' +
        'import-pack: demo.ftm.jsonl (ftm): 1 problem; nothing written\n',
    );
  });

  it('refuses bad arguments', () => {
    expect(() => run([pack, '--format', 'xml'])).toThrow(DataError);
    expect(() => run([pack, '--as-of', '2025'])).toThrow(/give it too/);
    expect(() => run([pack, '--source-url'])).toThrow(/needs a value/);
    expect(() => run([])).toThrow(/exactly one FILE/);
    expect(() => run([path.join(tmp, 'missing.json')])).toThrow(/no such file/);
  });

  it('exits 0 on success and 1 on problems through the stakes command', () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/stakes.mjs');
    const stakes = (...args: string[]) =>
      spawnSync(process.execPath, [bin, '--data', data, 'dataset', 'import-pack', ...args], { encoding: 'utf8' });
    const ok = stakes(pack, ...SOURCE);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toMatch(/^\{"type":"entity","id":"body:example-ministry-of-demonstrations"/);
    const bad = stakes(pack, '--source-url', 'http://example.org/not-https');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^demo\.ftm\.jsonl field source\.url: the fallback source must be an https URL$/m);
    const usage = stakes(pack, '--format', 'xml');
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/unknown format "xml"/);
  });
});
