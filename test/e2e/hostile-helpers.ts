/**
 * Helpers for the hostile-page and corpus browser tests (test/e2e/hostile*.test.ts): turning Stakes
 * off and on in a tab, and measuring the page while Stakes runs.
 */
import type { Page } from 'puppeteer-core';
import type { Launched } from '../../src/dev/browsers.ts';
import { openExtensionPage } from './surfaces-helpers.ts';

/**
 * Sends `{ type: 'toggle', on }` to the content script of every tab (see src/page/session.ts) from the
 * extension itself, and returns the replies (`{ on }` per tab with Stakes). Chromium: from the
 * service worker. Firefox (whose event page puppeteer cannot reach): from an extension page opened
 * in a tab for the purpose and closed again.
 */
export async function toggleStakes(launched: Launched, on: boolean): Promise<{ on: boolean }[]> {
  if (launched.name === 'firefox') {
    const page = await openExtensionPage(launched, launched.browser, 'options.html');
    try {
      return await page.evaluate(sendToggle, on);
    } finally {
      await page.close();
    }
  }
  const target = await launched.browser.waitForTarget(
    t => t.type() === 'service_worker' && t.url().startsWith(launched.extensionOrigin),
    { timeout: 10_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no extension service worker');
  return worker.evaluate(sendToggle, on);
}

/** Runs in the extension (worker or page): the toggle message to every tab, and the replies. */
async function sendToggle(on: boolean): Promise<{ on: boolean }[]> {
  const g = globalThis as unknown as { chrome?: ChromeLike; browser?: ChromeLike };
  const api = (g.browser ?? g.chrome)!;
  const tabs = await api.tabs.query({});
  const replies: { on: boolean }[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const reply = (await api.tabs.sendMessage(tab.id, { type: 'toggle', on })) as { on: boolean } | undefined;
      if (reply) replies.push(reply);
    } catch {
      // a tab without our content script (about:blank, the extension page itself)
    }
  }
  return replies;
}

interface ChromeLike {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: unknown): Promise<unknown>;
  };
}

export const markCount = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('stakes-mark').length);

/** How long a setTimeout(0) takes to fire in the page: a measure of whether the page is responsive. */
export const timerLag = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>(resolve => {
        const t = performance.now();
        setTimeout(() => resolve(performance.now() - t), 0);
      }),
  );

/** Waits until the page has `n` marks or more (or the time is up); returns the count. */
export async function waitForMarks(page: Page, n: number, ms = 10_000): Promise<number> {
  const deadline = Date.now() + ms;
  let count = 0;
  while (Date.now() < deadline) {
    count = await markCount(page);
    if (count >= n) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return count;
}
