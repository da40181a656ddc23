/**
 * Where the background keeps the reader's imported packs: IndexedDB in the extension's origin
 * (available to Chrome's service worker and Firefox's event page; far more room than
 * storage.local's 10 MB without asking for the unlimitedStorage permission). Local only.
 */
import type { StoredPack } from './pack-set.ts';

const DB_NAME = 'stakes';
const STORE = 'packs';
/** The packed name index of the bundled data with the packs, so a waking background need not rebuild it. */
const INDEX_STORE = 'index';
const INDEX_KEY = 'current';

/** A packed name index and the bundled index it was made on top of. */
export interface CachedIndex {
  base: string;
  bytes: Uint8Array;
}

export interface PackStore {
  /** Every pack, in import order. */
  list(): Promise<StoredPack[]>;
  /** How many packs there are, without reading them. */
  count(): Promise<number>;
  put(pack: StoredPack): Promise<void>;
  remove(name: string): Promise<void>;
  getIndex(): Promise<CachedIndex | undefined>;
  putIndex(index: CachedIndex): Promise<void>;
  /** Forget the cached index (before the packs change, so it is never stale). */
  clearIndex(): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export function indexedDbPackStore(factory: IDBFactory = indexedDB): PackStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 2);
      req.onupgradeneeded = () => {
        const names = req.result.objectStoreNames;
        if (!names.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'name' });
        if (!names.contains(INDEX_STORE)) req.result.createObjectStore(INDEX_STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
    }).catch((error: unknown) => {
      db = undefined;
      throw error;
    });
    return db;
  };
  return {
    async list() {
      const tx = (await open()).transaction(STORE, 'readonly');
      const all = (await request(tx.objectStore(STORE).getAll())) as StoredPack[];
      return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    },
    async count() {
      const tx = (await open()).transaction(STORE, 'readonly');
      return request(tx.objectStore(STORE).count());
    },
    async put(pack) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(pack);
      await done(tx);
    },
    async remove(name) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(name);
      await done(tx);
    },
    async getIndex() {
      const tx = (await open()).transaction(INDEX_STORE, 'readonly');
      return (await request(tx.objectStore(INDEX_STORE).get(INDEX_KEY))) as CachedIndex | undefined;
    },
    async putIndex(index) {
      const tx = (await open()).transaction(INDEX_STORE, 'readwrite');
      tx.objectStore(INDEX_STORE).put(index, INDEX_KEY);
      await done(tx);
    },
    async clearIndex() {
      const tx = (await open()).transaction(INDEX_STORE, 'readwrite');
      tx.objectStore(INDEX_STORE).delete(INDEX_KEY);
      await done(tx);
    },
  };
}

/** For tests and for a browser without IndexedDB: packs in memory. */
export function memoryPackStore(initial: StoredPack[] = []): PackStore {
  const packs = new Map(initial.map(p => [p.name, p]));
  let index: CachedIndex | undefined;
  return {
    list: () => Promise.resolve([...packs.values()].sort((a, b) => a.importedAt.localeCompare(b.importedAt))),
    count: () => Promise.resolve(packs.size),
    getIndex: () => Promise.resolve(index),
    putIndex: value => {
      index = { base: value.base, bytes: value.bytes.slice() };
      return Promise.resolve();
    },
    clearIndex: () => {
      index = undefined;
      return Promise.resolve();
    },
    put: pack => {
      packs.set(pack.name, structuredClone(pack));
      return Promise.resolve();
    },
    remove: name => {
      packs.delete(name);
      return Promise.resolve();
    },
  };
}
