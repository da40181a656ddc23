/**
 * The 130 pages of Mozilla Readability's test corpus in real Chromium with the built extension: for
 * each page, turn Stakes off (page as served), on (annotated) and off again; the document's HTML must
 * be byte-identical, no mark may sit in an excluded element, nothing may throw, and the extension may
 * make no network request. One browser and one tab for all pages, to keep this to a few minutes.
 *
 * The pages' own scripts are disabled (they are snapshots; their scripts would change the DOM on
 * their own) and their requests outside 127.0.0.1 are refused, so only Stakes touches the page. The
 * pages live outside the repository (../shared/corpora/readability-pages); without them this file is
 * skipped with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { launchChromium, type Launched } from '../../src/dev/browsers.ts';
import { serve, type Served } from '../../src/dev/serve.ts';
import { EXT_DIRS } from './helpers.ts';
import { toggleStakes } from './hostile-helpers.ts';
import { CORPUS, pages, present } from '../readability-pages.ts';

if (!present) console.warn(`hostile-corpus: skipped, ${CORPUS} not found (Readability's test pages)`);

const EXCLUDED =
  'script, style, noscript, template, textarea, input, select, option, button, form, code, pre, kbd, samp, var, svg, math, iframe, object, nav, aside, footer, stakes-card, [contenteditable=""], [contenteditable="true"]';

describe.skipIf(!present)('Readability test pages in Chromium', () => {
  let server: Served;
  let launched: Launched;
  let page: Page;
  /** Requests that left 127.0.0.1 and came from the extension (its worker, its pages or its content script). */
  const fromExtension: string[] = [];
  /** The pages' own requests outside 127.0.0.1 (refused): counted, not an error. */
  let pageOwn = 0;
  const problems: string[] = [];
  let marks = 0;

  beforeAll(async () => {
    server = await serve(CORPUS);
    launched = await launchChromium(EXT_DIRS.chromium, { headless: true });
    // The extension's worker: every request it makes (it should make none outside the extension).
    const worker = await launched.browser.waitForTarget(t => t.type() === 'service_worker');
    const session = await worker.createCDPSession();
    session.on('Network.requestWillBeSent', e => {
      if (!e.request.url.startsWith(launched.extensionOrigin)) fromExtension.push(`worker: ${e.request.url}`);
    });
    await session.send('Network.enable');
    page = await launched.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      const host = new URL(url).hostname;
      if (host === '127.0.0.1' || url.startsWith('data:') || url.startsWith(launched.extensionOrigin)) {
        void request.continue();
        return;
      }
      const initiator = request.initiator();
      const frames = initiator?.stack?.callFrames ?? [];
      if (initiator?.url?.startsWith('chrome-extension:') || frames.some(f => f.url.startsWith('chrome-extension:'))) {
        fromExtension.push(`content script: ${url}`);
      } else {
        pageOwn++;
      }
      void request.abort();
    });
    page.on('console', message => {
      if (message.text().includes('Stakes'))
        problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', error => problems.push(`${page.url()}: ${String(error)}`));
  }, 60_000);

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it.each(pages)(
    '%s: off, on, off leaves the HTML byte-identical',
    async name => {
      await page.goto(`${server.url}/${name}/source.html`, { waitUntil: 'load', timeout: 20_000 });
      expect(await toggleStakes(launched, false), 'the content script answers').toEqual([{ on: false }]);
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      expect(await toggleStakes(launched, true)).toEqual([{ on: true }]);
      const found = await page.evaluate((excluded: string) => {
        const all = [...document.querySelectorAll('stakes-mark')];
        return {
          count: all.length,
          bad: all
            .filter(m => m.parentElement?.closest(excluded))
            .map(m => `${m.textContent} in <${m.parentElement!.closest(excluded)!.localName}>`),
        };
      }, EXCLUDED);
      marks += found.count;
      expect(found.bad, 'marks inside excluded elements').toEqual([]);
      expect(await toggleStakes(launched, false)).toEqual([{ on: false }]);
      const after = await page.evaluate(() => document.documentElement.outerHTML);
      if (after !== before) {
        let i = 0;
        while (i < before.length && before[i] === after[i]) i++;
        expect(after.slice(Math.max(0, i - 80), i + 80), 'first difference').toBe(
          before.slice(Math.max(0, i - 80), i + 80),
        );
      }
      expect(after === before, 'HTML identical after turning Stakes off').toBe(true);
    },
    30_000,
  );

  it('made no network request and reported no error', () => {
    console.log(
      `hostile-corpus: ${pages.length} pages, ${marks} marks, ${pageOwn} page requests outside 127.0.0.1 refused`,
    );
    expect(fromExtension).toEqual([]);
    expect(problems).toEqual([]);
  });
});
