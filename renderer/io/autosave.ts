// Autosave and crash recovery. The project is kept as its binary file (engine/io/container.ts)
// in a binary store (IndexedDB in the app: its quota is a share of the disk, where
// localStorage holds about 5 M characters) shortly after each change, and at least every half
// minute while changes keep coming; on start, an autosave newer than the last explicit save or
// open is offered back. What the store refuses gives way to smaller stand-ins, and the writer
// reports it. Storage, store and clock are passed in, so the logic is tested with Maps and
// fixed dates.
import { projectFileBytes, projectFileText, type ProjectFile } from '../../engine/io/projectFile.js';
import type { FileInput } from '../../engine/io/schema.js';
import { messageOf } from '../session/types.js';

/** The part of localStorage used here. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The autosave in the binary store: when, the mark of what it holds, and the project file's binary form. */
export interface AutosaveRecord {
  savedAt: string;
  state: string;
  bytes: Uint8Array;
}

/** Where the autosave's project is kept (./autosaveStore.ts over IndexedDB; a Map in tests). `put` rejects when the storage refuses. */
export interface AutosaveStore {
  get(): Promise<AutosaveRecord | undefined>;
  put(record: AutosaveRecord): Promise<void>;
  delete(): Promise<void>;
}

/** An autosave as project file text in localStorage: older Losscapes' autosave, and the copy of a small project made as the page goes away. */
export const AUTOSAVE_KEY = 'losscape.autosave';
/** The text autosave's time and mark: `{ savedAt, state }`. */
export const AUTOSAVE_META_KEY = 'losscape.autosave.meta';
/** The last explicit save or open: `{ savedAt, state }`. */
export const LAST_SAVE_KEY = 'losscape.lastSave';
/**
 * The largest project (binary form, bytes) also copied as text to localStorage when the page
 * goes away: a write to IndexedDB begun then may not land (Chromium drops the first one of a
 * session), localStorage's is synchronous. Its JSON text is about 2.4 characters a byte.
 */
export const TEXT_COPY_LIMIT = 1024 * 1024;

/** A save: when, and the mark of the settings and results it holds. */
interface SaveMark {
  savedAt: string;
  state: string;
}

/** One thing the autosave may hold: what it keeps (for the report) and its project file, null when it cannot be made now. */
export interface AutosaveTier {
  keeps: string;
  file(): ProjectFile | null;
}

/** What the autosave writes: the mark of the settings and results, and the project followed by smaller stand-ins, tried in turn. */
export interface AutosaveContent {
  state: string;
  tiers: AutosaveTier[];
}

/** What an autosave holds (`keeps`, null: nothing), and the first project the storage refused, if it refused one. */
export interface AutosaveReport {
  keeps: string | null;
  refused: { bytes: number; reason: string } | null;
}

/** An autosave waiting to be recovered or discarded; `savedAt` is null when its time is unreadable. */
export interface PendingAutosave {
  savedAt: Date | null;
  data: FileInput;
}

function readMark(storage: KeyValueStorage, key: string): SaveMark | null {
  try {
    const mark = JSON.parse(storage.getItem(key) ?? 'null') as Partial<SaveMark> | null;
    return typeof mark?.savedAt === 'string' && typeof mark.state === 'string' ? { savedAt: mark.savedAt, state: mark.state } : null;
  } catch {
    return null;
  }
}

const timeOf = (mark: SaveMark | null) => (mark ? Date.parse(mark.savedAt) : NaN);

/** The autosave written after the last explicit save or open, if there is one: the newer of the stored one and a text one. */
export async function pendingAutosave(storage: KeyValueStorage, store: AutosaveStore): Promise<PendingAutosave | null> {
  // An unreadable store holds nothing to offer; a text autosave may still be there.
  const record = await store.get().catch(() => undefined);
  const text = storage.getItem(AUTOSAVE_KEY);
  const textMark = readMark(storage, AUTOSAVE_META_KEY);
  const useText = text !== null && (!record || timeOf(textMark) > Date.parse(record.savedAt));
  if (!useText && !record) return null;
  const meta = useText ? textMark : { savedAt: record!.savedAt, state: record!.state };
  const last = readMark(storage, LAST_SAVE_KEY);
  const time = timeOf(meta);
  const valid = !Number.isNaN(time);
  // A damaged record is still offered: only the user may throw work away.
  if (valid && last && (Date.parse(last.savedAt) >= time || last.state === meta!.state)) return null;
  return { savedAt: valid ? new Date(time) : null, data: useText ? text : record!.bytes };
}

/** Whether an explicit save of `state`, or one at or after `now`, makes an autosave made at `now` needless. */
function superseded(storage: KeyValueStorage, state: string, now: Date): boolean {
  const last = readMark(storage, LAST_SAVE_KEY);
  return last !== null && (last.state === state || Date.parse(last.savedAt) >= now.getTime());
}

