// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { findArticleText } from '../../src/page/article.ts';
import { ENTITY_ATTR, Highlighter, MARK_TAG } from '../../src/page/highlighter.ts';
import { buildTextMap, place } from '../../src/page/text-map.ts';
import { DATASET } from '../fixtures/dataset.ts';

const engine = new Engine(DATASET);

function annotate(root: Element) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const map = buildTextMap(nodes);
  const highlighter = new Highlighter();
  highlighter.apply(map, engine.match(map.text));
  return highlighter;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe('Highlighter', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps every mention and restores the exact HTML and the same text nodes', () => {
    document.body.innerHTML = `<article><h1>Amazon’s TikTok deal</h1>
      <p>The e-commerce pact: <b>Jeff</b> Yass, ByteDance and TikTok.   TikTok again; Amazon-TikTok.</p>
      <p>Trump card? President-elect Donald Trump and Trump.</p></article>`;
    const article = document.querySelector('article')!;
    const before = article.innerHTML;
    const nodesBefore = textNodes(article);
    const h = annotate(article);
    const marks = [...article.querySelectorAll(MARK_TAG)];
    expect(marks.map(m => m.textContent)).toEqual([
      'Amazon',
      'TikTok',
      'Jeff',
      'Yass',
      'ByteDance',
      'TikTok',
      'TikTok',
      'Amazon',
      'TikTok',
      'Donald Trump',
      'Trump',
    ]);
    expect(marks[2]!.getAttribute(ENTITY_ATTR)).toBe('person:jeff-yass');
    expect(article.textContent).toBe(
      new DOMParser().parseFromString(`<div>${before}</div>`, 'text/html').body.textContent,
    );
    h.clear();
    expect(article.innerHTML).toBe(before);
    expect(textNodes(article)).toEqual(nodesBefore); // the page's own nodes, not copies
    expect(article.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });

  it('makes marks keyboard-reachable buttons that open a dialog', () => {
    document.body.innerHTML = '<article><p>TikTok</p></article>';
    annotate(document.querySelector('article')!);
    const mark = document.querySelector(MARK_TAG)!;
    expect(mark.getAttribute('tabindex')).toBe('0');
    expect(mark.getAttribute('role')).toBe('button');
    expect(mark.getAttribute('aria-haspopup')).toBe('dialog');
  });
});

describe('findArticleText on the demo page', () => {
  const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/demo/article.html'), 'utf8');

  it('reads the story and nothing outside it or in fields, code and editable areas', () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const before = document.documentElement.outerHTML;
    const nodes = findArticleText(document);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      const el = node.parentElement!;
      expect(el.closest('article'), node.data).not.toBeNull();
      expect(
        el.closest('nav, header > nav, footer, aside, form, pre, code, textarea, [contenteditable]'),
        node.data,
      ).toBeNull();
    }
    const text = buildTextMap(nodes).text;
    expect(text).toContain('Susquehanna International Group');
    const h = new Highlighter();
    h.apply(buildTextMap(nodes), engine.match(text));
    const marked = new Set([...document.querySelectorAll(`[${ENTITY_ATTR}]`)].map(m => m.getAttribute(ENTITY_ATTR)));
    expect(marked).toContain('company:bytedance');
    h.clear();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('placing mentions (what a session keeps instead of the article text)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps only the nodes the mentions cover, draws the chosen mentions, and leaves text the page changed', () => {
    document.body.innerHTML = `<article><p>Nothing to see here.</p><p><b>Jeff</b> Yass and ByteDance.</p>
      <p>TikTok later.</p></article>`;
    const map = buildTextMap(textNodes(document.body));
    const mentions = engine.match(map.text);
    expect(mentions.map(m => m.name)).toEqual(['Jeff Yass', 'ByteDance', 'TikTok']);
    const placed = place(map, mentions);
    expect([...placed.held.values()]).toEqual(['Jeff', ' Yass and ByteDance.', 'TikTok later.']);

    const h = new Highlighter();
    expect(h.draw(placed, mentions.slice(1, 2))).toBe(1);
    expect(document.querySelector(MARK_TAG)?.textContent).toBe('ByteDance');
    h.clear();

    // The page rewrites the paragraph with TikTok: that node is left alone, the others are drawn.
    const tiktok = [...placed.held.keys()].find(n => n.data === 'TikTok later.')!;
    tiktok.data = 'TikTok, rewritten.';
    h.draw(placed, mentions);
    expect([...document.querySelectorAll(MARK_TAG)].map(m => m.textContent)).toEqual(['Jeff', 'Yass', 'ByteDance']);
  });

  it('reads the line breaks of the HTML source as the spaces the page shows, and marks across them', () => {
    document.body.innerHTML = '<article><p>The investor Jeff\nYass and the new Apple\nWatch.</p></article>';
    const before = document.body.innerHTML;
    const map = buildTextMap(textNodes(document.body));
    expect(map.text).toBe('The investor Jeff Yass and the new Apple Watch.');
    const mentions = engine.match(map.text);
    // "Apple" is part of "Apple Watch" once the line break reads as a space.
    expect(mentions.map(m => m.name)).toEqual(['Jeff Yass']);
    const h = new Highlighter();
    expect(h.draw(place(map, mentions), mentions)).toBe(1);
    expect(document.querySelector(MARK_TAG)?.textContent).toBe('Jeff\nYass');
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not place a mention in a node the page changed between reading and placing', () => {
    document.body.innerHTML = `<article><p>ByteDance owns TikTok.</p><p>Jeff Yass invested.</p></article>`;
    const map = buildTextMap(textNodes(document.body));
    const mentions = engine.match(map.text);
    const second = textNodes(document.body)[1]!;
    second.data = 'Someone else invested.';
    const placed = place(map, mentions);
    expect(mentions.map(m => placed.pieces.get(m)!.length)).toEqual([1, 1, 0]);
    expect(placed.held.has(second)).toBe(false);
    // What is kept is the node's own text, equal to what was read.
    expect([...placed.held.values()]).toEqual(['ByteDance owns TikTok.']);
  });
});
