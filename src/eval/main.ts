/**
 * `npm run eval`: scores the detector, with the extension's own code (the
 * compiled dataset and Engine.match), on the entity-linking benchmarks and
 * the Readability pages in ../shared/corpora. See docs/precision.md.
 *
 * Options:
 *   --corpora DIR   where the corpora are (default ../shared/corpora)
 *   --data DIR      dataset source directory (default src/data/sources)
 *   --examples N    how many false positives and misses to list (default 10)
 *   --json FILE     also write the figures as JSON
 */
import fs from 'node:fs';

import { Engine } from '../background/engine.ts';
import { compileDataset, SOURCES_DIR } from '../data/compile.ts';
import { BENCHMARKS, DEFAULT_CORPORA, loadBenchmark, loadPages } from './corpora.ts';
import { annotatePages, type PagesReport } from './pages.ts';
import { scoreBenchmark, worst, type BenchmarkScore, type Prediction } from './score.ts';

export const TARGETS = { precision: 0.97, recall: 0.9 };

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';

/** The names most often linked on <NIL> spans: "EU ×9, Tass". */
function nilNames(s: BenchmarkScore): string {
  const top = [...s.nilTexts].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return top.map(([text, n]) => (n > 1 ? `${text} ×${n}` : text)).join(', ');
}

function main(args: string[]): number {
  const corpora = option(args, '--corpora') ?? DEFAULT_CORPORA;
  const examples = Number(option(args, '--examples') ?? 10);
  const jsonFile = option(args, '--json');
  const started = Date.now();
  const engine = new Engine(compileDataset(option(args, '--data') ?? SOURCES_DIR));
  const qidOf = new Map(engine.dataset.entities.map(e => [e.id, e.ids?.wikidata ?? null]));
  const knownQids = new Set([...qidOf.values()].filter((q): q is string => q !== null));
  const out = (line = '') => process.stdout.write(line + '\n');
  out(`dataset: ${engine.dataset.entities.length} entities, ${knownQids.size} with a Wikidata id`);

  const predict = (doc: { text: string }): Prediction[] =>
    engine
      .match(doc.text)
      .map(m => ({ start: m.start, end: m.end, entityId: m.entityId, qid: qidOf.get(m.entityId) ?? null, why: m.why }));

  const scores: BenchmarkScore[] = [];
  const skipped: string[] = [];
  for (const spec of BENCHMARKS) {
    const loaded = loadBenchmark(spec, corpora);
    if (!loaded.ok) {
      skipped.push(`${spec.name}: skipped, ${loaded.reason}`);
      continue;
    }
    scores.push(scoreBenchmark(loaded.value, predict, knownQids));
  }

  out();
  out(
    'benchmark          docs  judged  wrong (other/NIL/unannotated/no QID)  precision  (w/o NIL, no QID)   recall (found/known)   coverage (known/gold PER+ORG)',
  );
  for (const s of scores) {
    const meets = s.precision >= TARGETS.precision && s.recall >= TARGETS.recall ? 'meets targets' : 'BELOW TARGET';
    const by = `(${s.wrongBy.other}/${s.wrongBy.nil}/${s.wrongBy.unannotated}/${s.wrongBy.noQid})`;
    const judgeable = s.correct + s.wrongBy.other + s.wrongBy.unannotated;
    out(
      `${s.name.padEnd(17)} ${String(s.docs).padStart(5)} ${String(s.predictions).padStart(7)} ${String(s.wrong).padStart(6)} ${by.padEnd(30)}` +
        `${pct(s.precision)}     ${pct(judgeable ? s.correct / judgeable : 1)}         ${`${pct(s.recall)} (${s.found}/${s.known})`.padEnd(22)} ` +
        `${`${pct(s.coverage)} (${s.known}/${s.goldPerOrg})`.padEnd(20)} ${meets}`,
    );
  }
  for (const line of skipped) out(line);
  out(`targets: strict precision ≥ ${TARGETS.precision}, recall ≥ ${TARGETS.recall} on each benchmark`);
  out('wrong: the gold names another entity there / the gold span is <NIL> or not an entity / nothing is annotated');
  out('there (exhaustive benchmarks) / our entity has no Wikidata id, so it cannot equal the gold.');
  out('"w/o NIL, no QID" leaves those two kinds out (gaps in the gold and in our ids): a diagnostic, not the target.');
  for (const s of scores.filter(s => s.wrongBy.nil > 0)) {
    const ceiling = (s.predictions - s.wrongBy.nil) / s.predictions;
    out(
      `${s.name}: even with every other wrong one fixed, precision stays at or below ${pct(ceiling).trim()} while the ` +
        `${s.wrongBy.nil} mentions on spans the gold marks <NIL> (${nilNames(s)}) are linked.`,
    );
  }

  for (const s of scores) {
    out();
    out(`── ${s.name}: worst false positives (${s.wrong})`);
    for (const { count, example } of worst(s.falsePositives, examples)) {
      out(`  ${String(count).padStart(3)}× ${example.entity}  ${example.context}`);
      out(`        ${example.detail}`);
    }
    out(`── ${s.name}: misses (${s.known - s.found})`);
    for (const { count, example } of worst(s.misses, examples)) {
      out(`  ${String(count).padStart(3)}× ${example.entity}  ${example.context}  (${example.detail})`);
    }
  }

  let pages: PagesReport | undefined;
  const loadedPages = loadPages(corpora);
  out();
  if (!loadedPages.ok) out(`Readability pages: skipped, ${loadedPages.reason}`);
  else {
    pages = annotatePages(engine, loadedPages.value);
    const counts = pages.results.map(r => r.highlights.length).sort((a, b) => a - b);
    const busiest = [...pages.results].sort((a, b) => b.highlights.length - a.highlights.length).slice(0, 5);
    out(
      `Readability pages: ${pages.pages} pages, ${pages.withArticle} with article text, ${pages.withHighlights} with highlights; ` +
        `${pages.highlights} highlights (median ${counts[counts.length >> 1] ?? 0} per page, most ${busiest.map(r => `${r.name} ${r.highlights.length}`).join(', ')})`,
    );
    out(
      `  most frequent: ${
        pages.topEntities
          .slice(0, 15)
          .map(e => `${e.name} ${e.count}× on ${e.pages} page${e.pages === 1 ? '' : 's'}`)
          .join('; ') || 'none'
      }`,
    );
    out(`  outside the article body: ${pages.outside.length}`);
    for (const { page, highlight } of pages.outside.slice(0, examples)) {
      out(`    ${page}: “${highlight.text}” → ${highlight.entityId}, ${highlight.outside}`);
    }
    out('  highlights per page:');
    const withAny = pages.results.filter(r => r.highlights.length);
    for (const r of withAny) {
      const names = new Map<string, number>();
      for (const h of r.highlights) names.set(h.text, (names.get(h.text) ?? 0) + 1);
      out(
        `    ${r.name.padEnd(28)} ${String(r.highlights.length).padStart(3)}  ${[...names].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ')}`,
      );
    }
  }
  out();
  out(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (jsonFile) {
    const summary = {
      benchmarks: scores.map(({ falsePositives, misses, ...s }) => ({
        ...s,
        falsePositives: falsePositives.length,
        misses: misses.length,
      })),
      skipped,
      pages: pages && {
        pages: pages.pages,
        withHighlights: pages.withHighlights,
        highlights: pages.highlights,
        outside: pages.outside.length,
        top: pages.topEntities.slice(0, 20),
      },
    };
    fs.writeFileSync(jsonFile, JSON.stringify(summary, null, 2) + '\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