/**
 * Writes the autosave made at `now`: the first of `content.tiers` the store takes. A project
 * just saved or opened explicitly needs none, so then the autosave is dropped. `leaving` (the
 * page is going away) also copies a small project to localStorage as text, at once.
 */
export async function writeAutosave(storage: KeyValueStorage, store: AutosaveStore, content: AutosaveContent, now: Date, leaving = false): Promise<AutosaveReport> {
  const none: AutosaveReport = { keeps: null, refused: null };
  if (superseded(storage, content.state, now)) {
    await discardAutosave(storage, store);
    return none;
  }
  let refused: AutosaveReport['refused'] = null;
  for (const tier of content.tiers) {
    const file = tier.file();
    if (!file) continue;
    const bytes = projectFileBytes(file);
    const savedAt = now.toISOString();
    const put = store.put({ savedAt, state: content.state, bytes });
    if (leaving) copyAsText(storage, file, bytes.length, { savedAt, state: content.state });
    try {
      await put;
    } catch (error) {
      refused ??= { bytes: bytes.length, reason: messageOf(error) };
      continue;
    }
    // The store holds the newest now; an explicit save meanwhile makes it needless.
    if (!leaving) discardText(storage);
    if (superseded(storage, content.state, now)) {
      await discardAutosave(storage, store);
      return none;
    }
    return { keeps: tier.keeps, refused };
  }
  // Nothing fits: an older autosave would be taken for the latest work.
  await discardAutosave(storage, store);
  return { keeps: null, refused };
}

/** The synchronous copy of a small project as the page goes away; a full localStorage keeps none. */
function copyAsText(storage: KeyValueStorage, file: ProjectFile, bytes: number, mark: SaveMark): void {
  if (bytes > TEXT_COPY_LIMIT) return;
  try {
    storage.setItem(AUTOSAVE_KEY, projectFileText(file));
    storage.setItem(AUTOSAVE_META_KEY, JSON.stringify(mark));
  } catch {
    discardText(storage);
  }
}

function discardText(storage: KeyValueStorage): void {
  storage.removeItem(AUTOSAVE_KEY);
  storage.removeItem(AUTOSAVE_META_KEY);
}

/** Records an explicit save or open of `state` (the settings' and results' mark) at `now`; older autosaves are no longer offered. */
export async function markSaved(storage: KeyValueStorage, store: AutosaveStore, state: string, now: Date): Promise<void> {
  storage.setItem(LAST_SAVE_KEY, JSON.stringify({ savedAt: now.toISOString(), state }));
  await discardAutosave(storage, store);
}

/** Forgets the autosave (once recovered or discarded). */
export async function discardAutosave(storage: KeyValueStorage, store: AutosaveStore): Promise<void> {
  discardText(storage);
  await store.delete();
}

/** The report's line for the user when the autosave could not hold everything; null when it did. */
export function autosaveNote({ keeps, refused }: AutosaveReport): string | null {
  if (!refused) return null;
  const size = `${(refused.bytes / 1e6).toFixed(1)} MB`;
  return keeps
    ? `autosave keeps ${keeps} only: the project (${size}) is larger than the browser’s storage allows; save the project to a file`
    : `autosave is off: the browser’s storage refused even the settings (${refused.reason}); save the project to a file`;
}

export interface AutosaverOptions {
  /** Calls its argument after every change; answers the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Saves the app as it is now; `leaving` when the page is going away. */
  save(leaving: boolean): Promise<unknown> | void;
  /** Quiet time after a change before it is saved, ms. */
  delay: number;
  /** Longest a change waits while changes keep coming, ms. */
  maxWait: number;
}

/**
 * Saves after changes, debounced with a longest wait, one save at a time (a change during a
 * save is saved after it); `flush` saves a pending change now, `leave` at once as the page goes away.
 */
export function createAutosaver({ subscribe, save, delay, maxWait }: AutosaverOptions): { flush(): void; leave(): void; stop(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let longest: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let saving = false;
  /** A flush asked for while a save was under way. */
  let requested = false;
  const clear = () => {
    clearTimeout(quiet);
    clearTimeout(longest);
    longest = undefined;
  };
  const flush = () => {
    clear();
    if (saving) requested ||= dirty;
    if (!dirty || saving) return;
    dirty = false;
    saving = true;
    void Promise.resolve(save(false)).finally(() => {
      saving = false;
      const again = requested;
      requested = false;
      if (again) flush();
    });
  };
  const unsubscribe = subscribe(() => {
    dirty = true;
    clearTimeout(quiet);
    quiet = setTimeout(flush, delay);
    longest ??= setTimeout(flush, maxWait);
  });
  return {
    flush,
    leave() {
      clear();
      // A save under way may not finish either: this one starts its writes before the page is gone.
      if (!dirty && !saving) return;
      dirty = false;
      void save(true);
    },
    stop() {
      unsubscribe();
      clear();
    },
  };
}
