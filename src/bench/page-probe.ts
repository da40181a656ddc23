/**
 * Runs in the benchmarked page (bundled by bundle.ts into an IIFE and
 * evaluated by the benchmark after each page load). It drives the content
 * script's own modules (article detection, text map, highlighter) and times
 * each step with performance.now(); the matching step runs in the benchmark
 * process with the background's Engine (the same code the background runs).
 */
import { EXCLUDED, findArticleText } from '../page/article.ts';
import { Highlighter } from '../page/highlighter.ts';
import { buildTextMap, type TextMap } from '../page/text-map.ts';
import type { FoundMention } from '../shared/messages.ts';

const SHOW_TEXT = 0x4;

interface LongTasks {
  entries: number[];
}

interface Probe {
  floor(): { ms: number; chars: number; nodes: number };
  read(): { detectMs: number; readMs: number; text: string; nodes: number };
  highlight(mentions: FoundMention[]): { ms: number; marks: number };
  longTasks(): number[];
  mark(names: string[]): { ms: number; marks: number };
  heuristic(): { ms: number; chars: number; recall: number; precision: number };
}

declare global {
  // eslint-disable-next-line no-var
  var __stakesBench: Probe | undefined;
  // eslint-disable-next-line no-var
  var __stakesBenchKeep: unknown;
  // eslint-disable-next-line no-var
  var Mark: (new (ctx: Element) => { mark(words: string[], options: object): void }) | undefined;
}

let map: TextMap | undefined;
const tasks: LongTasks = { entries: [] };
try {
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) tasks.entries.push(e.duration);
  }).observe({ type: 'longtask' });
} catch {
  // Firefox has no longtask entries.
}

/** Tags whose subtree a cheap article reader skips: the page's own exclusions, plus page chrome. */
const SKIP = new Set([...EXCLUDED, 'HEADER', 'FIGCAPTION']);

/**
 * An experiment, not Stakes' behaviour: a cheap article root (the page's single <article>, else
 * [itemprop=articleBody], else <main>, else the element holding the most paragraph text), read
 * with one TreeWalker that skips excluded subtrees. No copy of the document, no Readability.
 */
function cheapArticleText(doc: Document): Text[] {
  const articles = doc.getElementsByTagName('article');
  let root: Element | null =
    articles.length === 1
      ? articles[0]!
      : (doc.querySelector('[itemprop="articleBody"]') ?? doc.querySelector('main, [role="main"]'));
  if (!root || (root.textContent ?? '').length < 400) {
    const score = new Map<Element, number>();
    for (const p of Array.from(doc.getElementsByTagName('p'))) {
      const len = (p.textContent ?? '').length;
      if (len < 60 || !p.parentElement) continue;
      score.set(p.parentElement, (score.get(p.parentElement) ?? 0) + len);
      const gp = p.parentElement.parentElement;
      if (gp) score.set(gp, (score.get(gp) ?? 0) + len / 2);
    }
    let best = 0;
    for (const [el, v] of score) {
      if (v > best) {
        best = v;
        root = el;
      }
    }
  }
  if (!root) return [];
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, 0x1 | SHOW_TEXT, {
    acceptNode: n =>
      n.nodeType === 1
        ? SKIP.has((n as Element).tagName.toUpperCase()) || (n as HTMLElement).hidden
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim() !== '') out.push(n as Text);
  return out;
}

globalThis.__stakesBench = {
  /** One TreeWalker pass reading every text node of the page. */
  floor() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body ?? document.documentElement, SHOW_TEXT);
    let chars = 0;
    let nodes = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, chars, nodes };
  },
  read() {
    tasks.entries.length = 0;
    const t0 = performance.now();
    const nodes = findArticleText(document);
    const t1 = performance.now();
    map = buildTextMap(nodes);
    const t2 = performance.now();
    return { detectMs: t1 - t0, readMs: t2 - t1, text: map.text, nodes: nodes.length };
  },
  highlight(mentions) {
    if (!map) throw new Error('read() first');
    const t0 = performance.now();
    const h = new Highlighter();
    const marks = h.apply(map, mentions);
    const ms = performance.now() - t0;
    globalThis.__stakesBenchKeep = { h, map }; // kept alive, as the content script keeps them
    return { ms, marks };
  },
  longTasks() {
    return tasks.entries.slice();
  },
  /** The cheap article reader, timed, and how its text agrees with Readability's (from the last read()). */
  heuristic() {
    const t0 = performance.now();
    const nodes = cheapArticleText(document);
    const ms = performance.now() - t0;
    const mine = new Set(nodes);
    const theirs = map?.nodes ?? [];
    const len = (list: Iterable<Text>) => {
      let n = 0;
      for (const t of list) n += t.data.length;
      return n;
    };
    const both = len(theirs.filter(n => mine.has(n)));
    const chars = len(nodes);
    return { ms, chars, recall: theirs.length ? both / len(theirs) : NaN, precision: chars ? both / chars : NaN };
  },
  /** mark.js (loaded before as window.Mark) marking these terms in the whole body. */
  mark(names) {
    const Mark = globalThis.Mark;
    if (!Mark) throw new Error('mark.js not loaded');
    const t0 = performance.now();
    new Mark(document.body).mark(names, { separateWordSearch: false });
    const ms = performance.now() - t0;
    return { ms, marks: document.querySelectorAll('mark[data-markjs]').length };
  },
};
