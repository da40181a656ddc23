/**
 * Article detection by one scored walk (src/page/article-scan.ts) behind findArticleText and
 * readArticle (src/page/article.ts): each rule has a page that goes wrong without it.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { Scan } from '../../src/page/article-scan.ts';
import { findArticleText, readArticle, READABILITY_MAX_ELEMENTS } from '../../src/page/article.ts';

const para = (i: number) =>
  `<p>Paragraph ${i}: ByteDance owns TikTok, and Susquehanna International Group, a trading firm, holds a stake in it.</p>`;
const STORY = Array.from({ length: 6 }, (_, i) => para(i + 1)).join('');

const doc = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const texts = (nodes: Text[]) => nodes.map(n => n.data.trim()).filter(Boolean);
const read = (body: string) => texts(findArticleText(doc(body))).join(' ');
/** The walk's own answer, without the fallbacks of findArticleText. */
const scanned = (body: string) => {
  const scan = new Scan(doc(body).body);
  scan.step();
  const found = scan.result();
  expect(scan.result(), 'the same answer when asked again').toBe(found);
  return texts(found ?? []).join(' ');
};

describe('findArticleText', () => {
  it('reads the story without its share bar, related links, byline, code, forms, asides or page chrome', () => {
    const found = texts(
      findArticleText(
        doc(`
      <header><a href="/">Home</a> Amazon deals</header>
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
        <div class="related-stories"><p>More on Meta and its shareholders, in a long teaser paragraph.</p></div>
      </article>
      <footer>© Example</footer>`),
      ),
    );
    expect(found[0]).toBe("TikTok's owner");
    expect(found).toContain(para(6).replace(/<\/?p>/g, ''));
    const all = found.join(' ');
    for (const absent of ['Bloomberg', 'Facebook', 'const owner', 'Apple news', 'Oracle', 'Meta', 'Home', '©']) {
      expect(all, absent).not.toContain(absent);
    }
  });

  it('takes the element with the most story, not a teaser <article> beside it', () => {
    const all = read(
      `<article><p>A teaser about Oracle and its founder, with a link.</p></article><div id="story">${STORY}${STORY}</div>`,
    );
    expect(all).toContain('Paragraph 6');
    expect(all).not.toContain('teaser');
  });

  it('scores paragraphs and text-only <div>s, and lets <body> itself be the story', () => {
    expect(scanned(STORY)).toContain('Paragraph 1');
    const divs = STORY.replace(/<(\/?)p>/g, '<$1div>');
    expect(scanned(`<div class="x">${divs}</div><div class="y"><p>Short.</p></div>`)).toContain('Paragraph 6');
  });

  it('scores text in inline elements with its block, not as paragraphs of their own', () => {
    // A ticker of 100 spans: one block of text, not a hundred paragraphs.
    const spans = Array.from(
      { length: 100 },
      (_, i) => `<span>Ticker item ${i}: Oracle shares moved today</span> `,
    ).join('');
    const all = scanned(`<div class="story">${STORY}</div><div class="ticker">${spans}</div>`);
    expect(all).toContain('Paragraph 6');
    expect(all).not.toContain('Ticker item');
  });

  it('takes the sibling paragraphs that read like story: long ones, and short sentences without links', () => {
    const long = 'A last paragraph of the story, after the box, long enough to be story text by its length.';
    const all = scanned(
      `<div class="story">${STORY}</div><p>${long}</p><p>It ends here.</p><p><a href="/">Home</a></p>`,
    );
    expect(all).toContain(long);
    expect(all).toContain('It ends here.');
    expect(all).not.toContain('Home');
  });

  it('does not take a gallery of captions, however much text it has, for the story', () => {
    const captions = Array.from(
      { length: 40 },
      (_, i) =>
        `<li><div>Photo ${i}: Amazon's warehouse, in a caption long enough to score, by a photographer.</div></li>`,
    ).join('');
    const all = read(`<div class="story-body">${STORY}</div><ul class="gallery">${captions}</ul>`);
    expect(all).toContain('Paragraph 6');
    expect(all).not.toContain('Photo 1');
  });

  it('drops a list of links inside the story but keeps a list of text', () => {
    const links = Array.from({ length: 5 }, (_, i) => `<li><a href="/${i}">Apple story number ${i}</a></li>`).join('');
    const all = read(
      `<div>${STORY}<ul>${links}</ul><ul><li>Amazon sells TikTok Shop goods.</li><li>ByteDance keeps the algorithm.</li></ul></div>`,
    );
    expect(all).not.toContain('Apple story');
    expect(all).toContain('Amazon sells TikTok Shop goods.');
  });

  it('drops a block inside the story with more than a fifth of its text in links, unless it is labelled story', () => {
    // About a third links: not a paragraph of the story, a "more on this" box.
    const box = (cls: string) =>
      `<div class="${cls}">Read more about <a href="/x">Google and Alphabet</a>, the companies behind the search engine.</div>`;
    const all = scanned(`<div>${STORY}${box('more')}</div>`);
    expect(all).toContain('Paragraph 6');
    expect(all).not.toContain('Google');
    expect(scanned(`<div>${STORY}${box('article-content')}</div>`)).toContain('Google');
  });

  it('drops bylines however they are marked', () => {
    const all = scanned(
      `<div>${STORY}<p class="byline">By Jane Doe of Reuters</p><span rel="author">Ann Oracle</span><p itemprop="author">Meta Writer</p></div>`,
    );
    expect(all).toContain('Paragraph 6');
    for (const absent of ['Reuters', 'Oracle', 'Meta']) expect(all, absent).not.toContain(absent);
  });

  it('never reads hidden text', () => {
    const all = read(
      `<div>${STORY}<p style="display: none">Hidden Oracle paragraph that is long enough to count as story text.</p><p aria-hidden="true">Aria-hidden Apple.</p><p hidden>Hidden Meta.</p></div>`,
    );
    expect(all).toContain('Paragraph 6');
    for (const absent of ['Oracle', 'Apple', 'Meta']) expect(all, absent).not.toContain(absent);
  });

  it('reads nothing in an editable document', () => {
    expect(findArticleText(doc(`<div>${STORY}</div>`).defaultView!.document)).not.toHaveLength(0);
    const editable = new JSDOM(`<!doctype html><html><body contenteditable="true">${STORY}</body></html>`).window
      .document;
    expect(findArticleText(editable)).toHaveLength(0);
    const design = doc(STORY);
    design.designMode = 'on';
    expect(findArticleText(design)).toHaveLength(0);
  });

  it('asks Readability about small pages without a story-sized block, and not about large ones', () => {
    // One short paragraph: too little for the scan to call it a story; Readability (or the <main>) decides.
    expect(read('<main><p>Jeff Yass backs TikTok.</p></main>')).toContain('Jeff Yass');
    // A very large page of links only: no story, and no Readability pass over all of it.
    const links = Array.from({ length: READABILITY_MAX_ELEMENTS }, (_, i) => `<a href="/${i}">Oracle ${i}</a>`).join(
      ' ',
    );
    expect(read(`<main><div>${links}</div></main>`)).toBe('');
  });
});

describe('readArticle', () => {
  it('reads in slices and finds what findArticleText finds', async () => {
    const body = Array.from({ length: 200 }, () => `<section><h2>Part</h2>${STORY}</section>`).join('');
    const expected = findArticleText(doc(body)).map(n => n.data);
    let pauses = 0;
    const { nodes, stats } = await readArticle(doc(body), {
      sliceMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    expect(nodes.map(n => n.data)).toEqual(expected);
    expect(pauses).toBeGreaterThan(5); // about 3,000 nodes, a look at the clock every 256
    expect(stats.slices).toBe(pauses + 3); // the start, one slice per pause and the last, the result
    expect(stats.longestMs).toBeLessThanOrEqual(stats.workMs);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const body = Array.from({ length: 60 }, () => STORY).join('');
    const reading = readArticle(doc(body), {
      sliceMs: 0,
      signal: controller.signal,
      pause: async () => controller.abort(new Error('stopped')),
    });
    await expect(reading).rejects.toThrow('stopped');
  });
});
