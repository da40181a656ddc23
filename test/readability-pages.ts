/**
 * Mozilla Readability's 130 real test pages in ../shared/corpora (never copied into the repo).
 * Tests that use them skip with a message when the folder is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpora/readability-pages');
export const present = fs.existsSync(CORPUS);

/** The page folders that hold a source.html, sorted; empty when the corpus is absent. */
export const pages = present
  ? fs
      .readdirSync(CORPUS, { withFileTypes: true })
      .filter(e => e.isDirectory() && fs.existsSync(path.join(CORPUS, e.name, 'source.html')))
      .map(e => e.name)
      .sort()
  : [];
