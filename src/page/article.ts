/**
 * Finds the article's text on a page: the text nodes a reader would call the
 * story, and nothing in navigation, headers, footers, asides, forms, code,
 * editable areas or our own UI.
 *
 * One walk over the page scores its blocks and picks the story (article-scan.ts), in idle-time
 * slices when the page is long (`readArticle`). When the walk finds no story — a page with very
 * little text — Mozilla's Readability decides, if the page is small enough for it to be quick.
 * Readability works on a copy of the document (it rearranges what it reads), so before running it
 * we pair each text node of the copy with the live page's node; the text nodes it keeps lead back
 * to the page's own. The copy is inert: it loads nothing and runs nothing.
 */
import { Readability } from '@mozilla/readability';

import { Scan, walkable } from './article-scan.ts';
import { EXCLUDED, excludedElement } from './excluded.ts';

export { EXCLUDED };

// DOM constants, spelled out so this module also runs in jsdom without globals.
const SHOW_TEXT = 0x4;
const SHOW_ELEMENT = 0x1;

/**
 * Pages nested deeper than this are not given to Readability (it and cloning the page recurse, and a
 * hostile page 5,000 levels deep would hang the tab); the page's single <article> or <main> is used.
 */
export const MAX_DEPTH = 400;

/** Whether any element of the page is nested more than `max` levels deep; iterative, O(elements). */
export function deeperThan(doc: Document, max: number): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let depth = 0;
  for (;;) {
    if (walker.firstChild()) {
      if (++depth > max) return true;
      continue;
    }
    while (!walker.nextSibling()) {
      if (!walker.parentNode()) return false;
      depth--;
    }
  }
}

/**
 * Whether text inside this node's element may be annotated (the element and all its ancestors).
 * `seen` remembers the answer for elements across the calls of one pass, so each element is looked
 * at once however many text nodes it holds.
 */
export function isAnnotatable(node: Node, seen: Map<Element, boolean> = new Map()): boolean {
  const below: Element[] = [];
  let ok = true;
  for (let el = node.parentElement; el; el = el.parentElement) {
    const known = seen.get(el);
    if (known !== undefined) {
      ok = known;
      break;
    }
    if (excludedElement(el)) {
      ok = false;
      seen.set(el, false);
      break;
    }
    below.push(el);
  }
  for (const el of below) seen.set(el, ok);
  return ok;
}

/** Readability runs only on pages with at most this many elements (on larger ones it is a long task). */
export const READABILITY_MAX_ELEMENTS = 3000;

/** The live page's article text nodes, in document order; empty when the page has no article. */
export function findArticleText(doc: Document): Text[] {
  const scan = startScan(doc);
  if (!scan) return [];
  scan.step();
  return articleOf(doc, scan);
}

/** How a long read is split: time per slice, and how to wait for the next one. */
export interface Slicing {
  /** Work per slice, in ms (default 8). */
  sliceMs?: number;
  /** Resolves when the next slice may run (default: the browser's idle time, else a macrotask). */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
}

/** What a sliced read took: the work of all slices, and the longest one. */
export interface ReadStats {
  slices: number;
  workMs: number;
  longestMs: number;
}

/** Nodes walked between two looks at the clock. */
const NODES_PER_CHECK = 256;

/**
 * `findArticleText` in slices of about `sliceMs` each, so that a long page never blocks the tab.
 * Rejects with the signal's reason when aborted.
 */
export async function readArticle(
  doc: Document,
  { sliceMs = 8, pause = nextIdle, signal }: Slicing = {},
): Promise<{ nodes: Text[]; stats: ReadStats }> {
  const stats: ReadStats = { slices: 0, workMs: 0, longestMs: 0 };
  const timed = <T>(work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - t0;
      stats.slices++;
      stats.workMs += ms;
      stats.longestMs = Math.max(stats.longestMs, ms);
    }
  };
  const scan = timed(() => startScan(doc));
  if (!scan) return { nodes: [], stats };
  for (;;) {
    const done = timed(() => {
      const t0 = performance.now();
      while (!scan.step(NODES_PER_CHECK)) if (performance.now() - t0 >= sliceMs) return false;
      return true;
    });
    if (done) break;
    await pause();
    signal?.throwIfAborted();
  }
  const nodes = timed(() => articleOf(doc, scan));
  return { nodes, stats };
}

/** Waits for the browser's idle time (at most 50 ms), or a macrotask where there is none. */
function nextIdle(): Promise<void> {
  return new Promise(resolve => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 50 });
    else setTimeout(resolve, 0);
  });
}

/** A walk over the body, or null when the body itself may not be annotated (an editor's frame). */
function startScan(doc: Document): Scan | null {
  const body = doc.body;
  if (!body || doc.designMode === 'on') return null;
  for (let el: Element | null = body; el; el = el.parentElement) if (!walkable(el)) return null;
  return new Scan(body);
}

/** The story of a finished walk; when it found none, the fallbacks. */
function articleOf(doc: Document, scan: Scan): Text[] {
  const found = scan.result();
  if (found) return found;
  // Nothing reads like a story. Small pages get a second look: furniture trusted by tag alone, then Readability.
  if (scan.elements > READABILITY_MAX_ELEMENTS) return [];
  const loose = new Scan(doc.body!, false);
  loose.step();
  const again = loose.result();
  if (again) return again;
  return readabilityArticleText(doc);
}

/** What Readability calls the article (the page's single <article> or <main> if it fails), annotatable text only. */
export function readabilityArticleText(doc: Document): Text[] {
  const nodes = (deeperThan(doc, MAX_DEPTH) ? null : readabilityText(doc)) ?? fallbackText(doc);
  const seen = new Map<Element, boolean>();
  return nodes.filter(n => n.data.trim() !== '' && isAnnotatable(n, seen));
}

function readabilityText(doc: Document): Text[] | null {
  const copy = doc.cloneNode(true) as Document;
  const live: Text[] = [];
  const position = new Map<Node, number>();
  const a = doc.createTreeWalker(doc, SHOW_TEXT);
  const b = copy.createTreeWalker(copy, SHOW_TEXT);
  for (let n = a.nextNode(), m = b.nextNode(); n && m; n = a.nextNode(), m = b.nextNode()) {
    position.set(m, live.length);
    live.push(n as Text);
  }
  let article: { content: Node | null | undefined } | null;
  try {
    article = new Readability<Node>(copy, { serializer: el => el }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  const found: Text[] = [];
  let next = 0; // the first live node not yet used
  const walker = copy.createTreeWalker(article.content, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let i = position.get(n);
    if (i === undefined) {
      // Readability rebuilt this node when it retried: the next live node with the same text is it.
      const data = (n as Text).data;
      for (let j = next; j < live.length; j++) {
        if (live[j]!.data === data) {
          i = j;
          break;
        }
      }
    }
    if (i === undefined || i < next) continue;
    found.push(live[i]!);
    next = i + 1;
  }
  return found.length ? found : null;
}

/** Without a Readability result: the page's single <article> or <main>, if it has one. */
function fallbackText(doc: Document): Text[] {
  const candidates = doc.querySelectorAll('article');
  const root = candidates.length === 1 ? candidates[0] : doc.querySelector('main, [role="main"]');
  if (!root) return [];
  const found: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n as Text);
  return found;
}
