/**
 * `npm start`: show the built extension working on the demo article in Chromium. Prints the entities
 * highlighted, opens ByteDance's card, saves a screenshot and prints the card's text. Headed when a
 * display is available (the browser stays open until closed or Ctrl-C), headless otherwise.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, type Launched } from './browsers.ts';
import { serve, type Served } from './serve.ts';

/** The development build: the content script also runs on 127.0.0.1, where the demo is served. */
const EXT_DIR = 'dist/chrome-dev';
const SCREENSHOT = 'dist/screenshots/start-card.png';
const MARK = 'stakes-mark[data-stakes-entity]';
const headless = !process.env.DISPLAY;

class Failure extends Error {}

async function main(): Promise<void> {
  if (!existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Failure(`${EXT_DIR} missing: run npm run build`);
  const server = await serve('src/demo');
  let launched: Launched | undefined;
  const shutdown = async (): Promise<void> => {
    await launched?.close();
    await server.close();
  };
  try {
    launched = await launchChromium(EXT_DIR, { headless }).catch((error: unknown) => {
      if (headless) throw error;
      throw new Failure(
        `could not open a Chromium window on DISPLAY=${process.env.DISPLAY} (${String(error)}); run headless: DISPLAY= npm start`,
      );
    });
    await demo(launched, server);
  } catch (error) {
    await shutdown();
    throw error;
  }
  if (headless) return shutdown();

  console.log('\nThe browser stays open: close it or press Ctrl-C to finish.');
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  launched.browser.once('disconnected', () => void shutdown().then(() => process.exit(0))); // window closed
}

async function demo({ browser }: Launched, server: Served): Promise<void> {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const url = `${server.url}/article.html`;
  console.log(`Chromium (${headless ? 'headless' : 'headed'}) with ${EXT_DIR} on ${url}`);
  await page.goto(url);
  try {
    await page.waitForSelector(MARK, { timeout: 10_000 });
  } catch {
    throw new Failure(`no highlights after 10 s: no element ${MARK} on ${url} (is the content script running?)`);
  }

  const marks = await page.$$eval(MARK, els =>
    els.map(el => ({ id: el.getAttribute('data-stakes-entity') ?? '', text: (el.textContent ?? '').trim() })),
  );
  printEntities(marks);

  const target = (await page.$('stakes-mark[data-stakes-entity="company:bytedance"]')) ?? (await page.$(MARK));
  if (!target) throw new Failure('highlights disappeared before the click');
  const label = await target.evaluate(el => `${el.getAttribute('data-stakes-entity')} "${el.textContent}"`);
  console.log(`\nClicking ${label}`);
  await target.click();
  const dialog = 'stakes-card >>> [role="dialog"]'; // puppeteer's >>> pierces the open shadow root
  try {
    await page.waitForSelector(dialog, { visible: true, timeout: 10_000 });
  } catch {
    throw new Failure('no card after 10 s: expected <stakes-card> with an open shadow root holding [role="dialog"]');
  }

  const box = await page.$eval(dialog, el => {
    const r = el.getBoundingClientRect();
    return {
      x: Math.round(r.x),
      y: Math.round(r.y),
      inside: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
  if (!box.inside)
    console.warn(
      `warning: the card is outside the viewport (at x=${box.x}, y=${box.y}); the screenshot will not show it`,
    );

  // Let the card's entrance animation finish so the screenshot shows it whole.
  await page.evaluate(async () => {
    const card = document.querySelector('stakes-card')?.shadowRoot?.querySelector('[role="dialog"]');
    await Promise.all((card?.getAnimations() ?? []).map(a => a.finished.catch(() => undefined)));
  });
  await mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT as `${string}.png` });
  console.log(`Screenshot: ${path.resolve(SCREENSHOT)}`);

  const text = await page.$eval(dialog, el => (el as HTMLElement).innerText);
  const lines = text
    .split('\n')
    .map(line => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  console.log('\nCard:');
  for (const line of lines.slice(0, 12)) console.log(`  ${line.length > 100 ? line.slice(0, 99) + '…' : line}`);
  if (lines.length > 12) console.log(`  … (${lines.length - 12} more lines)`);
}

function printEntities(marks: { id: string; text: string }[]): void {
  const byId = new Map<string, Map<string, number>>();
  for (const { id, text } of marks) {
    const texts = byId.get(id) ?? new Map<string, number>();
    texts.set(text, (texts.get(text) ?? 0) + 1);
    byId.set(id, texts);
  }
  const rows = [...byId].map(([id, texts]) => ({
    id,
    count: [...texts.values()].reduce((a, b) => a + b, 0),
    texts: [...texts].map(([text, n]) => (n > 1 ? `${text} ×${n}` : text)).join(', '),
  }));
  const idWidth = Math.max(6, ...rows.map(row => row.id.length));
  console.log(`\n${marks.length} highlights, ${rows.length} entities:`);
  console.log(`  ${'entity'.padEnd(idWidth)}  count  texts`);
  for (const row of rows) console.log(`  ${row.id.padEnd(idWidth)}  ${String(row.count).padStart(5)}  ${row.texts}`);
}

main().catch((error: unknown) => {
  console.error(
    `\nnpm start failed: ${error instanceof Failure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
