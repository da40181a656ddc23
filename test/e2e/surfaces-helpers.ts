/**
 * Helpers for the reader's surfaces in real browsers: opening the extension's own pages (popup,
 * options, overview) in both browsers, running axe-core on a page or a shadow root, screenshots.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Launched } from '../../src/dev/browsers.ts';
import { DIST, sleep } from './helpers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens an extension page (popup.html?tab=3…) in a new tab; Firefox's goto never settles for moz-extension:. */
export async function openExtensionPage(launched: Launched, browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  await gotoExtensionPage(launched, page, file);
  return page;
}

/** Navigates an already open extension page. */
export async function gotoExtensionPage(launched: Launched, page: Page, file: string): Promise<void> {
  const url = `${launched.extensionOrigin}${file}`;
  if (launched.name === 'firefox') {
    // Mark the document we leave, so going to the URL already shown waits for the new document.
    await page
      .evaluate(() => ((window as { __stakesLeaving?: boolean }).__stakesLeaving = true))
      .catch(() => undefined);
    page.goto(url).catch(() => undefined);
    // Polled by hand: while the page navigates, Firefox's BiDi can fail an evaluation outright.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await page
        .evaluate(
          (href: string) =>
            location.href === href &&
            document.readyState === 'complete' &&
            !(window as { __stakesLeaving?: boolean }).__stakesLeaving,
          url,
        )
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
      await sleep(100);
    }
  } else {
    await page.goto(url, { waitUntil: 'load' });
  }
}

/** Polls a condition evaluated in the page until it is truthy (or 10 s passed); returns the last value. */
export async function until<T>(page: Page, fn: () => T | Promise<T>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await page.evaluate(fn);
  while (!value && Date.now() < deadline) {
    await sleep(100);
    value = await page.evaluate(fn);
  }
  return value;
}

export interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown; failureSummary?: string }[];
  }[];
  passes: number;
}

/** Runs axe-core (WCAG 2 A/AA rules) on the page, or only inside the given selector (shadow roots included). */
export async function axe(page: Page, include?: string): Promise<AxeResult> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel: string | null) => {
    const a = (
      globalThis as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeResult['violations']; passes: unknown[] }>;
        };
      }
    ).axe;
    const result = await a.run(sel ? { include: [sel] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      violations: result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map(n => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      passes: result.passes.length,
    };
  }, include ?? null);
}

export const describeViolations = (r: AxeResult): string =>
  r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map(n => n.target))}`).join('\n');

export async function shoot(page: Page, name: string): Promise<string> {
  const dir = path.join(DIST, 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path: file });
  return file;
}

/** In an extension page: the id of the tab whose page Stakes reported with entities. */
export function findArticleTab(): Promise<number | null> {
  const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
    tabs: { query(q: object): Promise<{ id?: number }[]> };
    runtime: { sendMessage(m: unknown): Promise<{ page: { entities: unknown[] } | null }> };
  };
  return api.tabs.query({}).then(async tabs => {
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const reply = await api.runtime.sendMessage({ type: 'pageInfo', tabId: tab.id });
      if (reply.page && reply.page.entities.length > 0) return tab.id;
    }
    return null;
  });
}
