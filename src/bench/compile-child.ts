/**
 * Child process of the benchmark: compiles one dataset source directory with
 * the project's compiler, writes dataset.json and its packed name index
 * (<out>.index.bin, as the build writes data/index.bin), and prints one JSON
 * line with the wall times and the peak resident memory of this process
 * (after the compile alone, and at the end: compile, write and index pack).
 *
 *   node bin/run.mjs src/bench/compile-child.ts <sources-dir> <out.json>
 */
import fs from 'node:fs';

import { compileDataset } from '../data/compile.ts';
import { packDatasetIndex } from '../data/dataset.ts';
import { PackedIndex } from '../match/packed-index.ts';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: compile-child.ts <sources-dir> <out.json>');
  process.exit(2);
}
const t0 = performance.now();
const dataset = compileDataset(dir);
const compileMs = performance.now() - t0;
const compileRssMB = process.resourceUsage().maxRSS / 1024; // peak so far: the compile alone
const json = JSON.stringify(dataset);
fs.writeFileSync(out, json);
const writeMs = performance.now() - t0 - compileMs;
const t1 = performance.now();
const packed = packDatasetIndex(dataset);
fs.writeFileSync(out.replace(/\.json$/, '.index.bin'), packed);
const indexMs = performance.now() - t1;
const index = new PackedIndex(packed);
console.log(
  JSON.stringify({
    compileMs,
    writeMs,
    indexMs,
    compileRssMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024, // compile, JSON write and index build
    entities: dataset.entities.length,
    indexNames: index.nameCount,
    bytes: json.length,
    indexBytes: packed.byteLength,
  }),
);
