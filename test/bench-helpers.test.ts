/** The benchmark's helpers (correctness only; the test suite times nothing). */
import { describe, expect, it } from 'vitest';

import { paragraph, livePage } from '../src/bench/fixtures.ts';
import { fmtBytes, fmtMs, fmtRatio, median, table } from '../src/bench/stats.ts';
import { prng, syntheticEntities, syntheticNames } from '../src/bench/synthetic-pack.ts';
import { EntitySchema } from '../src/data/schema.ts';
import * as v from 'valibot';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([NaN, 5])).toBe(5);
  });
});

describe('formatting', () => {
  it('formats times, ratios and sizes', () => {
    expect(fmtMs(1.234)).toBe('1.2 ms');
    expect(fmtMs(1234)).toBe('1234 ms');
    expect(fmtMs(12_345)).toBe('12.3 s');
    expect(fmtRatio(2.04)).toBe('2.0×');
    expect(fmtRatio(1234.4)).toBe('1234×');
    expect(fmtRatio(Infinity)).toBe('–');
    expect(fmtBytes(512 * 1024)).toBe('512 kB');
    expect(fmtBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(fmtBytes(-2048)).toBe('-2 kB');
  });
  it('pads a Markdown table', () => {
    expect(table(['a', 'bb'], [['xxx', 'y']])).toBe('| a   | bb |\n|-----|----|\n| xxx | y  |');
  });
});

describe('synthetic pack', () => {
  it('is deterministic', () => {
    const a = prng(7);
    const b = prng(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(syntheticNames(50)).toEqual(syntheticNames(50));
  });
  it('writes valid entity records with unique ids and multi-token names', () => {
    const records = [...syntheticEntities(2000)];
    expect(new Set(records.map(r => r.id)).size).toBe(2000);
    for (const r of records.slice(0, 200)) {
      expect(v.safeParse(EntitySchema, r).success).toBe(true);
      for (const n of r.names) expect(n.text.split(' ').length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('live page fixture', () => {
  it('has an article and appends the requested paragraphs', () => {
    expect(paragraph(3)).toBe(paragraph(3));
    const html = livePage();
    expect(html).toContain('<article>');
    expect(html).toContain('window.__append');
  });
});
