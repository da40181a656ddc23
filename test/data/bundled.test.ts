/** The dataset shipped in src/data/sources: valid, consistent, canonical, and covering the seed story. */
import fs from 'node:fs';

import { describe, expect, it } from 'vitest';

import { compileDataset, sourceFiles } from '../../src/data/compile.ts';
import { formatRecords, parseRecords } from '../../src/data/records.ts';
import { datasetStats } from '../../src/data/stats.ts';

const dataset = compileDataset();

describe('the bundled dataset', () => {
  it('compiles without a problem', () => {
    expect(dataset.entities.length).toBeGreaterThan(0);
  });

  it.each(sourceFiles())('%s is in canonical form', file => {
    const text = fs.readFileSync(file, 'utf8');
    const { records } = parseRecords(file, text);
    expect(formatRecords(records.map(r => r.record))).toBe(text);
  });

  it('has a source and an as-of date on every claim and policy item', () => {
    expect(datasetStats(dataset).claimsWithoutSource).toBe(0);
    for (const c of [...dataset.claims, ...dataset.policies]) {
      for (const s of c.sources) {
        expect(s.url).toMatch(/^https:\/\//);
        expect(s.asOf).toMatch(/^\d{4}/);
      }
    }
  });

  it('has every entity and policy item of the seed story', () => {
    const ids = new Set([...dataset.entities, ...dataset.policies].map(e => e.id));
    for (const id of [
      'company:amazon',
      'company:tiktok',
      'company:bytedance',
      'company:susquehanna-international-group',
      'person:jeff-yass',
      'person:donald-trump',
      'body:house-select-committee-ccp',
      'law:us-pafaca-2024',
      'case:tiktok-v-garland',
      'eo:13942',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});
