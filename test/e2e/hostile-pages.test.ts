/**
 * Pages that fight back (test/e2e/pages/*.html), in real Chromium and Firefox ESR with the built
 * extension. Each test checks that the page still works, that Stakes stays bounded (marks counted, no
 * error, the page's timers still fire promptly) and, where the page holds still, that turning Stakes
 * off leaves the page's HTML byte-identical (Chromium only: the toggle is sent from the extension's
 * service worker, which puppeteer cannot reach in Firefox). The 5 MB and 5,000-level pages run in
 * Chromium only, to keep the run short. One browser and one tab per browser; no request may leave
 * 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchers, type BrowserName, type Launched, type RequestLog, watchRequests } from '../../src/dev/browsers.ts';
import { serve, type Served } from '../../src/dev/serve.ts';
import { MAX_MARKS } from '../../src/page/highlighter.ts';
import { EXT_DIRS, sleep, waitForCard } from './helpers.ts';
import { markCount, timerLag, toggleStakes, waitForMarks } from './hostile-helpers.ts';

const PAGES = path.resolve(import.meta.dirname, 'pages');
const CSP =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; connect-src 'none'; frame-src 'none'";

let dir: string;
let server: Served;

beforeAll(async () => {
  // The pages, plus the Preact app bundled for the browser.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-hostile-'));
  for (const f of fs.readdirSync(PAGES))
    if (f.endsWith('.html')) fs.copyFileSync(path.join(PAGES, f), path.join(dir, f));
  await esbuild.build({
    entryPoints: [path.join(PAGES, 'preact-app.tsx')],
    outfile: path.join(dir, 'preact-app.js'),
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  server = await serve(dir, { headers: p => (p === '/csp.html' ? { 'content-security-policy': CSP } : undefined) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

describe.each(BROWSERS)('hostile pages in %s', name => {
  let launched: Launched;
  let requests: RequestLog;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    launched = await launchers[name](EXT_DIRS[name], { headless: true });
    requests = watchRequests(launched.browser);
    page = await launched.browser.newPage();
    requests.add(page);
    page.on('pageerror', error => {
      // Firefox reports the browser's own favicon request, refused by the CSP page, as a page error.
      if (!String(error).includes('/favicon.ico')) errors.push(`${page.url()}: ${String(error)}`);
    });
    page.on('console', m => {
      if (m.text().includes('Stakes')) errors.push(`${page.url()}: console ${m.type()}: ${m.text()}`);
    });
  }, 60_000);

  afterAll(async () => {
    requests?.stop();
    await launched?.close();
  });

  async function open(file: string, marks = 1): Promise<number> {
    errors.length = 0;
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 30_000 });
    return waitForMarks(page, marks, 20_000);
  }

  const html = (p: Page): Promise<string> => p.evaluate(() => document.documentElement.outerHTML);

  /** Off, on, off: the HTML with Stakes off is the same before and after. */
  async function roundTrip(): Promise<void> {
    expect(await toggleStakes(launched, false)).toEqual([{ on: false }]);
    const before = await html(page);
    expect(await toggleStakes(launched, true)).toEqual([{ on: true }]);
    expect(await markCount(page), 'marks after turning on again').toBeGreaterThan(0);
    expect(await toggleStakes(launched, false)).toEqual([{ on: false }]);
    expect((await html(page)) === before, 'HTML identical after turning Stakes off').toBe(true);
    expect(await toggleStakes(launched, true)).toEqual([{ on: true }]);
  }

  it('CSS reset, a bar at z-index 2147483647, a transformed scroll box: names marked, the card on screen, on top, beside its name', async () => {
    expect(await open('reset.html', 5)).toBeGreaterThanOrEqual(5);
    const underlined = await page.$eval('stakes-mark', m => getComputedStyle(m).textDecorationLine);
    expect(underlined).toContain('underline');
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 320, height: 560 },
    ]) {
      await page.setViewport(viewport);
      // The last TikTok in the scroll box: near the bottom edge, where the card must flip.
      const marks = await page.$$('article stakes-mark');
      const mark = marks[marks.length - 2]!;
      await mark.evaluate(m => m.scrollIntoView({ block: 'end' }));
      await mark.click();
      const card = await waitForCard(page, true, `after clicking a mark at ${viewport.width}px`);
      const geometry = await page.evaluate(() => {
        const host = document.querySelector('stakes-card')!;
        const dialog = host.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
        const anchor = document.querySelector('stakes-mark[aria-expanded="true"]')!.getBoundingClientRect();
        const cx = dialog.left + dialog.width / 2;
        const cy = dialog.top + Math.min(dialog.height / 2, 20);
        return {
          dialog: { left: dialog.left, right: dialog.right, top: dialog.top, bottom: dialog.bottom },
          anchor: { left: anchor.left, right: anchor.right, top: anchor.top, bottom: anchor.bottom },
          onTop: document.elementFromPoint(cx, cy) === host,
          vw: innerWidth,
        };
      });
      const { dialog, anchor } = geometry;
      expect(card.inViewport).toBe(true);
      expect(dialog.left, 'inside the viewport (left)').toBeGreaterThanOrEqual(0);
      expect(dialog.right, 'inside the viewport (right)').toBeLessThanOrEqual(geometry.vw);
      const overlaps =
        dialog.left < anchor.right &&
        anchor.left < dialog.right &&
        dialog.top < anchor.bottom &&
        anchor.top < dialog.bottom;
      expect(overlaps, `card ${JSON.stringify(dialog)} covers its name ${JSON.stringify(anchor)}`).toBe(false);
      expect(geometry.onTop, 'the card is above the page (z-index)').toBe(true);
      await page.keyboard.press('Escape');
      await waitForCard(page, false, 'after Escape');
    }
    await page.setViewport({ width: 1280, height: 900 });
    await roundTrip();
    expect(errors).toEqual([]);
  });

  it('strict Content-Security-Policy: names marked, the card opens styled, no violation from Stakes', async () => {
    const violations: string[] = [];
    page.on('console', m => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    expect(await open('csp.html', 3)).toBeGreaterThanOrEqual(3);
    await (await page.$('stakes-mark'))!.click();
    const card = await waitForCard(page, true, 'after clicking a mark on the CSP page');
    expect(card.inViewport).toBe(true);
    const position = await page.$eval('stakes-card', h => getComputedStyle(h).position);
    expect(position, 'the card is styled despite style-src none').toBe('absolute');
    await page.keyboard.press('Escape');
    await roundTrip();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('overwritten DOM prototypes in the page: Stakes works (it runs in its own world) and never calls them', async () => {
    expect(await open('prototypes.html', 3)).toBeGreaterThanOrEqual(3);
    await roundTrip();
    expect(
      await page.evaluate(() => (window as unknown as { __pageCalls: number }).__pageCalls),
      "calls to the page's broken functions",
    ).toBe(0);
    expect(await markCount(page)).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('a page cannot drive Stakes: its messages, events and globals reach neither the content script nor the background', async () => {
    const marks = await open('prototypes.html', 3);
    const probe = await page.evaluate(async (extensionOrigin: string) => {
      const id = extensionOrigin.replace(/^[a-z-]+:\/\//, '').replace(/\/$/, '');
      for (const message of [
        { type: 'toggle', on: false },
        { type: 'stakes:step', step: 1 },
        { type: 'importPack', name: 'x', text: '' },
      ]) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('stakes', { detail: message }));
      }
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let sent = 'no extension messaging in the page';
      if (typeof runtime?.sendMessage === 'function') {
        sent = await new Promise<string>(resolve => {
          try {
            (runtime.sendMessage as (id: string, m: unknown, cb: (r: unknown) => void) => void)(
              id,
              { type: 'toggle', on: false },
              r => resolve(`answered: ${JSON.stringify(r)}`),
            );
          } catch (error) {
            resolve(`refused: ${String(error)}`);
          }
        });
      }
      await new Promise(r => setTimeout(r, 500));
      return { sent, global: typeof (window as { __stakes?: unknown }).__stakes };
    }, launched.extensionOrigin);
    expect(probe.sent).not.toMatch(/^answered: \{/);
    expect(probe.global, "the content script's globals are not the page's").toBe('undefined');
    expect(await markCount(page), 'marks after the page tried to turn Stakes off').toBe(marks);
    expect(errors).toEqual([]);
  });

  it('text in an iframe and in shadow roots: no crash, marks bounded, page intact', async () => {
    expect(await open('frames.html', 2)).toBeGreaterThanOrEqual(2);
    const inside = await page.evaluate(() => ({
      frame: document.querySelector('iframe')!.contentDocument?.body?.textContent ?? '',
      shadow: document.getElementById('host')!.shadowRoot!.textContent,
    }));
    expect(inside.frame).toContain('Inside a frame: ByteDance and TikTok again');
    expect(inside.shadow).toBe('Inside a shadow root: ByteDance, TikTok and Susquehanna International Group.');
    await roundTrip();
    await timerLag(page); // the page's own timers still fire (a frozen page times the test out)
    expect(errors).toEqual([]);
  });

  it('a 5 MB article: marks capped, the page responsive once Stakes is done, off restores it', async () => {
    const started = Date.now();
    const count = await open('big.html', MAX_MARKS);
    const took = Date.now() - started;
    const size = await page.evaluate(() => document.body.textContent!.length);
    expect(size).toBeGreaterThan(5 * 1024 * 1024);
    expect(count, 'marks on a 5 MB page').toBeGreaterThan(100);
    expect(count).toBeLessThanOrEqual(MAX_MARKS + 50);
    const lags: number[] = [];
    for (let i = 0; i < 5; i++) lags.push(await timerLag(page));
    console.log(`hostile: 5 MB article, timer lag after annotating ${Math.round(Math.max(...lags))} ms`);
    await roundTrip();
    console.log(`hostile: 5 MB article annotated in ${took} ms with ${count} marks`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a DOM 5,000 levels deep: no crash, the page responsive, off restores it', async () => {
    await open('deep.html', 1);
    const depth = await page.evaluate(() => {
      let d = 0;
      for (let el: Element | null = document.getElementById('bottom'); el; el = el.parentElement) d++;
      return d;
    });
    expect(depth).toBeGreaterThan(5_000);
    expect(await markCount(page)).toBeGreaterThan(0);
    await timerLag(page); // the page's own timers still fire (a frozen page times the test out)
    await roundTrip();
    expect(errors).toEqual([]);
  }, 60_000);

  it('a Preact app re-rendering highlighted text: its text stays exactly what it renders, and it keeps working', async () => {
    expect(await open('preact.html', 2)).toBeGreaterThanOrEqual(2);
    // Dozens of renders, with Stakes underlining as they come (a loaded machine renders more slowly).
    await page.waitForFunction(() => Number(document.getElementById('count')?.textContent) > 40, {
      timeout: 30_000,
    });
    // A DOM click: a pointer click at coordinates can miss while the page reflows every 50 ms.
    await page.$eval('#stop', b => (b as HTMLElement).click());
    await sleep(1_500); // the watcher catches up
    const check = () =>
      page.evaluate(() => {
        const n = document.getElementById('count')!.textContent;
        const lead = document.getElementById('lead')!.textContent;
        const items = [...document.querySelectorAll('#list li')].map(li => li.textContent);
        return { n, lead, items, marks: document.querySelectorAll('stakes-mark').length };
      });
    let state = await check();
    const n = Number(state.n);
    await sleep(200);
    expect((await check()).n, 'the app stopped re-rendering').toBe(state.n);
    expect(n).toBeGreaterThan(10);
    expect(state.lead).toBe(`Round ${n}: ByteDance owns TikTok, and the story keeps changing as it is written.`);
    expect(state.items).toEqual(
      (n % 2 ? ['TikTok', 'ByteDance', 'Jeff Yass'] : ['Jeff Yass', 'TikTok']).map(x => `${x} is in the list`),
    );
    expect(state.marks).toBeGreaterThan(0);
    expect(state.marks).toBeLessThan(100);
    // Preact still owns its nodes: a render after Stakes is off writes exactly its text, no leftovers.
    expect(await toggleStakes(launched, false)).toEqual([{ on: false }]);
    await page.$eval('#bump', b => (b as HTMLElement).click());
    await sleep(200);
    state = await check();
    expect(state.marks).toBe(0);
    expect(state.lead).toBe(`Round ${n + 1}: ByteDance owns TikTok, and the story keeps changing as it is written.`);
    expect(await page.$eval('#lead', p => p.childNodes.length), 'one text node, as Preact rendered it').toBe(1);
    expect(state.items).toEqual(
      ((n + 1) % 2 ? ['TikTok', 'ByteDance', 'Jeff Yass'] : ['Jeff Yass', 'TikTok']).map(x => `${x} is in the list`),
    );
    expect(await toggleStakes(launched, true)).toEqual([{ on: true }]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('SPA navigation with history.pushState: the new story is underlined, the old marks are gone', async () => {
    await open('spa.html', 2);
    const ids = () =>
      page.$$eval('stakes-mark', ms => [...new Set(ms.map(m => m.getAttribute('data-stakes-entity')))].sort());
    expect(await ids()).toEqual(expect.arrayContaining(['company:bytedance', 'company:tiktok']));
    await page.click('a[data-story="two"]');
    expect(page.url()).toMatch(/\/spa\/two$/);
    const deadline = Date.now() + 10_000;
    let now: (string | null)[] = [];
    while (Date.now() < deadline) {
      now = await ids();
      if (now.includes('person:jeff-yass')) break;
      await sleep(200);
    }
    expect(now).toContain('person:jeff-yass');
    expect(now).not.toContain('company:tiktok');
    expect(await page.$eval('article', a => a.textContent)).toContain(
      'Jeff Yass co-founded Susquehanna International Group',
    );
    await page.goBack();
    await sleep(1_500);
    expect(await page.$eval('h1', h => h.textContent)).toBe('Story one: ByteDance');
    expect(errors).toEqual([]);
  }, 60_000);

  it('a mutation storm of 10,000 changes a second: the page keeps running, Stakes stays bounded', async () => {
    await open('storm.html', 1);
    const changes0 = await page.evaluate(() => (window as unknown as { __changes: number }).__changes);
    const lags: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < 10; i++) {
      await sleep(400);
      lags.push(await timerLag(page));
      counts.push(await markCount(page));
    }
    const changes1 = await page.evaluate(() => (window as unknown as { __changes: number }).__changes);
    const rate = (changes1 - changes0) / 4.5;
    console.log(
      `hostile: storm ran at ${Math.round(rate)} changes/s; max timer lag ${Math.round(Math.max(...lags))} ms; marks ${counts.join(',')}`,
    );
    expect(changes1, 'the storm kept going while Stakes watched').toBeGreaterThan(changes0);
    expect(Math.max(...counts)).toBeLessThan(200);
    expect(await page.$eval('article p', p => p.textContent)).toBe(
      'ByteDance owns TikTok, and this page never stops changing.',
    );
    await page.evaluate(() => clearInterval((window as unknown as { __storm: number }).__storm));
    expect(errors).toEqual([]);
  }, 60_000);

  it('made no request outside 127.0.0.1', () => {
    expect(requests.outside).toEqual([]);
  });
});
