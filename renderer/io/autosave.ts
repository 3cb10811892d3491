// Autosave and crash recovery. The project is written to browser storage as a project file
// shortly after each change (and at least every half minute while changes keep coming); on
// start, an autosave newer than the last explicit save or open is offered back. Storage and
// clock are passed in, so the logic is tested with a Map and fixed dates.

/** The part of localStorage used here. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The autosaved project file's text. */
export const AUTOSAVE_KEY = 'losscape.autosave';
/** When it was written and the mark of what it holds (the settings and which results): `{ savedAt, state }`. */
export const AUTOSAVE_META_KEY = 'losscape.autosave.meta';
/** The last explicit save or open: `{ savedAt, state }`. */
export const LAST_SAVE_KEY = 'losscape.lastSave';

/** A save: when, and the mark of the settings and results it holds. */
interface SaveMark {
  savedAt: string;
  state: string;
}

/** What the autosave writes: the mark of the settings and results, and the project file's text. */
export interface AutosaveContent {
  state: string;
  text: string;
}

/** An autosave waiting to be recovered or discarded; `savedAt` is null when its time is unreadable. */
export interface PendingAutosave {
  savedAt: Date | null;
  text: string;
}

function readMark(storage: KeyValueStorage, key: string): SaveMark | null {
  try {
    const mark = JSON.parse(storage.getItem(key) ?? 'null') as Partial<SaveMark> | null;
    return typeof mark?.savedAt === 'string' && typeof mark.state === 'string' ? { savedAt: mark.savedAt, state: mark.state } : null;
  } catch {
    return null;
  }
}

/** The autosave written after the last explicit save or open, if there is one. */
export function pendingAutosave(storage: KeyValueStorage): PendingAutosave | null {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return null;
  const meta = readMark(storage, AUTOSAVE_META_KEY);
  const last = readMark(storage, LAST_SAVE_KEY);
  const savedAt = meta ? new Date(meta.savedAt) : null;
  const valid = savedAt !== null && !Number.isNaN(savedAt.getTime());
  // A damaged record is still offered: only the user may throw work away.
  if (valid && last && (Date.parse(last.savedAt) >= savedAt.getTime() || last.state === meta!.state)) return null;
  return { savedAt: valid ? savedAt : null, text };
}

/**
 * Writes the autosave made at `now`; a project just saved or opened explicitly needs none, so
 * then the autosave is dropped. Answers false when the storage refused it (full).
 */
export function writeAutosave(storage: KeyValueStorage, content: AutosaveContent, now: Date): boolean {
  if (readMark(storage, LAST_SAVE_KEY)?.state === content.state) {
    discardAutosave(storage);
    return true;
  }
  try {
    storage.setItem(AUTOSAVE_KEY, content.text);
    storage.setItem(AUTOSAVE_META_KEY, JSON.stringify({ savedAt: now.toISOString(), state: content.state }));
    return true;
  } catch {
    // Half an autosave is no autosave: drop what was written.
    discardAutosave(storage);
    return false;
  }
}

/** Records an explicit save or open of `state` (the settings' and results' mark) at `now`; older autosaves are no longer offered. */
export function markSaved(storage: KeyValueStorage, state: string, now: Date): void {
  storage.setItem(LAST_SAVE_KEY, JSON.stringify({ savedAt: now.toISOString(), state }));
  discardAutosave(storage);
}

/** Forgets the autosave (once recovered or discarded). */
export function discardAutosave(storage: KeyValueStorage): void {
  storage.removeItem(AUTOSAVE_KEY);
  storage.removeItem(AUTOSAVE_META_KEY);
}

export interface AutosaverOptions {
  /** Calls its argument after every change; answers the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  save(): void;
  /** Quiet time after a change before it is saved, ms. */
  delay: number;
  /** Longest a change waits while changes keep coming, ms. */
  maxWait: number;
}

/** Saves after changes, debounced with a longest wait; `flush` saves a pending change now. */
export function createAutosaver({ subscribe, save, delay, maxWait }: AutosaverOptions): { flush(): void; stop(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let longest: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(longest);
    longest = undefined;
    if (!dirty) return;
    dirty = false;
    save();
  };
  const unsubscribe = subscribe(() => {
    dirty = true;
    clearTimeout(quiet);
    quiet = setTimeout(flush, delay);
    longest ??= setTimeout(flush, maxWait);
  });
  return {
    flush,
    stop() {
      unsubscribe();
      clearTimeout(quiet);
      clearTimeout(longest);
    },
  };
}
