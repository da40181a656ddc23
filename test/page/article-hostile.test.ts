// @vitest-environment jsdom
/** findArticleText and the highlight round trip on pages built to hurt: very deep DOMs. */
import { describe, expect, it } from 'vitest';

import { deeperThan, findArticleText, isAnnotatable, MAX_DEPTH } from '../../src/page/article.ts';
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

describe('isAnnotatable over one pass', () => {
  it('answers each text node by its own ancestors, whatever was asked before with the same memory', () => {
    document.body.innerHTML = `<article><div><p>open one</p><div aria-hidden="true"><p>hidden</p>
      <span><b>hidden too</b></span></div><p>open two</p><div contenteditable="true"><p>editable</p></div>
      <pre><code>code</code></pre><p>open <em>three</em></p></div></article>`;
    const texts = [...document.querySelectorAll('p, b, code, em')].map(el => el.firstChild as Text);
    const expected = texts.map(t => isAnnotatable(t)); // each with its own memory
    expect(expected).toEqual([true, false, false, true, false, false, true, true]);
    for (const order of [texts, [...texts].reverse()]) {
      const seen = new Map<Element, boolean>();
      expect(order.map(t => isAnnotatable(t, seen))).toEqual(order === texts ? expected : [...expected].reverse());
    }
  });
});
