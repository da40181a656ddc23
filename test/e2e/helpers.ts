/**
 * Helpers for the end-to-end specs. Everything that runs in the page is a self-contained function
 * (puppeteer serialises it), and the same code serves Chromium (CDP) and Firefox (WebDriver BiDi).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { BrowserName } from '../../src/dev/browsers.ts';

/** The built extension and the demo pages; overridable only to check the harness against a stand-in. */
export const DIST = path.resolve(process.env.STAKES_E2E_DIST ?? 'dist');
export const DEMO = path.resolve(process.env.STAKES_E2E_DEMO ?? 'src/demo');
/**
 * The development builds (dist/*-dev): the store builds plus a content script on 127.0.0.1, where the
 * tests serve their pages (build.mjs). test/e2e/permissions.test.ts loads the store builds.
 */
export const EXT_DIRS: Record<BrowserName, string> = {
  chromium: path.join(DIST, 'chrome-dev'),
  firefox: path.join(DIST, 'firefox-dev'),
};
/** The builds that go to the stores. */
export const STORE_DIRS: Record<BrowserName, string> = {
  chromium: path.join(DIST, 'chrome'),
  firefox: path.join(DIST, 'firefox'),
};

export const MARK = 'stakes-mark[data-stakes-entity]';
export const ENTITY_IDS = [
  'company:amazon',
  'company:tiktok',
  'company:bytedance',
  'person:donald-trump',
  'person:jeff-yass',
  'company:susquehanna-international-group',
  'body:house-select-committee-ccp',
];
/** Where the extension must never highlight, even inside the article. */
export const EXCLUDED = 'form, input, textarea, pre, code, [contenteditable], nav, header, footer, aside';
const WAIT_MS = 10_000;

export interface MarkInfo {
  id: string;
  text: string;
  /** Up to 12 characters of document text right before and after the mark. */
  before: string;
  after: string;
  inArticle: boolean;
  /** The closest excluded ancestor, as a short tag description, or ''. */
  excludedBy: string;
  tabIndex: string | null;
  /** How the mark is drawn: computed text-decoration-line and border-bottom-style. */
  decoration: string;
}

export function readMarks(page: Page): Promise<MarkInfo[]> {
  return page.$$eval(
    MARK,
    (els, excluded) =>
      els.map(el => {
        const range = document.createRange();
        range.setStart(document.body, 0);
        range.setEndBefore(el);
        const before = range.toString().slice(-12);
        range.setStartAfter(el);
        range.setEnd(document.body, document.body.childNodes.length);
        const after = range.toString().slice(0, 12);
        const ex = el.parentElement?.closest(excluded);
        return {
          id: el.getAttribute('data-stakes-entity') ?? '',
          text: el.textContent ?? '',
          before,
          after,
          inArticle: el.closest('article') !== null,
          excludedBy: ex ? `<${ex.localName}${ex.id ? '#' + ex.id : ''}>` : '',
          tabIndex: el.getAttribute('tabindex'),
          decoration: `${getComputedStyle(el).textDecorationLine} / border-bottom ${getComputedStyle(el).borderBottomStyle}`,
        };
      }),
    EXCLUDED,
  );
}

/** Navigate to a demo page and wait until every expected entity is highlighted (or 10 s passed). */
export async function loadArticle(page: Page, baseUrl: string, file: string): Promise<MarkInfo[]> {
  await page.goto(`${baseUrl}/${file}`, { waitUntil: 'load' });
  let marks: MarkInfo[] = [];
  const deadline = Date.now() + WAIT_MS;
  do {
    marks = await readMarks(page);
    if (ENTITY_IDS.every(id => marks.some(m => m.id === id))) break;
    await sleep(100);
  } while (Date.now() < deadline);
  return marks;
}

export interface CardInfo {
  /** How many <stakes-card> elements the page holds. */
  hosts: number;
  open: boolean;
  text: string;
  httpsLinks: string[];
  /** The dialog's box in viewport coordinates, and whether any of it is inside the viewport. */
  rect: { x: number; y: number; width: number; height: number };
  inViewport: boolean;
  /** Shadow-root markup, shortened, for failure messages. */
  html: string;
}

