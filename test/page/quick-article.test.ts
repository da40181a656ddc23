/**
 * The fast path of article detection: one plainly marked article, read in one pass, its share bars,
 * related links and bylines left out; anything implausible goes to Readability (null).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { EXCLUDED, findArticleText } from '../../src/page/article.ts';
import { quickArticleText } from '../../src/page/quick-article.ts';

const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: ByteDance owns TikTok, and Susquehanna International Group holds a stake in it.</p>`,
).join('');

const doc = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const texts = (nodes: Text[] | null) => nodes?.map(n => n.data.trim()).filter(Boolean) ?? null;

describe('quickArticleText', () => {
  it('reads the one <article>, without its share bar, related links, byline, code or forms', () => {
    const d = doc(`
      <nav><a href="/">Home</a> Amazon deals</nav>
      <article>
        <h1>TikTok's owner</h1>
        <div class="byline">By A. Writer for Bloomberg News</div>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Twitter</a></div>
        ${STORY}
        <pre>const owner = "ByteDance";</pre>
        <form><input value="Amazon"></form>
        <ul class="links"><li><a href="/a">Apple news</a></li><li><a href="/b">Google news</a></li></ul>
        <aside>Related: Oracle</aside>
        <div class="related-stories"><p>More on Meta and its shareholders</p></div>
      </article>
      <footer>© Example</footer>`);
    const found = texts(quickArticleText(d, EXCLUDED));
    expect(found).not.toBeNull();
    expect(found![0]).toBe("TikTok's owner");
    expect(found).toContain(
      'Paragraph 6: ByteDance owns TikTok, and Susquehanna International Group holds a stake in it.',
    );
    const all = found!.join(' ');
    for (const absent of ['Bloomberg', 'Facebook', 'const owner', 'Apple news', 'Oracle', 'Meta', 'Home', '©']) {
      expect(all, absent).not.toContain(absent);
    }
    // findArticleText takes the fast path for such a page.
    expect(texts(findArticleText(d))).toEqual(found);
  });

  it('leaves the decision to Readability when the markup is not plainly the story', () => {
    // Two articles: which one?
    expect(quickArticleText(doc(`<article>${STORY}</article><article>${STORY}</article>`), EXCLUDED)).toBeNull();
    // Too little text: a teaser card.
    expect(quickArticleText(doc('<article><p>ByteDance owns TikTok.</p></article>'), EXCLUDED)).toBeNull();
    // Mostly links: a list of stories, not a story.
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/${i}">Story number ${i} about TikTok</a> `).join('');
    expect(quickArticleText(doc(`<article><div>${links}</div><p>Short.</p></article>`), EXCLUDED)).toBeNull();
    // The real story is outside the <article> (which holds a teaser).
    expect(
      quickArticleText(
        doc(`<article>${STORY.slice(0, 400)}</article><div id="story">${STORY}${STORY}${STORY}</div>`),
        EXCLUDED,
      ),
    ).toBeNull();
    // An <article> inside an editable area or a form is never the page's story.
    expect(quickArticleText(doc(`<div contenteditable="true"><article>${STORY}</article></div>`), EXCLUDED)).toBeNull();
  });

  it('accepts a single itemprop="articleBody" when there is no single <article>', () => {
    const d = doc(`<div itemprop="articleBody">${STORY}</div><div class="teaser">Elsewhere</div>`);
    expect(texts(quickArticleText(d, EXCLUDED))).toHaveLength(6);
  });
});
