/**
 * The background's data: the bundled dataset plus the reader's packs, and the engine built from
 * them. Loaded lazily when the background wakes; rebuilt after an import or a removal. Imports and
 * removals run one at a time, so two imports never race. No browser APIs here (they are passed in).
 */
import type { Dataset } from '../data/dataset.ts';
import type { ImportReply, PackInfo } from '../shared/messages.ts';
import { Engine } from './engine.ts';
import { assemble, preparePack, type ImportRequest } from './pack-set.ts';
import type { PackStore } from './pack-store.ts';

interface State {
  base: Dataset;
  engine: Engine;
  packs: PackInfo[];
}

export class DataService {
  private state: Promise<State> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly loadBase: () => Promise<Dataset>,
    private readonly store: PackStore,
  ) {}

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
      await this.store.put(pack);
      this.state = Promise.resolve(this.build(base, await this.store.list()));
      return reply;
    });
  }

  removePack(name: string): Promise<PackInfo[]> {
    return this.serial(async () => {
      const { base } = await this.load();
      await this.store.remove(name);
      const state = this.build(base, await this.store.list());
      this.state = Promise.resolve(state);
      return state.packs;
    });
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<State> {
    this.state ??= (async () => {
      const base = await this.loadBase();
      // The packs cannot be read (storage broken, private mode): run on the bundled data alone.
      const packs = await this.store.list().catch(() => []);
      return this.build(base, packs);
    })().catch((error: unknown) => {
      this.state = undefined; // let the next request try again
      throw error;
    });
    return this.state;
  }

  private build(base: Dataset, stored: Parameters<typeof assemble>[1]): State {
    if (stored.length === 0) return { base, engine: new Engine(base), packs: [] };
    const { dataset, packs } = assemble(base, stored);
    return { base, engine: new Engine(dataset), packs };
  }
}
