import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile } from '../../../engine/io/projectFile.js';
import {
  AUTOSAVE_KEY,
  AUTOSAVE_META_KEY,
  createAutosaver,
  discardAutosave,
  markSaved,
  pendingAutosave,
  writeAutosave,
  type KeyValueStorage,
} from '../../../renderer/io/autosave.js';

/** localStorage over a Map; `limit` characters make it refuse writes as a full storage does. */
function memoryStorage(limit = Infinity): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem(key, value) {
      const used = [...map].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
      if (used + value.length > limit) throw new DOMException('quota exceeded', 'QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
  };
}

const at = (time: string) => new Date(`2025-03-04T${time}Z`);
const settings = (epochs: number) => JSON.stringify({ train: { epochs } });
const content = (epochs: number) => ({ state: settings(epochs), text: projectFileText(projectFileOf({ state: { train: { epochs } }, savedAt: at('10:00:00') })) });

describe('pendingAutosave', () => {
  it('offers nothing when nothing was autosaved', () => {
    expect(pendingAutosave(memoryStorage())).toBeNull();
  });

  it('offers an autosave when nothing was saved explicitly, with its time and project', () => {
    const storage = memoryStorage();
    writeAutosave(storage, content(77), at('10:05:00'));
    const pending = pendingAutosave(storage)!;
    expect(pending.savedAt).toEqual(at('10:05:00'));
    expect(readProjectFile(pending.text).state).toEqual({ train: { epochs: 77 } });
  });

  it('offers an autosave newer than the last explicit save, and none older', () => {
    const storage = memoryStorage();
    markSaved(storage, settings(10), at('10:00:00'));
    writeAutosave(storage, content(77), at('10:05:00'));
    expect(pendingAutosave(storage)?.savedAt).toEqual(at('10:05:00'));
    markSaved(storage, settings(77), at('10:06:00'));
    expect(pendingAutosave(storage)).toBeNull();
    expect(storage.map.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('writes no autosave of the settings just saved (a change saved before the debounce fired)', () => {
    const storage = memoryStorage();
    markSaved(storage, settings(10), at('10:00:00'));
    expect(writeAutosave(storage, content(10), at('10:00:01'))).toBe(true);
    expect(pendingAutosave(storage)).toBeNull();
  });

  it('still offers a damaged autosave (only the user throws work away), its time unknown if that is damaged too', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"format":"losscape.project/1","sav');
    storage.setItem(AUTOSAVE_META_KEY, '{oops');
    const pending = pendingAutosave(storage)!;
    expect(pending.savedAt).toBeNull();
    expect(() => readProjectFile(pending.text)).toThrow(/truncated or corrupt/);
    // Reading it changed nothing: it is still there until discarded.
    expect(pendingAutosave(storage)?.text).toBe(pending.text);
    discardAutosave(storage);
    expect(pendingAutosave(storage)).toBeNull();
  });

  it('answers false and leaves no half-written autosave when the storage is full', () => {
    const storage = memoryStorage(50);
    expect(writeAutosave(storage, content(77), at('10:05:00'))).toBe(false);
    expect(storage.map.size).toBe(0);
    expect(pendingAutosave(storage)).toBeNull();
  });
});

describe('createAutosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const listeners = new Set<() => void>();
    const save = vi.fn();
    const autosaver = createAutosaver({ subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), save, delay: 1000, maxWait: 5000 });
    return { change: () => listeners.forEach((l) => l()), save, autosaver, listeners };
  }

  it('saves once, a quiet second after a burst of changes', () => {
    const { change, save } = setup();
    change();
    vi.advanceTimersByTime(500);
    change();
    vi.advanceTimersByTime(999);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10_000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('saves at least every maxWait while changes keep coming', () => {
    const { change, save } = setup();
    for (let t = 0; t < 12_000; t += 500) {
      change();
      vi.advanceTimersByTime(500);
    }
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('flushes a pending change at once, and nothing when nothing changed', () => {
    const { change, save, autosaver } = setup();
    autosaver.flush();
    expect(save).not.toHaveBeenCalled();
    change();
    autosaver.flush();
    expect(save).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10_000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('stops listening and drops a pending save when stopped', () => {
    const { change, save, autosaver, listeners } = setup();
    change();
    autosaver.stop();
    vi.advanceTimersByTime(10_000);
    expect(save).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });
});
