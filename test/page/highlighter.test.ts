// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { findArticleText } from '../../src/page/article.ts';
import { ENTITY_ATTR, Highlighter, MARK_TAG } from '../../src/page/highlighter.ts';
import { buildTextMap } from '../../src/page/text-map.ts';
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
