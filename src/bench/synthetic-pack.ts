/**
 * A deterministic synthetic name pack for the benchmark: entity records in
 * the dataset's own source format (JSON Lines), with realistic multi-token
 * names built from syllable tables by a seeded PRNG. Half are people
 * ("Given Surname" and "Given X. Surname"), half companies ("Surname Word
 * Suffix" and "Surname Word"), two names each. Written to a temporary
 * directory next to copies of the bundled sources; never committed.
 */
import fs from 'node:fs';
import path from 'node:path';

import { SOURCES_DIR, sourceFiles } from '../data/compile.ts';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = (
  'Ada Alan Alma Amir Ana Anders Anya Arjun Aurora Ben Bianca Boris Carla Chen Clara Dario Dmitri Elena Elif Emil ' +
  'Erik Esther Farah Felix Greta Hana Hugo Ines Ivan Jana Jonas Julia Kai Karim Kofi Lara Leo Lina Luca Maya Mei ' +
  'Milan Mira Nadia Nico Nora Omar Oskar Paula Pavel Priya Rafael Rosa Sami Sara Sven Tara Theo Tomas Una Vera ' +
  'Victor Wen Yara Yusuf Zara Zoe'
).split(' ');
const ONSET = 'B Br C Ch D Dr F G Gr H K Kl L M N P Pr R S St T Tr V W Z'.split(' ');
const VOWEL = 'a e i o u ai ea io ou y'.split(' ');
const CODA = 'n r l s th nd rk st m v x ck ll rn'.split(' ');
const TAIL = 'ane ard berg by ell en er ez ford ham holt ier ik ins is lund man mont ner ov sen son ton vic wick'.split(
  ' ',
);
const WORDS = (
  'Atlas Beacon Cedar Delta Ember Falcon Granite Harbor Iris Juniper Keystone Lumen Meridian Nimbus Orchard Pioneer ' +
  'Quarry Ridge Summit Tidewater Union Vantage Willow Zenith'
).split(' ');
const SUFFIX = 'Holdings Group Capital Partners Industries Media Systems Energy Logistics Foods Labs Ventures'.split(
  ' ',
);

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** A surname-like word: 2 or 3 syllables. */
export function syntheticWord(rnd: () => number): string {
  let w = pick(rnd, ONSET) + pick(rnd, VOWEL) + pick(rnd, CODA);
  if (rnd() < 0.5) w += pick(rnd, VOWEL) + pick(rnd, CODA);
  return w + pick(rnd, TAIL);
}

export interface PackRecord {
  type: 'entity';
  id: string;
  kind: 'person' | 'company';
  names: { text: string; kind: 'primary' | 'alias' }[];
  description: string;
}

/** The i-th synthetic entity (two names). Deterministic for (seed, i) given sequential generation. */
export function* syntheticEntities(count: number, seed = 20261126): Generator<PackRecord> {
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(7, '0');
    if (i % 2 === 0) {
      const given = pick(rnd, GIVEN);
      const surname = syntheticWord(rnd);
      const initial = String.fromCharCode(65 + Math.floor(rnd() * 26));
      yield {
        type: 'entity',
        id: `person:syn-${id}`,
        kind: 'person',
        names: [
          { text: `${given} ${surname}`, kind: 'primary' },
          { text: `${given} ${initial}. ${surname}`, kind: 'alias' },
        ],
        description: 'Synthetic person for the performance benchmark.',
      };
    } else {
      const head = syntheticWord(rnd);
      const word = pick(rnd, WORDS);
      const suffix = pick(rnd, SUFFIX);
      yield {
        type: 'entity',
        id: `company:syn-${id}`,
        kind: 'company',
        names: [
          { text: `${head} ${word} ${suffix}`, kind: 'primary' },
          { text: `${head} ${word}`, kind: 'alias' },
        ],
        description: 'Synthetic company for the performance benchmark.',
      };
    }
  }
}

/**
 * Writes the bundled sources plus `names` synthetic names (two per entity) as
 * source files into `dir`; returns the number of synthetic names written.
 */
export function writePack(dir: string, names: number, seed?: number): number {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of sourceFiles(SOURCES_DIR)) fs.copyFileSync(file, path.join(dir, path.basename(file)));
  // Several files of 20,000 records: compile.ts spreads a file's records into one push(), which
  // overflows the call stack beyond about 100,000 records per file.
  const PER_FILE = 20_000;
  let written = 0;
  let file = 0;
  let buffer: string[] = [];
  const flush = () => {
    if (!buffer.length) return;
    fs.writeFileSync(path.join(dir, `zz-synthetic-${String(file++).padStart(3, '0')}.jsonl`), buffer.join('\n') + '\n');
    buffer = [];
  };
  for (const record of syntheticEntities(Math.ceil(names / 2), seed)) {
    buffer.push(JSON.stringify(record));
    written += record.names.length;
    if (buffer.length >= PER_FILE) flush();
  }
  flush();
  return written;
}

/** Up to n distinct names from the synthetic pack (the first entities' primary names). */
export function syntheticNames(n: number, seed?: number): string[] {
  const out: string[] = [];
  for (const record of syntheticEntities(n, seed)) out.push(record.names[0]!.text);
  return out;
}
