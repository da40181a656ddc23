// @vitest-environment jsdom
/** findArticleText and the highlight round trip on pages built to hurt: very deep DOMs. */
import { describe, expect, it } from 'vitest';

import { deeperThan, findArticleText, MAX_DEPTH } from '../../src/page/article.ts';
import { Highlighter, MARK_TAG } from '../../src/page/highlighter.ts';
import { buildTextMap } from '../../src/page/text-map.ts';

// jsdom itself recurses (serialising, detaching) and overflows its stack near 5,000 levels; 1,500 is
// well past MAX_DEPTH here, and the 5,000-level page runs in Chromium (test/e2e/hostile-pages.test.ts).
describe('a DOM 1,500 levels deep', () => {
  it('is measured without recursion, skips Readability, still finds the article and restores it exactly', () => {
    document.body.replaceChildren();
    const article = document.createElement('article');
    article.append(Object.assign(document.createElement('p'), { textContent: 'ByteDance owns TikTok.' }));
    document.body.append(article);
    let el: Element = article;
    for (let depth = 1; depth <= 1_500; depth++) {
      const child = document.createElement(depth % 2 ? 'div' : 'section');
      el.appendChild(child);
      el = child;
    }
    el.append('At the very bottom: TikTok.');
    expect(deeperThan(document, MAX_DEPTH)).toBe(true);
    const before = document.body.innerHTML;
    const nodes = findArticleText(document);
    expect(nodes.map(n => n.data)).toEqual(['ByteDance owns TikTok.', 'At the very bottom: TikTok.']);
    const map = buildTextMap(nodes);
    const h = new Highlighter();
    const i = map.text.lastIndexOf('TikTok');
    h.apply(map, [{ start: i, end: i + 6, entityId: 'company:tiktok', name: 'TikTok', kind: 'company', why: '' }]);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(1);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  }, 30_000);

  it('a shallow page is not "deep"', () => {
    document.body.innerHTML = '<article><p>Short.</p></article>';
    expect(deeperThan(document, MAX_DEPTH)).toBe(false);
  });
});
