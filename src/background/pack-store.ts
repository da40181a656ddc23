/**
 * Where the background keeps the reader's imported packs: IndexedDB in the extension's origin
 * (available to Chrome's service worker and Firefox's event page; far more room than
 * storage.local's 10 MB without asking for the unlimitedStorage permission). Local only.
 */
import type { StoredPack } from './pack-set.ts';

const DB_NAME = 'stakes';
const STORE = 'packs';

export interface PackStore {
  /** Every pack, in import order. */
  list(): Promise<StoredPack[]>;
  put(pack: StoredPack): Promise<void>;
  remove(name: string): Promise<void>;
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
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'name' });
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
  };
}

/** For tests and for a browser without IndexedDB: packs in memory. */
export function memoryPackStore(initial: StoredPack[] = []): PackStore {
  const packs = new Map(initial.map(p => [p.name, p]));
  return {
    list: () => Promise.resolve([...packs.values()].sort((a, b) => a.importedAt.localeCompare(b.importedAt))),
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
