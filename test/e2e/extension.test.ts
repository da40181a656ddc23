/**
 * The built extension (dist/chrome, dist/firefox) in real headless Chromium and Firefox ESR, on the demo
 * article served from 127.0.0.1. One browser per describe block; the blocks run one after the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchers, type BrowserName, type Launched, type RequestLog, watchRequests } from '../../src/dev/browsers.ts';
import { serve, type Served } from '../../src/dev/serve.ts';
import {
  DEMO,
  ENTITY_IDS,
  EXT_DIRS,
  activeElement,
  coloursInPage,
  contrast,
  isFocused,
  loadArticle,
  markHandle,
  plainPoint,
  screenshot,
  waitForCard,
  type MarkInfo,
} from './helpers.ts';

let server: Served;
beforeAll(async () => {
  server = await serve(DEMO);
});
afterAll(() => server?.close());

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
const show = (m: MarkInfo): string =>
  `${m.id} ${JSON.stringify(`${m.before}[${m.text}]${m.after}`)}${m.excludedBy ? ' in ' + m.excludedBy : ''}`;

describe.each(BROWSERS)('%s', name => {
  let launched: Launched;
  let requests: RequestLog;
  let page: Page;

  beforeAll(async () => {
    launched = await launchers[name](EXT_DIRS[name], { headless: true });
    requests = watchRequests(launched.browser);
    page = await launched.browser.newPage();
    requests.add(page);
  });
  afterAll(async () => {
    requests?.stop();
    await launched?.close();
  });

  it('highlights every entity of the article, full names and surnames alone', async () => {
    const marks = await loadArticle(page, server.url, 'article.html');
    const ids = new Set(marks.map(m => m.id));
    expect(
      ENTITY_IDS.filter(id => !ids.has(id)),
      `missing ids; marks: ${marks.map(show).join(', ')}`,
    ).toEqual([]);
    const texts = new Set(marks.map(m => m.text.trim()));
    for (const text of [
      'Trump',
      'Yass',
      'Donald Trump',
      'Jeff Yass',
      'House China Committee',
      'Susquehanna International Group',
    ]) {
      expect(texts, `no mark reads "${text}"`).toContain(text);
    }
    expect(marks.filter(m => m.tabIndex !== '0').map(show), 'marks without tabindex="0"').toEqual([]);
  });

  it('draws an underline under every mark', async () => {
    const marks = await loadArticle(page, server.url, 'article.html');
    const plain = marks.filter(m => !m.decoration.includes('underline') && m.decoration.endsWith(' none'));
    const sample = plain.slice(0, 3).map(m => `${show(m)}: ${m.decoration}`);
    expect(plain.length, `of ${marks.length} marks, drawn without an underline: ${sample.join('; ')}`).toBe(0);
  });

  it('highlights only inside the <article>, never in forms, code, editable text or page chrome', async () => {
    const marks = await loadArticle(page, server.url, 'article.html');
    expect(marks.filter(m => !m.inArticle).map(show), 'marks outside <article>').toEqual([]);
    expect(marks.filter(m => m.excludedBy).map(show), 'marks inside excluded elements').toEqual([]);
  });

  it('does not highlight part of a longer word (Amazonian, TikTokers)', async () => {
    const marks = await loadArticle(page, server.url, 'article.html');
    const glued = marks.filter(m => /\p{L}$/u.test(m.before) || /^\p{L}/u.test(m.after));
    expect(glued.map(show), 'marks touching a letter').toEqual([]);
  });

  it('opens ByteDance\u2019s card on click; Escape closes it and gives focus back to the mark', async () => {
    await loadArticle(page, server.url, 'article.html');
    const mark = await markHandle(page, 'company:bytedance');
    await mark.click();
    const card = await waitForCard(page, true, 'after clicking the ByteDance mark');
    await screenshot(page, name, 'company:bytedance');
    expect.soft(card.inViewport, `card box ${JSON.stringify(card.rect)} is outside the viewport`).toBe(true);
    for (const text of ['Susquehanna International Group', 'about 15%', 'Jeff Yass', 'about 7%']) {
      expect(card.text, 'card text').toContain(text);
    }
    expect(card.text, 'an as-of year').toMatch(/\b(19|20)\d\d\b/);
    expect(card.httpsLinks.length, `https links in ${card.html}`).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    await waitForCard(page, false, 'after Escape');
    expect(await isFocused(page, mark), `focus is on ${await activeElement(page)}`).toBe(true);
  });

  it('opens TikTok\u2019s card with Enter on the focused mark; a click elsewhere closes it', async () => {
    await loadArticle(page, server.url, 'article.html');
    const mark = await markHandle(page, 'company:tiktok');
    await mark.focus();
    expect(await isFocused(page, mark), `focus is on ${await activeElement(page)}`).toBe(true);
    await page.keyboard.press('Enter');
    const card = await waitForCard(page, true, 'after Enter on the focused TikTok mark');
    await screenshot(page, name, 'company:tiktok');
    expect.soft(card.inViewport, `card box ${JSON.stringify(card.rect)} is outside the viewport`).toBe(true);
    expect(card.text, 'owner').toContain('ByteDance');
    expect(card.text, 'law').toContain('Protecting Americans from Foreign Adversary Controlled Applications Act');

    const { x, y } = await plainPoint(page);
    await page.mouse.click(x, y);
    await waitForCard(page, false, `after a click on the page at ${x},${y}`);
  });

  it('keeps the card legible on a dark page', async () => {
    await loadArticle(page, server.url, 'article.html?theme=dark');
    await (await markHandle(page, 'company:bytedance')).click();
    await waitForCard(page, true, 'after clicking the ByteDance mark on the dark page');
    await screenshot(page, name, 'dark-company:bytedance');
    const colours = await page.evaluate(coloursInPage);
    expect(colours, 'card dialog for colour checks').not.toBeNull();
    const { page: pageBg, card, cardText } = colours!;
    expect(Math.max(...pageBg.slice(0, 3)), `the page's background rgb(${pageBg}) is dark`).toBeLessThan(64);
    expect(card, `card background rgb(${card}) equals the page's`).not.toEqual(pageBg);
    expect(contrast(cardText, card), `contrast of rgb(${cardText}) on rgb(${card})`).toBeGreaterThanOrEqual(4.5);
  });

  it('made no request outside 127.0.0.1', () => {
    expect(requests.outside).toEqual([]);
  });
});
