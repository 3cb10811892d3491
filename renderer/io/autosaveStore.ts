// The autosave's binary store over IndexedDB: one record, its project bytes kept as a Blob
// (Chromium refuses a single value over 127 MiB unless it is a Blob). A put is committed at
// once, so one begun as the page goes away is sent whole before the page is gone.
import type { AutosaveRecord, AutosaveStore } from './autosave.js';

const DATABASE = 'losscape';
const STORE = 'autosave';
const KEY = 'project';

/** What IndexedDB holds: the record with its bytes as a Blob. */
interface StoredRecord {
  savedAt: string;
  state: string;
  blob: Blob;
}

const done = (request: IDBRequest): Promise<unknown> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
  });

/** The app's store; the database opens once, on first use. */
export function indexedDbAutosaveStore(indexedDb: IDBFactory = indexedDB): AutosaveStore {
  let opened: IDBDatabase | undefined;
  const opening = (async () => {
    const request = indexedDb.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    opened = (await done(request)) as IDBDatabase;
    return opened;
  })();
  // Without IndexedDB every write is refused, and reported; nothing is unhandled meanwhile.
  opening.catch(() => undefined);
  /** Runs `act` in a transaction, begun now when the database is open (so at once as the page goes away). */
  const inTransaction = (mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<unknown> => {
    const run = (db: IDBDatabase) => {
      const transaction = db.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      if (mode === 'readwrite') transaction.commit();
      // A quota refusal aborts the transaction: its error is the QuotaExceededError.
      const committed = new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB aborted the write'));
      });
      return Promise.all([done(request), committed]).then(([result]) => result);
    };
    return opened ? run(opened) : opening.then(run);
  };
  return {
    async get() {
      const stored = (await inTransaction('readonly', (store) => store.get(KEY))) as StoredRecord | undefined;
      return stored && { savedAt: stored.savedAt, state: stored.state, bytes: new Uint8Array(await stored.blob.arrayBuffer()) };
    },
    async put({ savedAt, state, bytes }: AutosaveRecord) {
      const stored: StoredRecord = { savedAt, state, blob: new Blob([bytes as BlobPart]) };
      await inTransaction('readwrite', (store) => store.put(stored, KEY));
    },
    async delete() {
      await inTransaction('readwrite', (store) => store.delete(KEY));
    },
  };
}

let shared: AutosaveStore | undefined;
/** The store the app's autosave and project menu share. */
export function appAutosaveStore(): AutosaveStore {
  shared ??= indexedDbAutosaveStore();
  return shared;
}
