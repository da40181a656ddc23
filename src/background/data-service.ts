/**
 * The background's data: the bundled dataset plus the reader's packs, and the engine built from
 * them. No browser APIs here (they are passed in).
 *
 * Two things load lazily when the background wakes, the small one first:
 * - the **name index**, all that matching needs: the bundled `data/index.bin` when the reader has
 *   no packs, else the index of the bundled data with the packs, kept in the pack store since the
 *   packs last changed. Opening it is a read, not a build, whatever the number of names;
 * - the **engine** (the whole dataset, for cards, outlets and links), read and built in the
 *   background of the first request that needs it.
 * Imports and removals run one at a time, so two imports never race; both rebuild the engine and
 * store its index again.
 */
import type { Dataset } from '../data/dataset.ts';
import { PackedIndex } from '../match/packed-index.ts';
import type { ImportReply, PackInfo } from '../shared/messages.ts';
import { Engine } from './engine.ts';
import { assemble, preparePack, type ImportRequest, type StoredPack } from './pack-set.ts';
import type { PackStore } from './pack-store.ts';

interface State {
  base: Dataset;
  engine: Engine;
  packs: PackInfo[];
}

export interface DataSources {
  /** The bundled dataset (data/dataset.json). */
  dataset: () => Promise<Dataset>;
  /** The bundled dataset's packed name index (data/index.bin); without it the index is built. */
  index?: () => Promise<ArrayBuffer | Uint8Array>;
}

/** What a stored index was made on top of: the bundled index it extends. */
const baseKey = (base: PackedIndex) => `${base.version}/${base.entityCount}/${base.nameCount}`;

export class DataService {
  private state: Promise<State> | undefined;
  private names: Promise<PackedIndex> | undefined;
  private baseIndex: Promise<PackedIndex | undefined> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly sources: DataSources;

  constructor(
    sources: DataSources | (() => Promise<Dataset>),
    private readonly store: PackStore,
  ) {
    this.sources = typeof sources === 'function' ? { dataset: sources } : sources;
  }

  /**
   * The name index: what matching needs, without the rest of the dataset. Once it is open, the
   * rest is read in the background: a page's next requests (its outlet, a card) need it.
   */
  index(): Promise<PackedIndex> {
    this.names ??= this.openIndex().then(
      index => {
        void this.load().catch(() => undefined);
        return index;
      },
      (error: unknown) => {
        this.names = undefined; // let the next request try again
        throw error;
      },
    );
    return this.names;
  }

  async engine(): Promise<Engine> {
    return (await this.load()).engine;
  }

  async packs(): Promise<PackInfo[]> {
    return (await this.load()).packs;
  }

  importPack(request: ImportRequest): Promise<ImportReply> {
    return this.serial(async () => {
      const { base } = await this.load();
      const stored = await this.store.list();
      const { reply, pack } = preparePack(base, stored, request);
      if (!pack) return reply;
      await this.store.clearIndex();
      await this.store.put(pack);
      await this.rebuild(base);
      return reply;
    });
  }

  removePack(name: string): Promise<PackInfo[]> {
    return this.serial(async () => {
      const { base } = await this.load();
      await this.store.clearIndex();
      await this.store.remove(name);
      return (await this.rebuild(base)).packs;
    });
  }

  private async openIndex(): Promise<PackedIndex> {
    const base = await this.bundledIndex();
    // The packs cannot be read (storage broken, private mode): the bundled data alone, as load() does.
    const packs = await this.store.count().catch(() => 0);
    if (base && packs === 0) return base;
    return (await this.storedIndex(base)) ?? (await this.load()).engine.index;
  }

  /** The index kept for the bundled data with the packs, if it is there and made on this bundled index. */
  private async storedIndex(base: PackedIndex | undefined): Promise<PackedIndex | undefined> {
    if (!base) return undefined;
    const cached = await this.store.getIndex().catch(() => undefined);
    if (cached?.base !== baseKey(base)) return undefined;
    try {
      return new PackedIndex(cached.bytes);
    } catch {
      return undefined; // a damaged copy: it is built again
    }
  }

  private bundledIndex(): Promise<PackedIndex | undefined> {
    const read = this.sources.index;
    this.baseIndex ??= read
      ? read()
          .then(bytes => new PackedIndex(bytes))
          .catch(() => undefined) // missing or unreadable: the engine builds it from the dataset
      : Promise.resolve(undefined);
    return this.baseIndex;
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<State> {
    this.state ??= (async () => {
      const base = await this.sources.dataset();
      // The packs cannot be read (storage broken, private mode): run on the bundled data alone.
      const packs = await this.store.list().catch(() => []);
      return this.build(base, packs);
    })().catch((error: unknown) => {
      this.state = undefined; // let the next request try again
      throw error;
    });
    return this.state;
  }

  private async rebuild(base: Dataset): Promise<State> {
    const state = await this.build(base, await this.store.list());
    this.state = Promise.resolve(state);
    this.names = Promise.resolve(state.engine.index);
    return state;
  }

  private async build(base: Dataset, stored: StoredPack[]): Promise<State> {
    const bundled = await this.bundledIndex();
    if (stored.length === 0) return { base, engine: new Engine(base, bundled), packs: [] };
    const { dataset, packs } = assemble(base, stored);
    const kept = await this.storedIndex(bundled);
    const engine = new Engine(dataset, kept);
    if (bundled && !kept) {
      // Keep the index for the next wake; losing it only costs a rebuild then.
      await this.store.putIndex({ base: baseKey(bundled), bytes: engine.index.bytes }).catch(() => undefined);
    }
    return { base, engine, packs };
  }
}
