/**
 * The evaluation corpora (Node only), read from ../shared/corpora beside the
 * repository and never copied into it: the ELEVANT entity-linking benchmarks
 * (News-Fair v2, RSS-500, AIDA-CoNLL) and Mozilla Readability's test pages.
 *
 * AIDA-CoNLL's text is published with most words replaced by '*' (the
 * Reuters text may not be redistributed). It is rebuilt here from the
 * CoNLL-2003 token files: the benchmark's text is the document's tokens
 * joined by single spaces, so document n of the benchmark is document n of
 * the CoNLL file and token k of one is token k of the other. Every token is
 * checked (same length; equal unless obscured), and the space between two
 * CoNLL sentences becomes a line break, which keeps every offset and lets the
 * headline and the dateline stand on their own lines as they did on the wire.
 */
import fs from 'node:fs';
import path from 'node:path';

/** ../shared/corpora, relative to the repository root. */
export const DEFAULT_CORPORA = path.resolve(import.meta.dirname, '../../../shared/corpora');

export interface GoldLabel {
  id: number;
  /** Character offsets into the text (UTF-16, as JavaScript strings count). */
  span: [number, number];
  /** A Wikidata QID, "<NIL>", or a non-entity class such as "QUANTITY" or "DATETIME". */
  entity_id: string;
  name: string;
  /** Coarse Wikidata types joined by "|": Q215627 person, Q43229 organization, … */
  type: string;
  /** A pronoun or a description referring back to an entity ("he", "the company"). */
  coref?: boolean;
  /** The annotators accept the mention being found or not. */
  optional?: boolean;
  parent?: number;
  children?: number[];
  desc?: boolean;
}

export interface BenchmarkDoc {
  id: string;
  title: string;
  text: string;
  /** The part of the text that is annotated. */
  evaluation_span: [number, number];
  labels: GoldLabel[];
}

export interface Benchmark {
  name: string;
  file: string;
  docs: BenchmarkDoc[];
  /**
   * Whether every entity mention inside the evaluation span is annotated.
   * When it is, a predicted mention that overlaps no gold span is a false
   * positive; when it is not (RSS-500 marks two mentions per sentence), such
   * a prediction is not judged.
   */
  exhaustive: boolean;
  note: string;
}

export interface BenchmarkSpec {
  name: string;
  file: string;
  exhaustive: boolean;
  /** The CoNLL-2003 file whose tokens restore an obscured text. */
  conll?: string;
  note: string;
}

export const BENCHMARKS: readonly BenchmarkSpec[] = [
  {
    name: 'News-Fair v2',
    file: 'news-fair-v2.benchmark.jsonl',
    exhaustive: true,
    note: 'every entity mention in the evaluation span is annotated',
  },
  {
    name: 'RSS-500',
    file: 'rss-500.benchmark.jsonl',
    exhaustive: false,
    note: 'two marked mentions per sentence: only predictions on a gold span are judged',
  },
  {
    name: 'AIDA-CoNLL test',
    file: 'aida-conll-test.benchmark.jsonl',
    conll: 'eng.testb',
    exhaustive: true,
    note: 'text rebuilt from conll2003/eng.testb; every named entity is annotated',
  },
  {
    name: 'AIDA-CoNLL dev',
    file: 'aida-conll-dev.benchmark.jsonl',
    conll: 'eng.testa',
    exhaustive: true,
    note: 'text rebuilt from conll2003/eng.testa; every named entity is annotated',
  },
];

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Loads one benchmark, or says why it cannot. */
export function loadBenchmark(spec: BenchmarkSpec, corpora = DEFAULT_CORPORA): Loaded<Benchmark> {
  const file = path.join(corpora, 'entity-linking-news', spec.file);
  if (!fs.existsSync(file)) return { ok: false, reason: `${shown(file)} not found` };
  const docs = readJsonl(file);
  if (spec.conll) {
    const conllFile = path.join(corpora, 'conll2003', spec.conll);
    if (!fs.existsSync(conllFile))
      return { ok: false, reason: `${shown(conllFile)} not found (needed to rebuild the obscured text)` };
    const rebuilt = rebuildConllText(docs, parseConll(fs.readFileSync(conllFile, 'utf8')));
    if (!rebuilt.ok) return { ok: false, reason: `${shown(conllFile)}: ${rebuilt.reason}` };
  }
  return {
    ok: true,
    value: { name: spec.name, file: shown(file), docs, exhaustive: spec.exhaustive, note: spec.note },
  };
}

