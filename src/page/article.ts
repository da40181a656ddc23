/**
 * Finds the article's text on a page: the text nodes a reader would call the
 * story, and nothing in navigation, headers, footers, asides, forms, code,
 * editable areas or our own UI.
 *
 * When the page marks its story up plainly (one <article> that holds most of
 * the page's paragraphs), that element is the article (quick-article.ts).
 * Otherwise Mozilla's Readability decides what the article is. It works on a copy of
 * the document (it rearranges what it reads), so before running it we pair
 * each text node of the copy with the live page's node; the text nodes it
 * keeps lead back to the page's own. The copy is inert: it loads nothing and
 * runs nothing.
 */
import { Readability } from '@mozilla/readability';

import { EXCLUDED, excludedElement } from './excluded.ts';
import { quickArticleText } from './quick-article.ts';

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

/** The live page's article text nodes, in document order; empty when the page has no article. */
export function findArticleText(doc: Document): Text[] {
  // The page names its article plainly: read it in one pass (quick-article.ts), no Readability.
  const quick = quickArticleText(doc, EXCLUDED);
  if (quick) return quick;
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
