// @vitest-environment jsdom
/**
 * The Watcher with the real Highlighter and Engine, wired as session.ts wires them (minus messaging):
 * batching on timers (fake), our own changes ignored, page re-renders of highlighted text, huge batches
 * as one rescan, no loops, SPA navigation, and clear() staying exact throughout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { findArticleText, isAnnotatable } from '../../src/page/article.ts';
import { Highlighter, MARK_TAG } from '../../src/page/highlighter.ts';
import { buildTextMap } from '../../src/page/text-map.ts';
import { articleRoot, EarlyChanges, Watcher, type Limits } from '../../src/page/watcher.ts';
import { DATASET } from '../fixtures/dataset.ts';

const engine = new Engine(DATASET);

function wire(limits: Partial<Limits> = {}) {
  const h = new Highlighter();
  const calls = { text: 0, rescan: 0, reasons: [] as string[] };
  const annotate = (nodes: Text[]) => {
    const map = buildTextMap(nodes.filter(t => isAnnotatable(t) && !h.isOurs(t)));
    h.apply(map, engine.match(map.text));
  };
  const first = findArticleText(document);
  annotate(first);
  const watcher: Watcher = new Watcher(document, articleRoot(first), {
    owner: h,
    limits,
    onText(fresh, touched) {
      calls.text++;
      h.release(touched);
      annotate(fresh);
    },
    onRescan(reason) {
      calls.rescan++;
      calls.reasons.push(reason);
      h.clear();
      const nodes = findArticleText(document);
      watcher.setRoot(articleRoot(nodes));
      annotate(nodes);
    },
  });
  h.guard = change => watcher.own(change);
  return { h, watcher, calls };
}

const marks = () => [...document.querySelectorAll(MARK_TAG)].map(m => m.textContent);
/** Lets MutationObserver callbacks (microtasks) run. */
const settle = () => Promise.resolve().then(() => undefined);

let watcher: Watcher | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  vi.useRealTimers();
});

const ARTICLE = `<header><nav>TikTok home</nav></header><article><h1>News</h1>
  <p id="a">ByteDance owns TikTok.</p><p id="b">Nothing here.</p><div id="more"></div></article>
  <footer>TikTok footer</footer>`;

