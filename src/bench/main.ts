/**
 * `npm run bench`: the performance budget, measured against the floor and mark.js in real
 * headless browsers on the Readability test pages (../shared/corpora/readability-pages).
 * Method and latest figures: docs/performance.md.
 *
 *   npm run bench [-- --pages N] [--reps N] [--mark-reps N] [--no-firefox] [--firefox-reps N]
 *                 [--names N] [--page NAME]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';

import { Engine } from '../background/engine.ts';
import type { Dataset } from '../data/dataset.ts';
import { PackedIndex } from '../match/packed-index.ts';
import { chromiumPath, firefoxPath } from '../dev/browsers.ts';
import { serve } from '../dev/serve.ts';
import { bundleProbe, markJsSource } from './bundle.ts';
import { writeFixtures } from './fixtures.ts';
import type { ProbeRead } from './page-probe.ts';
import { fmtBytes, fmtMs, fmtRatio, median, table } from './stats.ts';
import type { SwLoad } from './sw-probe.ts';
import { syntheticNames, writePack } from './synthetic-pack.ts';

/** The worker's first match after opening the index (original text, names from the bundled data). */
const FIRST_MATCH_TEXT =
  'Amazon said on Tuesday that shoppers could buy from TikTok videos. ByteDance, whose investors include ' +
  'Susquehanna International Group, declined to comment; Jeff Yass did not answer questions from Congress.';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, process.env.STAKES_BENCH_CORPUS ?? '../shared/corpora/readability-pages');

// ---------------------------------------------------------------- options

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const REPS = option('reps', 3);
const MARK_REPS = option('mark-reps', REPS);
const FIREFOX_REPS = option('firefox-reps', 1);
const PAGE_LIMIT = option('pages', Infinity);
const PACK_NAMES = option('names', 1_000_000);
const ONLY_PAGE = (() => {
  const i = process.argv.indexOf('--page');
  return i > 0 ? process.argv[i + 1] : undefined;
})();

const BUDGET = {
  ratioBundled: 2,
  ratio1M: 3,
  markVsStakes: 50,
  heapBytes: 1024 * 1024,
  longTaskMs: 50,
  indexLoadMs: 300,
  compileMs: 30_000,
  zipBytes: 5 * 1024 * 1024,
};

