/**
 * Runs in the benchmarked page (bundled by bundle.ts into an IIFE and
 * evaluated by the benchmark after each page load). It drives the content
 * script's own modules (article detection, text map, highlighter) and times
 * each step with performance.now(); the matching step runs in the benchmark
 * process with the background's Engine (the same code the background runs).
 */
import { readArticle } from '../page/article.ts';
import { Highlighter } from '../page/highlighter.ts';
import { buildTextMap, type TextMap } from '../page/text-map.ts';
import type { FoundMention } from '../shared/messages.ts';

const SHOW_TEXT = 0x4;

interface LongTasks {
  entries: number[];
}

/** What read() reports: detection (all slices, and the longest), the text map, the article's text. */
export interface ProbeRead {
  detectMs: number;
  longestSliceMs: number;
  slices: number;
  readMs: number;
  text: string;
  nodes: number;
}

interface Probe {
  floor(): { ms: number; chars: number; nodes: number };
  read(): Promise<ProbeRead>;
  highlight(mentions: FoundMention[]): { ms: number; marks: number };
  longTasks(): number[];
  mark(names: string[]): { ms: number; marks: number };
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
  /**
   * Detection as the content script does it: in slices between which the page may run (here a
   * macrotask apart). detectMs is the work of all slices, longestSliceMs the longest one.
   */
  async read() {
    tasks.entries.length = 0;
    const { nodes, stats } = await readArticle(document, { pause: () => new Promise(r => setTimeout(r, 0)) });
    const t1 = performance.now();
    map = buildTextMap(nodes);
    const t2 = performance.now();
    return {
      detectMs: stats.workMs,
      longestSliceMs: stats.longestMs,
      slices: stats.slices,
      readMs: t2 - t1,
      text: map.text,
      nodes: nodes.length,
    };
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