describe('Watcher', () => {
  it('only queues in the callback; processes new text after the batch delay, and clear() stays exact', async () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const w = wire();
    watcher = w.watcher;
    expect(marks()).toEqual(['ByteDance', 'TikTok']);
    const p = document.createElement('p');
    p.textContent = 'Later, Jeff Yass spoke.';
    document.getElementById('more')!.appendChild(p);
    await settle();
    expect(w.calls.text, 'nothing processed in the callback').toBe(0);
    vi.advanceTimersByTime(150);
    expect(w.calls.text).toBe(1);
    expect(marks()).toEqual(['ByteDance', 'TikTok', 'Jeff Yass']);
    // Our own marks caused no further processing.
    await settle();
    vi.advanceTimersByTime(5_000);
    expect(w.calls.text).toBe(1);
    expect(w.calls.rescan).toBe(0);
    w.h.clear();
    p.remove();
    expect(document.body.innerHTML).toBe(before);
  });

  it('ignores changes outside the article', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire();
    watcher = w.watcher;
    document.querySelector('footer')!.append(' and ByteDance');
    await settle();
    vi.advanceTimersByTime(1_000);
    expect(w.calls.text).toBe(0);
    expect(marks()).toEqual(['ByteDance', 'TikTok']);
  });

  it('lets a framework rewrite highlighted text: our marks go, its text stays, the new text is marked', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire();
    watcher = w.watcher;
    const text = document.getElementById('a')!.firstChild as Text; // the node we split
    expect(text.data).toBe('');
    text.data = 'TikTok was sold, said Jeff Yass.'; // what a Preact or React text update does
    await settle();
    vi.advanceTimersByTime(150);
    expect(document.getElementById('a')!.textContent).toBe('TikTok was sold, said Jeff Yass.');
    expect(marks()).toEqual(['TikTok', 'Jeff Yass']);
    w.h.clear();
    expect(document.getElementById('a')!.innerHTML).toBe('TikTok was sold, said Jeff Yass.');
  });

  it('catches a rewrite it never saw (made before it started watching) on its next poll', async () => {
    document.body.innerHTML = ARTICLE;
    const h = new Highlighter();
    const first = findArticleText(document);
    const map = buildTextMap(first);
    h.apply(map, engine.match(map.text));
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = 'Rewritten while Stakes waited for a reply.';
    let released: Text[] = [];
    watcher = new Watcher(document, articleRoot(first), {
      owner: h,
      onText: (_fresh, touched) => {
        released = touched;
        h.release(touched);
      },
      onRescan: () => undefined,
    });
    vi.advanceTimersByTime(1_100);
    expect(released).toEqual([text]);
    expect(document.getElementById('a')!.innerHTML).toBe('Rewritten while Stakes waited for a reply.');
  });

  it('removes our pieces when the page removes a text node we split', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire();
    watcher = w.watcher;
    const para = document.getElementById('a')!;
    para.removeChild(para.firstChild!); // a framework unmounting its text node
    await settle();
    vi.advanceTimersByTime(150);
    expect(para.innerHTML).toBe('');
    expect(marks()).toEqual([]);
  });

  it('turns a huge batch into one rescan', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire({ maxQueue: 100 });
    watcher = w.watcher;
    const more = document.getElementById('more')!;
    for (let i = 0; i < 1_000; i++) more.append(document.createElement('span'));
    await settle();
    vi.advanceTimersByTime(200);
    vi.advanceTimersByTime(1_000);
    expect(w.calls.rescan).toBe(1);
    expect(w.calls.reasons[0]).toMatch(/too many/);
    expect(w.calls.text).toBe(0);
    expect(marks()).toEqual(['ByteDance', 'TikTok']);
    // The rescan's own changes do not start another one.
    await settle();
    vi.advanceTimersByTime(60_000);
    expect(w.calls.rescan).toBe(1);
  });

  it('stays bounded in a mutation storm of 10,000 changes a second', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire();
    watcher = w.watcher;
    const b = document.getElementById('b')!.firstChild as Text;
    for (let second = 0; second < 20; second++) {
      for (let tick = 0; tick < 100; tick++) {
        for (let i = 0; i < 100; i++) b.data = `Change ${second}.${tick}.${i}`;
        await settle();
        vi.advanceTimersByTime(10);
      }
    }
    // 20 s of storm: a bounded number of rescans (growing back-off), flushes bounded by the batch delay.
    expect(w.calls.rescan).toBeLessThanOrEqual(8);
    expect(w.watcher.stats.flushes).toBeLessThanOrEqual(20 * 10 + 1);
    expect(w.watcher.stats.records).toBe(200_000);
  }, 30_000);

  it('rescans after SPA navigation (pushState, popstate)', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire();
    watcher = w.watcher;
    // An SPA replaces the article and pushes a new address.
    document
      .querySelector('article')!
      .replaceWith(Object.assign(document.createElement('article'), { textContent: 'Donald Trump met Jeff Yass.' }));
    history.pushState({}, '', '/story-2');
    await settle();
    vi.advanceTimersByTime(2_000);
    expect(w.calls.rescan).toBeGreaterThanOrEqual(1);
    expect(marks()).toEqual(['Donald Trump', 'Jeff Yass']);
    const n = w.calls.rescan;
    history.pushState({}, '', '/story-2#section'); // a fragment is not a new page
    vi.advanceTimersByTime(2_000);
    expect(w.calls.rescan).toBe(n);
    history.back();
    await new Promise(resolve => {
      window.addEventListener('popstate', resolve, { once: true });
      vi.advanceTimersByTime(10);
    }).catch(() => undefined);
    vi.advanceTimersByTime(2_000);
    expect(w.calls.rescan).toBeGreaterThanOrEqual(n);
  });

  it('gives up after maxRescans on a page that never settles', async () => {
    document.body.innerHTML = ARTICLE;
    const w = wire({ maxRescans: 3, maxQueue: 10, maxRescanMs: 1_000 });
    watcher = w.watcher;
    const more = document.getElementById('more')!;
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 50; i++) more.append(document.createElement('i'));
      await settle();
      vi.advanceTimersByTime(2_000);
    }
    expect(w.calls.rescan).toBe(3);
  });
});

describe('EarlyChanges', () => {
  it('tells whether the page changed the article while it was read, ignoring Stakes’ own elements', async () => {
    document.body.innerHTML = ARTICLE;
    const article = document.querySelector('article')!;
    // Changes outside the article only, and our own element coming: no second read.
    let early = new EarlyChanges(document);
    document.querySelector('footer')!.textContent = 'Another footer';
    await settle();
    expect(early.touched(article)).toBe(false);
    // Our own element added to a <body> that is itself the article: not a change of the page's.
    early = new EarlyChanges(document);
    document.body.appendChild(document.createElement('stakes-live'));
    await settle();
    expect(early.touched(document.body)).toBe(false);
    // Text added inside the article, delivered before or after the read ends: a second read.
    early = new EarlyChanges(document);
    document.getElementById('more')!.textContent = 'Jeff Yass spoke.';
    await settle();
    expect(early.touched(article)).toBe(true);
    early = new EarlyChanges(document);
    document.getElementById('b')!.firstChild!.nodeValue = 'Changed.';
    expect(early.touched(article)).toBe(true); // not yet delivered to the callback: taken from the queue
    // No article found: nothing to read again.
    early = new EarlyChanges(document);
    document.getElementById('b')!.textContent = 'Again.';
    expect(early.touched(null)).toBe(false);
  });
});
