/**
 * What the background loads when it wakes: the name index first (the bundled index.bin, or the
 * index kept for the reader's packs), without reading the rest of the dataset; the whole dataset
 * only when a card, an outlet or the status is asked for.
 */
import { describe, expect, it } from 'vitest';

import { DataService } from '../../src/background/data-service.ts';
import { matchText } from '../../src/background/engine.ts';
import { memoryPackStore, type PackStore } from '../../src/background/pack-store.ts';
import { packDatasetIndex } from '../../src/data/dataset.ts';
import { DATASET } from '../fixtures/dataset.ts';

const PACK =
  '{"type":"entity","id":"company:example-widgets","kind":"company","names":[{"text":"Example Widgets Ltd","kind":"primary"}],"description":"a company from a test pack"}';
const TEXT = 'Example Widgets Ltd and ByteDance signed a deal.';

/**
 * A background that counts how often it reads the dataset and the bundled index. Reading the
 * dataset waits until `release()`: what resolves before that did not need the dataset.
 */
function wake(store: PackStore, bundled: Uint8Array | null = packDatasetIndex(DATASET)) {
  const reads = { dataset: 0, index: 0 };
  let release = () => {};
  const gate = new Promise<void>(resolve => (release = resolve));
  const data = new DataService(
    {
      dataset: async () => {
        reads.dataset++;
        await gate;
        return structuredClone(DATASET);
      },
      index: () => {
        reads.index++;
        return bundled ? Promise.resolve(bundled.slice()) : Promise.reject(new Error('no index.bin'));
      },
    },
    store,
  );
  return { data, reads, release };
}

const ids = async (data: DataService) => matchText(await data.index(), TEXT).map(m => m.entityId);

describe('waking the background', () => {
  it('matches with the bundled index alone when the reader has no packs, then reads the rest', async () => {
    const { data, reads, release } = wake(memoryPackStore());
    expect(await ids(data)).toEqual(['company:bytedance']); // while the dataset is still being read
    expect(reads).toEqual({ dataset: 1, index: 1 }); // its reading started once the index was open
    release();
    // A card needs the dataset: read once, on the index already open.
    const engine = await data.engine();
    expect(engine.index).toBe(await data.index());
    expect(engine.cards.buildFor('company:bytedance')?.entity.name).toBe('ByteDance');
    expect(reads).toEqual({ dataset: 1, index: 1 });
  });

  it('keeps the index made with the packs, and opens it on the next wake without the dataset', async () => {
    const store = memoryPackStore();
    const first = wake(store);
    first.release();
    expect((await first.data.importPack({ name: 'widgets.jsonl', text: PACK })).ok).toBe(true);
    expect(await ids(first.data)).toEqual(['company:example-widgets', 'company:bytedance']);
    expect(await store.getIndex()).toBeDefined();

    const next = wake(store);
    expect(await ids(next.data)).toEqual(['company:example-widgets', 'company:bytedance']); // dataset not read yet
    // Its engine reuses the kept index and does not write it again.
    const kept = await store.getIndex();
    next.release();
    expect((await next.data.engine()).index.bytes).toEqual(kept!.bytes);
  });

  it('forgets the kept index when a pack is removed', async () => {
    const store = memoryPackStore();
    const first = wake(store);
    first.release();
    await first.data.importPack({ name: 'widgets.jsonl', text: PACK });
    await first.data.removePack('widgets');
    expect(await ids(first.data)).toEqual(['company:bytedance']);
    const next = wake(store);
    expect(await ids(next.data)).toEqual(['company:bytedance']); // dataset not read yet
  });

  it('does not trust an index kept for other bundled data (after an update): it builds it again', async () => {
    const store = memoryPackStore();
    const first = wake(store);
    first.release();
    await first.data.importPack({ name: 'widgets.jsonl', text: PACK });
    const kept = (await store.getIndex())!;
    await store.putIndex({ base: 'an older release', bytes: kept.bytes });
    const next = wake(store);
    next.release();
    expect(await ids(next.data)).toEqual(['company:example-widgets', 'company:bytedance']);
    expect(next.reads.dataset).toBe(1);
    expect((await store.getIndex())!.base).not.toBe('an older release');
  });

  it('builds the index from the dataset when index.bin cannot be read or is damaged', async () => {
    const missing = wake(memoryPackStore(), null);
    missing.release();
    expect(await ids(missing.data)).toEqual(['company:bytedance']);
    expect(missing.reads.dataset).toBe(1);
    const damaged = wake(memoryPackStore(), new Uint8Array(256));
    damaged.release();
    expect(await ids(damaged.data)).toEqual(['company:bytedance']);
    expect(damaged.reads.dataset).toBe(1);
  });
});