/** Runs in the page: the first <stakes-card> whose open shadow root shows a [role=dialog]. */
function cardInPage(): CardInfo {
  const hosts = [...document.querySelectorAll('stakes-card')];
  let html = '';
  for (const host of hosts) {
    const root = host.shadowRoot;
    html ||= root
      ? root.innerHTML.replace(/<style[\s\S]*?<\/style>/g, '<style>…</style>').slice(0, 800)
      : '(no open shadow root)';
    const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
    const visible =
      dialog?.isConnected === true &&
      dialog.checkVisibility({
        checkOpacity: true,
        checkVisibilityCSS: true,
        opacityProperty: true,
        visibilityProperty: true,
      });
    if (dialog && visible) {
      const links = [...dialog.querySelectorAll<HTMLAnchorElement>('a[href^="https://"]')].map(a => a.href);
      const r = dialog.getBoundingClientRect();
      const rect = { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      const inViewport =
        r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      return { hosts: hosts.length, open: true, text: dialog.innerText, httpsLinks: links, rect, inViewport, html };
    }
  }
  return {
    hosts: hosts.length,
    open: false,
    text: '',
    httpsLinks: [],
    rect: { x: 0, y: 0, width: 0, height: 0 },
    inViewport: false,
    html,
  };
}

export const readCard = (page: Page): Promise<CardInfo> => page.evaluate(cardInPage);

/** Poll until the card is open (or closed); fail with what the page holds instead. */
export async function waitForCard(page: Page, open: boolean, context: string): Promise<CardInfo> {
  const deadline = Date.now() + WAIT_MS;
  let card = await readCard(page);
  while (card.open !== open && Date.now() < deadline) {
    await sleep(100);
    card = await readCard(page);
  }
  if (card.open !== open) {
    const focus = await activeElement(page);
    throw new Error(
      `${context}: card still ${card.open ? 'open' : 'closed'} after ${WAIT_MS / 1000} s. ` +
        `<stakes-card> elements: ${card.hosts}; first shadow root: ${card.html || '(none)'}; focus: ${focus}`,
    );
  }
  return card;
}

export async function markHandle(page: Page, id: string): Promise<ElementHandle<Element>> {
  const handle = await page.$(`stakes-mark[data-stakes-entity="${id}"]`);
  if (!handle) throw new Error(`no mark for ${id}`);
  return handle;
}

export const isFocused = (page: Page, el: ElementHandle<Element>): Promise<boolean> =>
  page.evaluate(e => document.activeElement === e, el);

export const activeElement = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    const entity = el.getAttribute('data-stakes-entity');
    return `<${el.localName}${entity ? ` data-stakes-entity="${entity}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  });

/** A viewport point whose element is plain page content: not the card, a mark, or anything interactive. */
export async function plainPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    for (let y = 20; y < innerHeight - 10; y += 25) {
      for (let x = 20; x < innerWidth - 10; x += 50) {
        const el = document.elementFromPoint(x, y);
        if (
          el &&
          el !== document.documentElement &&
          !el.closest(
            'stakes-card, stakes-mark, a, button, input, textarea, select, label, [contenteditable], [tabindex]',
          )
        ) {
          return { x, y };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error('no plain page point to click outside the card');
  return point;
}

export async function screenshot(page: Page, browser: BrowserName, entity: string): Promise<void> {
  await cardSettled(page);
  const dir = path.join(DIST, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({
    path: path.join(dir, `${browser}-${entity.replace(/[^a-z0-9-]+/g, '-')}.png`) as `${string}.png`,
  });
}

export interface Colours {
  page: number[];
  card: number[];
  cardText: number[];
}

/**
 * Runs in the page: the opaque colours of the page background, the card background behind its
 * first text, and that text. Colours are normalised with a canvas, so any CSS colour syntax works.
 */
export function coloursInPage(): Colours | null {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const rgba = (css: string): number[] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const over = (top: number[], under: number[]): number[] => {
    const a = (top[3] ?? 255) / 255;
    return [0, 1, 2].map(i => Math.round((top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a))).concat(255);
  };
  // Composite backgrounds from the element up through shadow hosts to the root, over a white canvas.
  const background = (start: Element): number[] => {
    const layers: number[][] = [];
    for (let el: Element | null = start; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      layers.push(c);
      if (c[3] === 255) break;
    }
    return layers.reduceRight((under, top) => over(top, under), [255, 255, 255, 255]);
  };
  const dialog = [...document.querySelectorAll('stakes-card')]
    .map(h => h.shadowRoot?.querySelector('[role="dialog"]'))
    .find((d): d is Element => d instanceof Element);
  if (!dialog) return null;
  const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT, {
    acceptNode: n => ((n.textContent ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  const textEl = walker.nextNode()?.parentElement ?? dialog;
  const cardBg = background(textEl);
  return {
    page: background(document.body),
    card: cardBg,
    cardText: over(rgba(getComputedStyle(textEl).color), cardBg),
  };
}

/** WCAG 2 contrast ratio of two opaque sRGB colours. */
export function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]): number => {
    const [r, g, bl] = c.slice(0, 3).map(v => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Resolves when the open card's entrance animation (if any) has finished, so screenshots show it whole. */
export async function cardSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const card = document.querySelector('stakes-card')?.shadowRoot?.querySelector('[role="dialog"]');
    await Promise.all((card?.getAnimations() ?? []).map(a => a.finished.catch(() => undefined)));
  });
}