const log = (s = '') => console.log(s);
const note = (s: string) => process.stderr.write(`  … ${s}\n`);
const pass = (ok: boolean | undefined) => (ok === undefined ? 'n/a ' : ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------- setup

if (!fs.existsSync(CORPUS)) {
  log(`bench: skipped — the page corpus is not there (${CORPUS}).`);
  log('It is the Readability test pages, one directory per page with source.html; see docs/performance.md.');
  process.exit(0);
}

const load = os.loadavg();
log(`Stakes benchmark — ${new Date().toISOString()}`);
log(
  `machine: ${os.cpus().length} cores, ${fmtBytes(os.totalmem())} RAM; load average at start ${load.map(l => l.toFixed(2)).join(' ')}`,
);
log(`node ${process.version}; ${execFileSync(chromiumPath(), ['--version']).toString().trim()}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

note('building the extension (node build.mjs)');
execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

// Dataset compiles, in child processes (wall time and peak resident memory of that process).
interface CompileResult {
  compileMs: number;
  compileRssMB: number;
  writeMs: number;
  indexMs: number;
  maxRssMB: number;
  entities: number;
  indexNames: number;
  bytes: number;
  indexBytes: number;
}
function compile(dir: string, out: string): CompileResult {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/run.mjs'), path.join(ROOT, 'src/bench/compile-child.ts'), dir, out],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`compile of ${dir} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CompileResult;
}
note('compiling the bundled dataset');
const bundledJson = path.join(work, 'bundled.json');
const compileBundled = compile(path.join(ROOT, 'src/data/sources'), bundledJson);
note(`writing the synthetic pack (${PACK_NAMES.toLocaleString('en')} names) and compiling it`);
const packDir = path.join(work, 'pack-sources');
writePack(packDir, PACK_NAMES);
const packJson = path.join(work, 'pack.json');
const compilePack = compile(packDir, packJson);
fs.rmSync(packDir, { recursive: true, force: true });

// An unpacked Chromium extension carrying the 1M pack instead of the bundled dataset.
const ext1M = path.join(work, 'chrome-1m');
fs.cpSync(path.join(ROOT, 'dist/chrome-dev'), ext1M, { recursive: true });
fs.copyFileSync(packJson, path.join(ext1M, 'data/dataset.json'));
fs.copyFileSync(packJson.replace(/\.json$/, '.index.bin'), path.join(ext1M, 'data/index.bin'));

note('building the engines in this process (for the matching step)');
const bundledDataset = JSON.parse(fs.readFileSync(bundledJson, 'utf8')) as Dataset;
const indexOf = (json: string) => new PackedIndex(fs.readFileSync(json.replace(/\.json$/, '.index.bin')));
const engineBundled = new Engine(bundledDataset, indexOf(bundledJson));
let engine1M: Engine | undefined = new Engine(
  JSON.parse(fs.readFileSync(packJson, 'utf8')) as Dataset,
  indexOf(packJson),
);

// mark.js gets 200 names: every matchable name of the bundled dataset, padded with synthetic-pack names.
const datasetNames = [
  ...new Set(bundledDataset.entities.flatMap(e => e.names.filter(n => n.match !== 'never').map(n => n.text))),
].slice(0, 200);
const markNames = [...datasetNames, ...syntheticNames(400).filter(n => !datasetNames.includes(n))].slice(0, 200);

// Pages and fixtures, served from 127.0.0.1.
const siteDir = path.join(work, 'site');
fs.mkdirSync(siteDir);
fs.symlinkSync(CORPUS, path.join(siteDir, 'pages'));
writeFixtures(siteDir);
let pages = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter(d => d.isDirectory() && fs.existsSync(path.join(CORPUS, d.name, 'source.html')))
  .map(d => d.name)
  .sort();
if (ONLY_PAGE) pages = pages.filter(p => p === ONLY_PAGE);
pages = pages.slice(0, PAGE_LIMIT);
const server = await serve(siteDir);
const urlOf = (p: string) => `${server.url}/pages/${encodeURIComponent(p)}/source.html`;

const probeChrome = await bundleProbe('page-probe.ts', 'chrome121');
const probeFirefox = await bundleProbe('page-probe.ts', 'firefox142');
const swProbe = await bundleProbe('sw-probe.ts', 'chrome121');
const markJs = markJsSource();

// ---------------------------------------------------------------- browsers

/** No request leaves the machine: every host but 127.0.0.1 fails to resolve. */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

async function launchChrome(extDir?: string): Promise<{ browser: Browser; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(work, 'chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    ...(extDir ? { enableExtensions: [extDir] } : {}),
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
    args: [`--user-data-dir=${userDataDir}`, ...CHROME_ARGS, ...OFFLINE_ARGS],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function launchFirefoxPlain(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const home = fs.mkdtempSync(path.join(work, 'firefox-home-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: {
      // Full-resolution performance.now() (Firefox rounds it to 1 ms by default: the floor would read 0).
      'privacy.reduceTimerPrecision': false,
      // Offline: everything but localhost goes to a closed proxy port and fails at once.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1,localhost',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Pages may open alert()/confirm() (pixnet does): dismiss them, or evaluate() waits forever. */
function dismissDialogs(page: Page): Page {
  page.on('dialog', dialog => void dialog.dismiss().catch(() => undefined));
  return page;
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = dismissDialogs(await browser.newPage());
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch {
    // A page that never fires load (a hung subresource) is measured as it is.
  }
  return page;
}

/** Measurements that threw (a page that navigated away, a crash): listed in the report, never fatal. */
const failed: string[] = [];

async function closeAll(browser: Browser): Promise<void> {
  for (const p of await browser.pages().catch(() => [])) await p.close().catch(() => undefined);
}

async function gcHeap(page: Page, session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const m = await page.metrics();
  return m.JSHeapUsedSize ?? NaN;
}

// ---------------------------------------------------------------- per-page measurements

interface PageRun {
  floor: number[];
  chars: number;
  stakes: { b: number[]; m: number[] };
  phases: { detect: number[]; read: number[]; matchB: number[]; matchM: number[]; hlB: number[]; hlM: number[] };
  longest: { b: number[]; m: number[] };
  observedLong: number[];
  marks: { b: number; m: number };
  articleChars: number;
  markjs: number[];
  markjsMarks: number;
  heapBase: number[];
  heapExt: { b: number[]; m: number[] };
}

const runs = new Map<string, PageRun>();
for (const p of pages) {
  runs.set(p, {
    floor: [],
    chars: 0,
    stakes: { b: [], m: [] },
    phases: { detect: [], read: [], matchB: [], matchM: [], hlB: [], hlM: [] },
    longest: { b: [], m: [] },
    observedLong: [],
    marks: { b: 0, m: 0 },
    articleChars: 0,
    markjs: [],
    markjsMarks: 0,
    heapBase: [],
    heapExt: { b: [], m: [] },
  });
}

async function stakesRun(
  page: Page,
  probe: string,
  engine: Engine,
): Promise<{ total: number; longest: number; marks: number; parts: number[]; chars: number; observed: number[] }> {
  await page.evaluate(probe);
  const r = (await page.evaluate('__stakesBench.read()')) as ProbeRead;
  const t0 = performance.now();
  const mentions = engine.match(r.text);
  const matchMs = performance.now() - t0;
  const h = (await page.evaluate(`__stakesBench.highlight(${JSON.stringify(mentions)})`)) as {
    ms: number;
    marks: number;
  };
  const observed = (await page.evaluate('__stakesBench.longTasks()')) as number[];
  return {
    total: r.detectMs + r.readMs + matchMs + h.ms,
    // The text map is built in the task of the last slice; the longest slice plus it bounds the longest task.
    longest: Math.max(r.longestSliceMs + r.readMs, h.ms),
    marks: h.marks,
    parts: [r.detectMs, r.readMs, matchMs, h.ms],
    chars: r.text.length,
    observed,
  };
}

/** Chromium without the extension: floor, Stakes (both datasets), mark.js, baseline heap. */
async function chromiumPlain(): Promise<void> {
  const { browser, close } = await launchChrome();
  try {
    let done = 0;
    for (const name of pages) {
      const run = runs.get(name)!;
      const url = urlOf(name);
      for (let rep = 0; rep < REPS; rep++) {
        try {
          // 1. the floor, then the page's heap without Stakes (after GC)
          let page = await open(browser, url);
          const session = await page.createCDPSession();
          await page.evaluate(probeChrome);
          const f = (await page.evaluate('__stakesBench.floor()')) as { ms: number; chars: number };
          run.floor.push(f.ms);
          run.chars = f.chars;
          run.heapBase.push(await gcHeap(page, session));
          await page.close();
          // 2. Stakes with the bundled dataset; 3. with the 1M pack
          for (const which of ['b', 'm'] as const) {
            const engine = which === 'b' ? engineBundled : engine1M!;
            page = await open(browser, url);
            const s = await stakesRun(page, probeChrome, engine);
            run.stakes[which].push(s.total);
            run.longest[which].push(s.longest);
            run.marks[which] = s.marks;
            run.articleChars = s.chars;
            run.observedLong.push(...s.observed);
            const [detect, read, match, hl] = s.parts as [number, number, number, number];
            if (which === 'b') {
              run.phases.detect.push(detect);
              run.phases.read.push(read);
              run.phases.matchB.push(match);
              run.phases.hlB.push(hl);
            } else {
              run.phases.matchM.push(match);
              run.phases.hlM.push(hl);
            }
            await page.close();
          }
          // 4. mark.js, 200 names, whole body
          if (rep < MARK_REPS) {
            page = await open(browser, url);
            await page.evaluate(markJs);
            await page.evaluate(probeChrome);
            const m = (await page.evaluate(`__stakesBench.mark(${JSON.stringify(markNames)})`)) as {
              ms: number;
              marks: number;
            };
            run.markjs.push(m.ms);
            run.markjsMarks = m.marks;
            await page.close();
          }
        } catch (error) {
          failed.push(`${name} (chromium, run ${rep + 1}): ${String(error).split('\n')[0]}`);
          await closeAll(browser);
        }
      }
      done++;
      note(
        `chromium ${done}/${pages.length} ${name}: floor ${fmtMs(median(run.floor))}, Stakes ${fmtMs(median(run.stakes.b))} / 1M ${fmtMs(median(run.stakes.m))}, ` +
          `mark.js ${fmtMs(median(run.markjs))}, longest ${fmtMs(Math.max(...run.longest.b, ...run.longest.m))}`,
      );
    }
  } finally {
    await close();
  }
}

/** Waits until the content script in this page has finished (its stop handle is the real one). */
async function contentScriptDone(session: CDPSession, contexts: number[], timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const contextId of contexts) {
      const r = await session
        .send('Runtime.evaluate', {
          expression: 'globalThis.__stakes ? String(globalThis.__stakes.stop).length : -1',
          contextId,
          returnByValue: true,
        })
        .catch(() => undefined);
      if (r && typeof r.result.value === 'number' && r.result.value > 12) return true;
    }
    await new Promise(r => setTimeout(r, 25));
  }
  return false;
}

async function openWithExtension(
  browser: Browser,
  url: string,
  timeoutMs: number,
): Promise<{ page: Page; session: CDPSession; done: boolean; contexts: number[] }> {
  const page = dismissDialogs(await browser.newPage());
  const session = await page.createCDPSession();
  const contexts: number[] = [];
  session.on('Runtime.executionContextCreated', e => {
    if (
      (e.context.auxData as { type?: string } | undefined)?.type === 'isolated' &&
      e.context.origin.startsWith('chrome-extension://')
    )
      contexts.push(e.context.id);
  });
  await session.send('Runtime.enable');
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch {
    // measured as it is
  }
  const done = await contentScriptDone(session, contexts, timeoutMs);
  return { page, session, done, contexts };
}

interface ExtensionFigures {
  indexLoad: SwLoad;
  backgroundHeap: number;
  backgroundIdleHeap: number;
  live: LiveResult;
  notDone: string[];
}

interface LiveResult {
  appendMs: number;
  marksBefore: number;
  marksAfter: number;
  inAppended: number;
  annotatedAfterMs: number | null;
  longestTaskAfter: number;
  longTasks: number;
}

/** Chromium with the extension (bundled or 1M): index load in the worker, background heap, content-script heap, live page. */
async function chromiumExtension(which: 'b' | 'm', extDir: string): Promise<ExtensionFigures> {
  const { browser, close } = await launchChrome(extDir);
  try {
    const target = await browser.waitForTarget(
      t => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const sw = await target.createCDPSession();
    // Attaching can win the race with the worker's start: wait until its extension APIs exist.
    for (let tries = 0; ; tries++) {
      const ready = await sw.send('Runtime.evaluate', { expression: 'typeof chrome', returnByValue: true });
      if (ready.result.value === 'object') break;
      if (tries >= 100) throw new Error('the service worker never got its extension APIs');
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    await sw.send('HeapProfiler.enable');
    await sw.send('HeapProfiler.collectGarbage');
    const idle = (await sw.send('Runtime.getHeapUsage')).usedSize;
    // The index load after waking: this worker has just started and has not loaded its dataset yet.
    await sw.send('Runtime.evaluate', { expression: swProbe });
    const loadRes = await sw.send('Runtime.evaluate', {
      expression: `__stakesBenchLoad(chrome.runtime.getURL('data/index.bin'), chrome.runtime.getURL('data/dataset.json'), ${JSON.stringify(FIRST_MATCH_TEXT)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (loadRes.exceptionDetails)
      throw new Error(`index load in the worker failed: ${JSON.stringify(loadRes.exceptionDetails)}`);
    const indexLoad = loadRes.result.value as ExtensionFigures['indexLoad'];
    await sw.send('HeapProfiler.collectGarbage');
    const backgroundHeap = (await sw.send('Runtime.getHeapUsage')).usedSize;
    await sw.send('Runtime.evaluate', { expression: 'globalThis.__stakesBenchEngine = undefined' });

    // Warm the background's own engine (the first page after waking pays its load).
    const warm = await openWithExtension(browser, `${server.url}/live/index.html`, 180_000);
    await warm.page.close();

    const notDone: string[] = [];
    let count = 0;
    for (const name of pages) {
      const run = runs.get(name)!;
      for (let rep = 0; rep < REPS; rep++) {
        try {
          const { page, session, done } = await openWithExtension(browser, urlOf(name), 20_000);
          if (!done && rep === 0) notDone.push(name);
          run.heapExt[which].push(await gcHeap(page, session));
          await page.close();
        } catch (error) {
          failed.push(`${name} (chromium + extension, run ${rep + 1}): ${String(error).split('\n')[0]}`);
          await closeAll(browser);
        }
      }
      if (++count % 20 === 0)
        note(`chromium + extension (${which === 'b' ? 'bundled' : '1M'}): ${count}/${pages.length} pages`);
    }

    const live = await livePage(browser);
    return { indexLoad, backgroundHeap, backgroundIdleHeap: idle, live, notDone };
  } finally {
    await close();
  }
}

async function livePage(browser: Browser): Promise<LiveResult> {
  const { page } = await openWithExtension(browser, `${server.url}/live/index.html`, 60_000);
  await page.evaluate(`(() => {
    window.__lt = [];
    new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, d: e.duration }); }).observe({ type: 'longtask' });
  })()`);
  const marksBefore = (await page.evaluate(`document.querySelectorAll('stakes-mark').length`)) as number;
  const t0 = Date.now();
  const appendMs = (await page.evaluate('__append(1000)')) as number;
  let annotatedAfterMs: number | null = null;
  let inAppended = 0;
  while (Date.now() - t0 < 5_000) {
    inAppended = (await page.evaluate(`document.querySelectorAll('#updates stakes-mark').length`)) as number;
    if (inAppended > 0 && annotatedAfterMs === null) annotatedAfterMs = Date.now() - t0;
    await new Promise(r => setTimeout(r, 50));
  }
  const marksAfter = (await page.evaluate(`document.querySelectorAll('stakes-mark').length`)) as number;
  const lt = (await page.evaluate('window.__lt')) as { start: number; d: number }[];
  await page.close();
  return {
    appendMs,
    marksBefore,
    marksAfter,
    inAppended,
    annotatedAfterMs,
    longestTaskAfter: Math.max(0, ...lt.map(t => t.d)),
    longTasks: lt.length,
  };
}

/** Firefox ESR without the extension: floor, Stakes (both datasets), mark.js. */
interface FirefoxRun {
  floor: number[];
  b: number[];
  m: number[];
  markjs: number[];
}
const firefoxRuns = new Map<string, FirefoxRun>();
async function firefoxPlain(): Promise<string | undefined> {
  let launched: { browser: Browser; close(): Promise<void> };
  try {
    launched = await launchFirefoxPlain();
  } catch (error) {
    return `Firefox ESR could not start (${String(error).split('\n')[0]})`;
  }
  const { browser, close } = launched;
  try {
    let count = 0;
    for (const name of pages) {
      const run: FirefoxRun = { floor: [], b: [], m: [], markjs: [] };
      firefoxRuns.set(name, run);
      for (let rep = 0; rep < FIREFOX_REPS; rep++) {
        try {
          let page = await open(browser, urlOf(name));
          await page.evaluate(probeFirefox);
          run.floor.push(((await page.evaluate('__stakesBench.floor()')) as { ms: number }).ms);
          await page.close();
          for (const which of ['b', 'm'] as const) {
            page = await open(browser, urlOf(name));
            const s = await stakesRun(page, probeFirefox, which === 'b' ? engineBundled : engine1M!);
            run[which].push(s.total);
            await page.close();
          }
          page = await open(browser, urlOf(name));
          await page.evaluate(markJs);
          await page.evaluate(probeFirefox);
          run.markjs.push(
            ((await page.evaluate(`__stakesBench.mark(${JSON.stringify(markNames)})`)) as { ms: number }).ms,
          );
          await page.close();
        } catch (error) {
          failed.push(`${name} (firefox, run ${rep + 1}): ${String(error).split('\n')[0]}`);
          await closeAll(browser);
        }
      }
      if (++count % 20 === 0) note(`firefox: ${count}/${pages.length} pages`);
    }
  } catch (error) {
    return `Firefox run stopped: ${String(error).split('\n')[0]}`;
  } finally {
    await close();
  }
  return undefined;
}

// ---------------------------------------------------------------- run

const started = Date.now();
note(`chromium without the extension: ${pages.length} pages × ${REPS} runs (mark.js × ${MARK_REPS})`);
await chromiumPlain();
note('chromium with the extension, bundled dataset');
const extB = await chromiumExtension('b', path.join(ROOT, 'dist/chrome-dev'));
note('chromium with the extension, 1M pack');
const extM = await chromiumExtension('m', ext1M);
let firefoxSkipped: string | undefined = flag('no-firefox') ? 'skipped (--no-firefox)' : undefined;
if (!firefoxSkipped) {
  note(`firefox ESR without the extension: ${pages.length} pages × ${FIREFOX_REPS} run(s)`);
  firefoxSkipped = await firefoxPlain();
}
engine1M = undefined;
await server.close();

// ---------------------------------------------------------------- report

const rows: string[][] = [];
const med = {
  floor: [] as number[],
  b: [] as number[],
  m: [] as number[],
  rb: [] as number[],
  rm: [] as number[],
  markjs: [] as number[],
  markVs: [] as number[],
  longB: [] as number[],
  longM: [] as number[],
  heapB: [] as number[],
  heapM: [] as number[],
  detect: [] as number[],
  read: [] as number[],
  matchB: [] as number[],
  matchM: [] as number[],
  hlB: [] as number[],
  hlM: [] as number[],
  marksB: [] as number[],
};
let worstLong = { ms: 0, page: '' };
for (const name of pages) {
  const r = runs.get(name)!;
  const floor = median(r.floor);
  const b = median(r.stakes.b);
  const m = median(r.stakes.m);
  const mj = median(r.markjs);
  const longB = Math.max(...r.longest.b);
  const longM = Math.max(...r.longest.m);
  const base = median(r.heapBase);
  const heapB = median(r.heapExt.b) - base;
  const heapM = median(r.heapExt.m) - base;
  const vals: [keyof typeof med, number][] = [
    ['floor', floor],
    ['b', b],
    ['m', m],
    ['rb', b / floor],
    ['rm', m / floor],
    ['markjs', mj],
    ['markVs', mj / b],
    ['longB', longB],
    ['longM', longM],
    ['heapB', heapB],
    ['heapM', heapM],
    ['detect', median(r.phases.detect)],
    ['read', median(r.phases.read)],
    ['matchB', median(r.phases.matchB)],
    ['matchM', median(r.phases.matchM)],
    ['hlB', median(r.phases.hlB)],
    ['hlM', median(r.phases.hlM)],
    ['marksB', r.marks.b],
  ];
  for (const [k, v] of vals) med[k].push(v);
  for (const [ms] of [[longB], [longM]] as const) if (ms > worstLong.ms) worstLong = { ms, page: name };
  rows.push([
    name,
    `${(r.chars / 1000).toFixed(0)}k/${(r.articleChars / 1000).toFixed(0)}k`,
    fmtMs(floor),
    fmtMs(b),
    fmtRatio(b / floor),
    fmtMs(m),
    fmtRatio(m / floor),
    fmtMs(mj),
    fmtRatio(mj / b),
    `${fmtMs(longB)} / ${fmtMs(longM)}`,
    `${fmtBytes(heapB)} / ${fmtBytes(heapM)}`,
    `${r.marks.b}/${r.marks.m}/${r.markjsMarks}`,
  ]);
}
const M = Object.fromEntries(Object.entries(med).map(([k, v]) => [k, median(v)])) as Record<keyof typeof med, number>;
const header = [
  'page',
  'text page/article',
  'floor',
  'Stakes',
  '÷floor',
  'Stakes 1M',
  '÷floor',
  'mark.js',
  'mark.js÷Stakes',
  'longest task (b / 1M)',
  'CS heap (b / 1M)',
  'marks b/1M/mark.js',
];
rows.push([
  `MEDIAN (${pages.length} pages)`,
  '',
  fmtMs(M.floor),
  fmtMs(M.b),
  fmtRatio(M.rb),
  fmtMs(M.m),
  fmtRatio(M.rm),
  fmtMs(M.markjs),
  fmtRatio(M.markVs),
  `${fmtMs(M.longB)} / ${fmtMs(M.longM)}`,
  `${fmtBytes(M.heapB)} / ${fmtBytes(M.heapM)}`,
  '',
]);
log();
log(
  `Per page, Chromium (headless), median of ${REPS} fresh loads each (mark.js: ${MARK_REPS}); ratios are per page, their median is the median of the ratios.`,
);
log(table(header, rows));

const maxHeap = Math.max(...med.heapB, ...med.heapM);
const zips = fs.readdirSync(path.join(ROOT, 'dist')).filter(f => f.endsWith('.zip'));
const zipSizes = zips.map(f => [f, fs.statSync(path.join(ROOT, 'dist', f)).size] as const);
const maxZip = Math.max(...zipSizes.map(([, s]) => s));

log();
log('Stakes, where the time goes (Chromium, medians over pages of the per-page medians):');
log(
  table(
    ['step', 'bundled', '1M pack'],
    [
      ['article detection (scored walk, all slices)', fmtMs(M.detect), fmtMs(M.detect)],
      ['reading (text map)', fmtMs(M.read), fmtMs(M.read)],
      ['matching (Engine.match, background code, timed in Node)', fmtMs(M.matchB), fmtMs(M.matchM)],
      ['highlighting', fmtMs(M.hlB), fmtMs(M.hlM)],
    ],
  ),
);

log();
log('Background (Chromium service worker, fresh start):');
log(
  table(
    ['', 'bundled', '1M pack'],
    [
      ['names in the index', String(extB.indexLoad.names), String(extM.indexLoad.names)],
      ['data/index.bin', fmtBytes(extB.indexLoad.indexBytes), fmtBytes(extM.indexLoad.indexBytes)],
      [
        'index load after waking: fetch index.bin',
        fmtMs(extB.indexLoad.indexFetchMs),
        fmtMs(extM.indexLoad.indexFetchMs),
      ],
      ['  open it (new PackedIndex)', fmtMs(extB.indexLoad.indexOpenMs), fmtMs(extM.indexLoad.indexOpenMs)],
      ['  total: matching can start', fmtMs(loadTotal(extB)), fmtMs(loadTotal(extM))],
      ['first match (one paragraph)', fmtMs(extB.indexLoad.firstMatchMs), fmtMs(extM.indexLoad.firstMatchMs)],
      [
        'card data after that: fetch dataset.json',
        fmtMs(extB.indexLoad.dataFetchMs),
        fmtMs(extM.indexLoad.dataFetchMs),
      ],
      ['  JSON.parse', fmtMs(extB.indexLoad.parseMs), fmtMs(extM.indexLoad.parseMs)],
      ['  new Engine (card maps)', fmtMs(extB.indexLoad.cardsMs), fmtMs(extM.indexLoad.cardsMs)],
      ['worker JS heap, idle', fmtBytes(extB.backgroundIdleHeap), fmtBytes(extM.backgroundIdleHeap)],
      ['worker JS heap, index loaded', fmtBytes(extB.backgroundHeap), fmtBytes(extM.backgroundHeap)],
    ],
  ),
);
function loadTotal(x: ExtensionFigures): number {
  return x.indexLoad.indexFetchMs + x.indexLoad.indexOpenMs;
}
const notDone = [...new Set([...extB.notDone, ...extM.notDone])];
if (notDone.length) log(`content script not finished within 20 s on: ${notDone.join(', ')} (heap read anyway)`);

log();
log('Dataset compile (project compiler, child process; wall time, peak RSS):');
log(
  table(
    [
      '',
      'entities',
      'index names',
      'compile',
      'peak RSS (compile)',
      'index pack (Node)',
      'peak RSS (+ write, index)',
      'dataset.json',
      'index.bin',
    ],
    [
      [
        'bundled',
        String(compileBundled.entities),
        String(compileBundled.indexNames),
        fmtMs(compileBundled.compileMs),
        `${compileBundled.compileRssMB.toFixed(0)} MB`,
        fmtMs(compileBundled.indexMs),
        `${compileBundled.maxRssMB.toFixed(0)} MB`,
        fmtBytes(compileBundled.bytes),
        fmtBytes(compileBundled.indexBytes),
      ],
      [
        `synthetic pack (${PACK_NAMES.toLocaleString('en')} names + bundled)`,
        String(compilePack.entities),
        String(compilePack.indexNames),
        fmtMs(compilePack.compileMs),
        `${compilePack.compileRssMB.toFixed(0)} MB`,
        fmtMs(compilePack.indexMs),
        `${compilePack.maxRssMB.toFixed(0)} MB`,
        fmtBytes(compilePack.bytes),
        fmtBytes(compilePack.indexBytes),
      ],
    ],
  ),
);
log(`package: ${zipSizes.map(([f, s]) => `${f} ${fmtBytes(s)}`).join(', ')}`);

log();
log('A page that appends 1,000 paragraphs in one task (live blog), with the extension:');
for (const [label, x] of [
  ['bundled', extB],
  ['1M pack', extM],
] as const) {
  const l = x.live;
  log(
    `  ${label}: append ${fmtMs(l.appendMs)}; marks ${l.marksBefore} before → ${l.marksAfter} after 5 s; ` +
      `${l.inAppended} in the appended paragraphs` +
      (l.annotatedAfterMs === null ? ' (NOT annotated within 5 s)' : ` (first after ~${l.annotatedAfterMs} ms)`) +
      `; long tasks after the append: ${l.longTasks}, longest ${fmtMs(l.longestTaskAfter)}`,
  );
}

if (firefoxRuns.size) {
  const fm = (k: keyof FirefoxRun) =>
    pages.filter(p => firefoxRuns.get(p)?.[k].length).map(p => median(firefoxRuns.get(p)![k]));
  const ff = { floor: fm('floor'), b: fm('b'), m: fm('m'), markjs: fm('markjs') };
  const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
  log();
  log(
    `Firefox ESR (headless, no extension, ${firefoxRuns.size} pages × ${FIREFOX_REPS} run(s); same probe, matching in Node):`,
  );
  log(
    table(
      ['median', 'floor', 'Stakes', '÷floor', 'Stakes 1M', '÷floor', 'mark.js', 'mark.js÷Stakes'],
      [
        [
          `${ff.floor.length} pages`,
          fmtMs(median(ff.floor)),
          fmtMs(median(ff.b)),
          fmtRatio(ratio(ff.b, ff.floor)),
          fmtMs(median(ff.m)),
          fmtRatio(ratio(ff.m, ff.floor)),
          fmtMs(median(ff.markjs)),
          fmtRatio(ratio(ff.markjs, ff.b)),
        ],
      ],
    ),
  );
}
if (firefoxSkipped) log(`Firefox: ${firefoxSkipped}`);

log();
log(
  `mark.js names: ${datasetNames.length} from the bundled dataset + ${markNames.length - datasetNames.length} synthetic-pack names = ${markNames.length}, marked in document.body with { separateWordSearch: false }.`,
);
log(
  `longest task: the longer of Stakes' longest detection slice plus the text map (built in the last slice's task) and the highlighting step; worst page ${worstLong.page}; pages with a task over 50 ms: ${pages.filter(p => Math.max(...runs.get(p)!.longest.b, ...runs.get(p)!.longest.m) > BUDGET.longTaskMs).length}.`,
);

if (failed.length) log(`measurements that failed (left out): ${failed.length}\n  ${failed.join('\n  ')}`);

log();
log('Budgets:');
const budgets: [string, string, boolean | undefined][] = [
  ['median Stakes ÷ floor, bundled dataset ≤ 2×', fmtRatio(M.rb), M.rb <= BUDGET.ratioBundled],
  ['median Stakes ÷ floor, 1M pack ≤ 3×', fmtRatio(M.rm), M.rm <= BUDGET.ratio1M],
  ['mark.js ÷ Stakes on the median page ≥ 50×', fmtRatio(M.markVs), M.markVs >= BUDGET.markVsStakes],
  ['content-script heap per tab ≤ 1 MB (worst page, either dataset)', fmtBytes(maxHeap), maxHeap <= BUDGET.heapBytes],
  ['no task over 50 ms on any page', `${fmtMs(worstLong.ms)} (${worstLong.page})`, worstLong.ms <= BUDGET.longTaskMs],
  [
    'background loads the 1M index ≤ 300 ms after waking',
    fmtMs(loadTotal(extM)),
    loadTotal(extM) <= BUDGET.indexLoadMs,
  ],
  ['1M pack compiles ≤ 30 s', fmtMs(compilePack.compileMs), compilePack.compileMs <= BUDGET.compileMs],
  ['zipped extension ≤ 5 MB (bundled dataset)', fmtBytes(maxZip), maxZip <= BUDGET.zipBytes],
  [
    '1,000 appended paragraphs annotated, no task over 50 ms (bundled / 1M)',
    [extB, extM]
      .map(x =>
        x.live.annotatedAfterMs === null
          ? 'not within 5 s'
          : `${x.live.annotatedAfterMs} ms, longest ${fmtMs(x.live.longestTaskAfter)}`,
      )
      .join(' / '),
    [extB, extM].every(x => x.live.annotatedAfterMs !== null && x.live.longestTaskAfter <= BUDGET.longTaskMs),
  ],
];
log(
  table(
    ['budget', 'measured', ''],
    budgets.map(([a, b, c]) => [a, b, pass(c)]),
  ),
);
log(
  `(${((Date.now() - started) / 60000).toFixed(1)} min; load average at end ${os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ')})`,
);