function readJsonl(file: string): BenchmarkDoc[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => {
      const raw = JSON.parse(line) as BenchmarkDoc & { id: string | number };
      return toUtf16({ ...raw, id: String(raw.id) });
    });
}

/**
 * ELEVANT's offsets count code points (Python strings); ours count UTF-16
 * code units. They differ only after a character outside the BMP (an emoji).
 */
export function toUtf16(doc: BenchmarkDoc): BenchmarkDoc {
  if (!/[\uD800-\uDBFF]/.test(doc.text)) return doc;
  const unit: number[] = []; // unit[codePointIndex] = UTF-16 offset
  let offset = 0;
  for (const ch of doc.text) {
    unit.push(offset);
    offset += ch.length;
  }
  unit.push(offset);
  const at = (i: number) => unit[Math.min(i, unit.length - 1)]!;
  return {
    ...doc,
    evaluation_span: [at(doc.evaluation_span[0]), at(doc.evaluation_span[1])],
    labels: doc.labels.map(l => ({ ...l, span: [at(l.span[0]), at(l.span[1])] })),
  };
}

/** CoNLL-2003 documents: sentences of tokens (the first column). */
export function parseConll(text: string): string[][][] {
  const docs: string[][][] = [];
  let doc: string[][] | undefined;
  let sentence: string[] = [];
  const endSentence = () => {
    if (doc && sentence.length) doc.push(sentence);
    sentence = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      docs.push((doc = []));
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    sentence.push(line.split(' ')[0]!);
  }
  endSentence();
  return docs;
}

/**
 * Restores the obscured words of each document in place, from the CoNLL
 * documents in the same order. Fails, changing nothing, if any document or
 * token does not line up.
 */
export function rebuildConllText(docs: BenchmarkDoc[], conll: string[][][]): Loaded<void> {
  if (docs.length !== conll.length)
    return { ok: false, reason: `${docs.length} benchmark documents but ${conll.length} CoNLL documents` };
  const texts: string[] = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const words = doc.text.split(' ');
    const sentences = conll[d]!;
    const count = sentences.reduce((n, s) => n + s.length, 0);
    if (words.length !== count)
      return { ok: false, reason: `document ${doc.id}: ${words.length} words in the benchmark, ${count} CoNLL tokens` };
    const out: string[] = [];
    let k = 0;
    for (const sentence of sentences) {
      const restored: string[] = [];
      for (const token of sentence) {
        const word = words[k++]!;
        const obscured = /^\*+$/.test(word);
        if (word.length !== token.length || (!obscured && word !== token)) {
          return {
            ok: false,
            reason: `document ${doc.id}, word ${k}: "${obscured ? '*' : word}" does not line up with the CoNLL token`,
          };
        }
        restored.push(token);
      }
      out.push(restored.join(' '));
    }
    texts.push(out.join('\n'));
  }
  docs.forEach((doc, i) => (doc.text = texts[i]!));
  return { ok: true, value: undefined };
}

export interface Page {
  name: string;
  html: string;
}

/** The Readability test pages: one folder per page with a source.html. */
export function loadPages(corpora = DEFAULT_CORPORA): Loaded<Page[]> {
  const dir = path.join(corpora, 'readability-pages');
  if (!fs.existsSync(dir)) return { ok: false, reason: `${shown(dir)} not found` };
  const pages: Page[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'source.html');
    if (fs.existsSync(file)) pages.push({ name, html: fs.readFileSync(file, 'utf8') });
  }
  return { ok: true, value: pages };
}

/** A path as short as it can be said: relative to the working directory when close to it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return !relative || relative.startsWith(`..${path.sep}..`) ? file : relative;
}
