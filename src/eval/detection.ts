/**
 * Article detection against Readability on the 130 Readability test pages (jsdom):
 *
 *   node bin/run.mjs src/eval/detection.ts [--corpora DIR] [PAGE...]
 *
 * For each page, the text Stakes reads (findArticleText: the scored walk of article-scan.ts) and
 * the text Readability calls the article, compared by characters of the same text nodes: recall
 * (how much of Readability's text Stakes reads) and precision (how much of Stakes' text Readability
 * has too), and how much of each is page furniture by eval/pages.ts's `placement` (a caption, a
 * byline, a block of links). Pages where they disagree most come first. With page names, it also
 * lists the text nodes one has and the other has not.
 */
import { parseHtml } from '../cli/html.ts';
import { findArticleText, readabilityArticleText } from '../page/article.ts';
import { DEFAULT_CORPORA, loadPages } from './corpora.ts';
import { placement } from './pages.ts';

interface Row {
  page: string;
  stakes: number;
  readability: number;
  recall: number;
  precision: number;
  furnitureStakes: number;
  furnitureReadability: number;
}

const chars = (nodes: Iterable<Text>) => {
  let n = 0;
  for (const t of nodes) n += t.data.trim().length;
  return n;
};

function main(args: string[]): number {
  const i = args.indexOf('--corpora');
  const corpora = i === -1 ? DEFAULT_CORPORA : args[i + 1]!;
  const only = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--corpora');
  const loaded = loadPages(corpora);
  if (!loaded.ok) {
    console.log(`skipped: ${loaded.reason}`);
    return 0;
  }
  const rows: Row[] = [];
  let msStakes = 0;
  let msReadability = 0;
  for (const page of loaded.value) {
    if (only.length > 0 && !only.includes(page.name)) continue;
    const dom = parseHtml(page.html);
    try {
      const doc = dom.window.document;
      const t0 = performance.now();
      const theirs = readabilityArticleText(doc);
      const t1 = performance.now();
      const mine = findArticleText(doc);
      msReadability += t1 - t0;
      msStakes += performance.now() - t1;
      const inMine = new Set(mine);
      const inTheirs = new Set(theirs);
      const both = chars(mine.filter(n => inTheirs.has(n)));
      const [s, r] = [chars(mine), chars(theirs)];
      const furniture = (nodes: Text[]) => chars(nodes.filter(n => placement(n) !== undefined));
      rows.push({
        page: page.name,
        stakes: s,
        readability: r,
        recall: r ? both / r : 1,
        precision: s ? both / s : r ? 0 : 1,
        furnitureStakes: furniture(mine),
        furnitureReadability: furniture(theirs),
      });
      if (only.length > 0) {
        const show = (sign: string, n: Text) =>
          console.log(`  ${sign} ${JSON.stringify(n.data.trim().slice(0, 100))} <${n.parentElement?.localName}>`);
        console.log(`${page.name}: only Readability has`);
        for (const n of theirs) if (!inMine.has(n)) show('-', n);
        console.log(`${page.name}: only Stakes has`);
        for (const n of mine) if (!inTheirs.has(n)) show('+', n);
      }
    } finally {
      dom.window.close();
    }
  }
  if (rows.length === 0) {
    console.log('no pages');
    return 1;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  rows.sort((a, b) => Math.min(a.recall, a.precision) - Math.min(b.recall, b.precision));
  console.log('page                                      Stakes  Readab.  recall  precision  furniture S/R');
  for (const r of rows.slice(0, only.length > 0 ? rows.length : 25)) {
    console.log(
      `${r.page.padEnd(40)} ${String(r.stakes).padStart(7)} ${String(r.readability).padStart(8)}   ${r.recall.toFixed(2)}     ${r.precision.toFixed(2)}    ${r.furnitureStakes}/${r.furnitureReadability}`,
    );
  }
  const agree = rows.filter(r => r.recall >= 0.9 && r.precision >= 0.9).length;
  console.log(
    `\n${rows.length} pages: median recall ${median(rows.map(r => r.recall)).toFixed(3)}, median precision ` +
      `${median(rows.map(r => r.precision)).toFixed(3)}; both ≥ 0.9 on ${agree} pages; ` +
      `recall ≥ 0.9 on ${rows.filter(r => r.recall >= 0.9).length}; no text on ${rows.filter(r => r.stakes === 0).length} (Readability: ${rows.filter(r => r.readability === 0).length})`,
  );
  console.log(
    `furniture characters: Stakes ${sum(rows.map(r => r.furnitureStakes))}, Readability ${sum(rows.map(r => r.furnitureReadability))}; ` +
      `time in jsdom: Stakes ${msStakes.toFixed(0)} ms, Readability ${msReadability.toFixed(0)} ms`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
