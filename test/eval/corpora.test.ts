/**
 * The real corpora in ../shared, when they are there: the benchmarks load and the AIDA-CoNLL
 * text is fully restored. Skipped, saying why, on a machine without them.
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { BENCHMARKS, DEFAULT_CORPORA, loadBenchmark, loadPages } from '../../src/eval/corpora.ts';

const present =
  fs.existsSync(path.join(DEFAULT_CORPORA, 'entity-linking-news')) &&
  fs.existsSync(path.join(DEFAULT_CORPORA, 'conll2003'));
if (!present) console.warn(`skipping the corpus tests: ${DEFAULT_CORPORA} (entity-linking-news, conll2003) not found`);

describe.skipIf(!present)('the evaluation corpora in ../shared', () => {
  it.each(BENCHMARKS.map(b => [b.name, b] as const))('%s loads, with spans inside its text', (_, spec) => {
    const loaded = loadBenchmark(spec);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.value.docs.length).toBeGreaterThan(100);
    for (const d of loaded.value.docs) {
      for (const l of d.labels) expect(l.span[1]).toBeLessThanOrEqual(d.text.length);
      // Obscured words were runs of '*'; the only ones left are CoNLL's own one-star bullets.
      if (spec.conll) expect(d.text).not.toMatch(/(^|\s)\*\*+(\s|$)/);
    }
  });

  it('finds the Readability pages', () => {
    const pages = loadPages();
    if (!pages.ok) throw new Error(pages.reason);
    expect(pages.value.length).toBe(130);
  });
});
