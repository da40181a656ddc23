/**
 * Evaluated in the extension's background (Chromium service worker) by the
 * benchmark: times what the background does after waking, in its order.
 * 1. The name index, all that matching needs: fetch data/index.bin, open it,
 *    and a first match (which makes the trie nodes of that text's words).
 * 2. The card data, read afterwards: fetch data/dataset.json, parse it, and
 *    build the engine's card maps on the index already open.
 * Keeps both alive so the worker's heap can be read afterwards.
 */
import type { Dataset } from '../data/dataset.ts';
import { Engine, matchText } from '../background/engine.ts';
import { PackedIndex } from '../match/packed-index.ts';

export interface SwLoad {
  /** fetch + arrayBuffer of index.bin */
  indexFetchMs: number;
  /** new PackedIndex */
  indexOpenMs: number;
  /** a first match of a short news paragraph */
  firstMatchMs: number;
  indexBytes: number;
  names: number;
  /** fetch + text of dataset.json */
  dataFetchMs: number;
  parseMs: number;
  /** new Engine (card maps) on the open index */
  cardsMs: number;
}

declare global {
  // eslint-disable-next-line no-var
  var __stakesBenchLoad: (indexUrl: string, dataUrl: string, text: string) => Promise<SwLoad>;
  // eslint-disable-next-line no-var
  var __stakesBenchEngine: Engine | undefined;
}

globalThis.__stakesBenchLoad = async (indexUrl: string, dataUrl: string, text: string) => {
  globalThis.__stakesBenchEngine = undefined;
  const t0 = performance.now();
  const bytes = await (await fetch(indexUrl)).arrayBuffer();
  const t1 = performance.now();
  const index = new PackedIndex(bytes);
  const t2 = performance.now();
  matchText(index, text);
  const t3 = performance.now();
  const body = await (await fetch(dataUrl)).text();
  const t4 = performance.now();
  const dataset = JSON.parse(body) as Dataset;
  const t5 = performance.now();
  const engine = new Engine(dataset, index);
  const t6 = performance.now();
  globalThis.__stakesBenchEngine = engine;
  return {
    indexFetchMs: t1 - t0,
    indexOpenMs: t2 - t1,
    firstMatchMs: t3 - t2,
    indexBytes: bytes.byteLength,
    names: index.nameCount,
    dataFetchMs: t4 - t3,
    parseMs: t5 - t4,
    cardsMs: t6 - t5,
  };
};
