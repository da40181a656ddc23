/**
 * Where the time goes, by function (self time from a sampling CPU profile):
 *
 *   node bin/run.mjs src/bench/profile.ts page [PAGE...]   the page steps (detect, read, highlight)
 *                                                          in headless Chromium, 5 fresh loads per page
 *   node bin/run.mjs src/bench/profile.ts index [NAMES]    building the background's Engine from a
 *                                                          synthetic pack (default 200,000 names) in Node
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';

import puppeteer from 'puppeteer-core';

import { Engine } from '../background/engine.ts';
import { compileDataset } from '../data/compile.ts';
import { chromiumPath } from '../dev/browsers.ts';
import { serve } from '../dev/serve.ts';
import { bundleProbe } from './bundle.ts';
import { fmtMs, median, table } from './stats.ts';
import { writePack } from './synthetic-pack.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, in ms, summed over profiles. */
function selfTimes(profiles: Profile[], into = new Map<string, number>()): Map<string, number> {
  for (const p of profiles) {
    const byId = new Map(p.nodes.map(n => [n.id, n]));
    p.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const where = f.url && !f.url.startsWith('pptr:') ? `${path.basename(f.url) || f.url}:${f.lineNumber + 1}` : '';
      const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
      into.set(key, (into.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
  }
  return into;
}

const IGNORED = new Set(['(idle)', '(program)', '(root)']);

/** Busy time: everything but idle and the profiler's own bookkeeping. */
function busy(times: Map<string, number>): number {
  return [...times].filter(([k]) => !IGNORED.has(k)).reduce((a, [, ms]) => a + ms, 0);
}

/** Page steps by kind: the inert copy, Readability itself, Stakes' own code, the rest. */
function groups(times: Map<string, number>): string {
  const sums = new Map<string, number>();
  for (const [k, ms] of times) {
    if (IGNORED.has(k)) continue;
    const name = k.split(' ')[0]!;
    const group =
      name === 'cloneNode'
        ? 'cloneNode (the inert copy of the document)'
        : /^_|^parse$|^Readability/.test(name)
          ? 'Readability (_grabArticle, _isProbablyVisible, …)'
          : /^(readabilityText|findArticleText|readArticle|articleOf|step|close|scoreParagraph|result|skipped|open|isAnnotatable|fallbackText|buildTextMap|blockOf|apply|wrap|rangesFor)$/.test(
                name,
              )
            ? 'Stakes code (pairing, filters, text map, highlighter)'
            : name === '(garbage'
              ? 'garbage collector'
              : 'other (DOM natives, regexps, anonymous)';
    sums.set(group, (sums.get(group) ?? 0) + ms);
  }
  const total = busy(times);
  return table(
    ['group', 'self time', 'share'],
    [...sums].sort((a, b) => b[1] - a[1]).map(([g, ms]) => [g, fmtMs(ms), `${((ms / total) * 100).toFixed(1)}%`]),
  );
}

function top(times: Map<string, number>, n = 25): string {
  const total = busy(times);
  const rows = [...times]
    .filter(([k]) => !IGNORED.has(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => [k.slice(0, 90), fmtMs(ms), `${((ms / total) * 100).toFixed(1)}%`]);
  return table(['function', 'self time', 'share'], rows);
}

const [mode = 'page', ...args] = process.argv.slice(2);

if (mode === 'page') {
  const corpus = path.resolve(import.meta.dirname, '../../../shared/corpora/readability-pages');
  const pages = args.length ? args : ['nytimes-3', 'wikipedia', 'guardian-1', 'bbc-1'];
  const server = await serve(corpus);
  const probe = await bundleProbe('page-probe.ts');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const times = new Map<string, number>();
  for (const name of pages) {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      page.on('dialog', dialog => void dialog.dismiss().catch(() => undefined));
      await page.goto(`${server.url}/${name}/source.html`, { waitUntil: 'load' }).catch(() => undefined);
      await page.evaluate(probe);
      const session = await page.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 50 });
      await session.send('Profiler.start');
      await page.evaluate('__stakesBench.read().then(r => (__stakesBench.highlight([]), r.detectMs))');
      const { profile } = await session.send('Profiler.stop');
      selfTimes([profile as unknown as Profile], times);
      await page.close();
    }
  }
  console.log(`Page steps, self time over ${pages.length} pages × 5 loads (${pages.join(', ')}):`);
  console.log(groups(times));
  console.log(top(times));
  await browser.close();
  await server.close();
} else if (mode === 'index') {
  const names = Number(args[0] ?? 200_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-profile-'));
  try {
    writePack(dir, names);
    const dataset = JSON.parse(JSON.stringify(compileDataset(dir))) as ConstructorParameters<typeof Engine>[0];
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const t0 = performance.now();
    new Engine(dataset);
    const ms = performance.now() - t0;
    const { profile } = await session.post('Profiler.stop');
    console.log(`new Engine(dataset) with ${names.toLocaleString('en')} synthetic names: ${fmtMs(ms)} in Node`);
    console.log(top(selfTimes([profile as unknown as Profile])));
    session.disconnect();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.error('usage: profile.ts page [PAGE...] | index [NAMES]');
  process.exit(2);
}
