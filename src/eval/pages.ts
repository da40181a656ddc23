/**
 * The detector on real web pages (Mozilla Readability's test pages), the way
 * `stakes annotate page.html` and the content script see them: jsdom, the
 * extension's own article detection (src/page/article.ts) and text map
 * (src/page/text-map.ts), then Engine.match.
 *
 * The extension only ever annotates the article's text nodes, so nothing can
 * be highlighted in a page's navigation or footer by construction. What this
 * pass looks for is article text that is not the story itself: highlights in
 * a caption, a byline, a "related stories" list of links, a share bar…
 * Those are reported as "outside the article body" for a reader to look at.
 */
import { parseHtml } from '../cli/html.ts';

import type { Engine } from '../background/engine.ts';
import { findArticleText } from '../page/article.ts';
import { buildTextMap, rangesFor } from '../page/text-map.ts';
import type { Page } from './corpora.ts';

export interface PageHighlight {
  text: string;
  entityId: string;
  why: string;
  /** Set when the highlight sits in article text that is not the story's body. */
  outside?: string;
}

export interface PageResult {
  name: string;
  /** Characters of article text found. */
  articleChars: number;
  highlights: PageHighlight[];
}

export interface PagesReport {
  pages: number;
  withArticle: number;
  withHighlights: number;
  highlights: number;
  results: PageResult[];
  /** Entity ids by number of highlights, most first. */
  topEntities: { entityId: string; name: string; count: number; pages: number }[];
  outside: { page: string; highlight: PageHighlight }[];
}

/** Class or id words that mark page furniture rather than the story. */
const FURNITURE = new Set([
  'comment',
  'comments',
  'related',
  'share',
  'sharing',
  'social',
  'promo',
  'sidebar',
  'byline',
  'author',
  'caption',
  'newsletter',
  'subscribe',
  'advert',
  'ad',
  'ads',
  'sponsor',
  'sponsored',
  'recommended',
  'recommendations',
  'readmore',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'footer',
  'header',
  'nav',
  'menu',
  'credit',
  'credits',
  'trending',
  'popular',
]);

/** Classes that mark the story's own container: no need to look further up. */
const BODY_CLASS = /(article|story|entry|post)[-_]?(body|content|text)/i;

/** A furniture word in an element's class or id ("related-stories", "article_byline"); not taxonomy classes ("tag-energy"). */
function furniture(el: Element): string | undefined {
  for (const token of `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/)) {
    if (/^(tag|category|section|topic)[-_]/i.test(token)) continue;
    // The word must begin or end the class ("sidebar-right", "article_byline"), not sit inside a
    // layout name ("panel-two-col-sidebar-right-mix").
    const parts = token.toLowerCase().split(/[-_]/);
    const word = [parts[0]!, parts[parts.length - 1]!].find(part => FURNITURE.has(part));
    if (word) return word;
  }
  return undefined;
}

/** Why a text node is not the story's body, or undefined if it is. */
export function placement(node: Text): string | undefined {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY' || BODY_CLASS.test(el.getAttribute('class') ?? '')) break;
    if (tag === 'HEADER') return 'in a <header>';
    if (tag === 'FIGCAPTION') return 'in a caption';
    const word = furniture(el);
    if (word) return `in an element marked “${word}”`;
  }
  const link = node.parentElement?.closest('a');
  if (link) {
    const block = link.parentElement?.closest('p, li, div, td, section');
    const total = (block?.textContent ?? '').trim().length;
    let linked = 0;
    block?.querySelectorAll('a').forEach(a => (linked += (a.textContent ?? '').trim().length));
    if (total > 0 && linked / total > 0.6) return 'in a block of links';
  }
  return undefined;
}

export function annotatePage(engine: Engine, page: Page): PageResult {
  const dom = parseHtml(page.html);
  try {
    const map = buildTextMap(findArticleText(dom.window.document));
    const highlights = engine.match(map.text).map(m => {
      const h: PageHighlight = {
        text: map.text.slice(m.start, m.end).replace(/\s+/g, ' '),
        entityId: m.entityId,
        why: m.why,
      };
      const where = rangesFor(map, m.start, m.end)
        .map(r => placement(r.node))
        .find(Boolean);
      if (where) h.outside = where;
      return h;
    });
    return { name: page.name, articleChars: map.text.length, highlights };
  } finally {
    dom.window.close();
  }
}

export function annotatePages(engine: Engine, pages: Page[]): PagesReport {
  const results = pages.map(p => annotatePage(engine, p));
  const byEntity = new Map<string, { count: number; pages: Set<string> }>();
  for (const r of results) {
    for (const h of r.highlights) {
      const e = byEntity.get(h.entityId) ?? { count: 0, pages: new Set<string>() };
      e.count++;
      e.pages.add(r.name);
      byEntity.set(h.entityId, e);
    }
  }
  const names = new Map(engine.dataset.entities.map(e => [e.id, e.names[0]!.text]));
  return {
    pages: results.length,
    withArticle: results.filter(r => r.articleChars > 0).length,
    withHighlights: results.filter(r => r.highlights.length > 0).length,
    highlights: results.reduce((n, r) => n + r.highlights.length, 0),
    results,
    topEntities: [...byEntity]
      .map(([entityId, e]) => ({
        entityId,
        name: names.get(entityId) ?? entityId,
        count: e.count,
        pages: e.pages.size,
      }))
      .sort((a, b) => b.count - a.count),
    outside: results.flatMap(r => r.highlights.filter(h => h.outside).map(highlight => ({ page: r.name, highlight }))),
  };
}
