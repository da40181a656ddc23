/**
 * Evaluated in the extension's background (Chromium service worker) by the
 * benchmark: times loading the index the way the background does it (fetch
 * data/dataset.json, parse, build the Engine) and keeps the engine alive so
 * the worker's heap can be read afterwards.
 */
import type { Dataset } from '../data/dataset.ts';
import { Engine } from '../background/engine.ts';

declare global {
  // eslint-disable-next-line no-var
  var __stakesBenchLoad: (url: string) => Promise<{ fetchMs: number; parseMs: number; buildMs: number; names: number }>;
  // eslint-disable-next-line no-var
  var __stakesBenchEngine: Engine | undefined;
}

globalThis.__stakesBenchLoad = async (url: string) => {
  globalThis.__stakesBenchEngine = undefined;
  const t0 = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const t1 = performance.now();
  const dataset = JSON.parse(body) as Dataset;
  const t2 = performance.now();
  const engine = new Engine(dataset);
  const t3 = performance.now();
  globalThis.__stakesBenchEngine = engine;
  return { fetchMs: t1 - t0, parseMs: t2 - t1, buildMs: t3 - t2, names: engine.index.nameCount };
};
