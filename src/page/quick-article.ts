/**
 * The fast path of article detection: when a page marks its story up plainly — one <article>, or
 * one element with itemprop="articleBody" — and that element is plausibly the story, read it with
 * a single TreeWalker that skips excluded subtrees. Readability (article.ts) is the fallback for
 * everything else. On the Readability test pages this takes about a millisecond where Readability
 * takes about twenty (docs/performance.md).
 *
 * Plausible means: enough text, not mostly links (a list of teasers), and most of the page's
 * paragraph text inside it (not a teaser card beside the real story). Inside it, share bars,
 * related links, bylines and lists of links are left out, as Readability leaves them out.
 */

import { excludedElement } from './excluded.ts';

const SHOW_TEXT = 0x4;
const SHOW_ELEMENT = 0x1;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/** Thresholds of the fast path; see the module comment. */
export const QUICK = {
  minChars: 500,
  maxLinkDensity: 0.35,
  /** Share of the page's paragraph text the candidate must hold. */
  minParagraphShare: 0.6,
};

/** The one element that says it is the article, if there is exactly one. */
function candidate(doc: Document): Element | null {
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1) return articles[0]!;
  const bodies = doc.querySelectorAll('[itemprop="articleBody"]');
  return bodies.length === 1 ? bodies[0]! : null;
}

function paragraphChars(root: Element | Document): number {
  let n = 0;
  const ps = root.getElementsByTagName('p');
  for (let i = 0; i < ps.length; i++) n += ps[i]!.textContent?.length ?? 0;
  return n;
}

/** Class names and ids of the parts of an <article> that are not the story (Readability drops them too). */
const NOT_STORY =
  /(^|[\s_-])(share|sharing|social|related|sponsor(ed)?|promo|newsletter|comments?|byline|author|advert(isement)?|ad|ads|outbrain|taboola|recirc|more-stories|read-more|tags|toolbar)($|[\s_-])/i;

function linkDense(el: Element): boolean {
  const all = el.textContent?.trim().length ?? 0;
  if (all === 0) return false;
  let links = 0;
  const anchors = el.getElementsByTagName('a');
  for (let i = 0; i < anchors.length; i++) links += anchors[i]!.textContent?.trim().length ?? 0;
  return links > all * 0.5;
}

/** Inside the article: share bars, related links, bylines and lists of links are not the story. */
function aside(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  const label = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (label.trim() !== '' && NOT_STORY.test(label)) return true;
  return (tag === 'UL' || tag === 'OL') && linkDense(el);
}

/**
 * The article's annotatable text nodes when the page's markup names the article plausibly; null
 * when Readability should decide. `skip` is the set of tags whose text is never annotated.
 */
export function quickArticleText(doc: Document, skip: ReadonlySet<string>): Text[] | null {
  const root = candidate(doc);
  if (!root) return null;
  for (let el = root.parentElement; el; el = el.parentElement) if (excludedElement(el, skip)) return null;
  const nodes: Text[] = [];
  let chars = 0;
  let linkChars = 0;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: node =>
      node.nodeType === 1
        ? excludedElement(node as Element, skip) || aside(node as Element)
          ? FILTER_REJECT
          : FILTER_SKIP
        : FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const length = text.data.trim().length;
    if (length === 0) continue;
    nodes.push(text);
    chars += length;
    if (text.parentElement?.closest('a')) linkChars += length;
  }
  if (chars < QUICK.minChars || linkChars > chars * QUICK.maxLinkDensity) return null;
  const inside = paragraphChars(root);
  const all = doc.body ? paragraphChars(doc.body) : inside;
  if (all > 0 && inside < all * QUICK.minParagraphShare) return null;
  return nodes;
}
