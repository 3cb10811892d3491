import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isContainer } from '../../../engine/io/container.js';
import { projectFileBytes, projectFileOf, projectFileText, readProjectFile, runFileOf, type ProjectFile, type RunFile } from '../../../engine/io/index.js';
import { buildLayout, mlp, toStateDict } from '../../../engine/nn/index.js';
import { createRng } from '../../../engine/random.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import {
  AUTOSAVE_KEY,
  AUTOSAVE_META_KEY,
  autosaveNote,
  createAutosaver,
  discardAutosave,
  markSaved,
  pendingAutosave,
  writeAutosave,
  type AutosaveRecord,
  type AutosaveStore,
  type KeyValueStorage,
} from '../../../renderer/io/autosave.js';

/** What Chromium 156's localStorage holds per origin, keys and values together: 5 Mi UTF-16 characters (measured: one value of 5,241,856 fits, with its key). */
const LOCAL_STORAGE_CHARS = 5 * 1024 * 1024;

/** localStorage over a Map; `limit` characters make it refuse writes as a full storage does. */
function memoryStorage(limit = LOCAL_STORAGE_CHARS): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem(key, value) {
      const used = [...map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
      if (used + key.length + value.length > limit) throw new DOMException('quota exceeded', 'QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
  };
}

/** The binary store over a variable; a record over `limit` bytes is refused as IndexedDB refuses one past its quota. */
function memoryStore(limit = Infinity): AutosaveStore & { record?: AutosaveRecord; puts: number } {
  const store = {
    record: undefined as AutosaveRecord | undefined,
    puts: 0,
    get: async () => store.record && { ...store.record, bytes: store.record.bytes.slice() },
    async put(record: AutosaveRecord) {
      store.puts++;
      if (record.bytes.length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      store.record = { ...record, bytes: record.bytes.slice() };
    },
    delete: async () => void (store.record = undefined),
  };
  return store;
}

const at = (time: string) => new Date(`2025-03-04T${time}Z`);
const settings = (epochs: number) => JSON.stringify({ train: { epochs } });
const project = (epochs: number, runs: RunFile[] = []) => projectFileOf({ state: { train: { epochs } }, runs, savedAt: at('10:00:00') });
/** A project with no stand-ins. */
const content = (epochs: number) => ({ state: settings(epochs), tiers: [{ keeps: 'the project', file: () => project(epochs) }] });

describe('pendingAutosave', () => {
  it('offers nothing when nothing was autosaved', async () => {
    expect(await pendingAutosave(memoryStorage(), memoryStore())).toBeNull();
  });

  it('offers an autosave when nothing was saved explicitly, with its time and project, in the binary form', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    expect(await writeAutosave(storage, store, content(77), at('10:05:00'))).toEqual({ keeps: 'the project', refused: null });
    const pending = (await pendingAutosave(storage, store))!;
    expect(pending.savedAt).toEqual(at('10:05:00'));
    expect(isContainer(pending.data as Uint8Array)).toBe(true);
    expect(readProjectFile(pending.data).state).toEqual({ train: { epochs: 77 } });
    // localStorage holds no project.
    expect(storage.map.size).toBe(0);
  });

  it('offers an autosave newer than the last explicit save, and none older', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    await markSaved(storage, store, settings(10), at('10:00:00'));
    await writeAutosave(storage, store, content(77), at('10:05:00'));
    expect((await pendingAutosave(storage, store))?.savedAt).toEqual(at('10:05:00'));
    await markSaved(storage, store, settings(77), at('10:06:00'));
    expect(await pendingAutosave(storage, store)).toBeNull();
    expect(store.record).toBeUndefined();
  });

  it('writes no autosave of the settings just saved (a change saved before the debounce fired)', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    await markSaved(storage, store, settings(10), at('10:00:00'));
    expect(await writeAutosave(storage, store, content(10), at('10:00:01'))).toEqual({ keeps: null, refused: null });
    expect(store.puts).toBe(0);
    expect(await pendingAutosave(storage, store)).toBeNull();
  });

  it('drops an autosave whose project was saved explicitly while it was being written', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    const writing = writeAutosave(storage, store, content(77), at('10:05:00'));
    await markSaved(storage, store, settings(77), at('10:05:01'));
    expect(await writing).toEqual({ keeps: null, refused: null });
    expect(store.record).toBeUndefined();
  });

  it('offers an older Losscape’s JSON-text autosave in localStorage, and its time', async () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, projectFileText(project(55)));
    storage.setItem(AUTOSAVE_META_KEY, JSON.stringify({ savedAt: at('09:00:00').toISOString(), state: settings(55) }));
    const pending = (await pendingAutosave(storage, memoryStore()))!;
    expect(pending.savedAt).toEqual(at('09:00:00'));
    expect(typeof pending.data).toBe('string');
    expect(readProjectFile(pending.data).state).toEqual({ train: { epochs: 55 } });
  });

  it('still offers a damaged autosave (only the user throws work away), its time unknown if that is damaged too', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    storage.setItem(AUTOSAVE_KEY, '{"format":"losscape.project/1","sav');
    storage.setItem(AUTOSAVE_META_KEY, '{oops');
    const pending = (await pendingAutosave(storage, store))!;
    expect(pending.savedAt).toBeNull();
    expect(() => readProjectFile(pending.data)).toThrow(/truncated or corrupt/);
    // Reading it changed nothing: it is still there until discarded.
    expect((await pendingAutosave(storage, store))?.data).toBe(pending.data);
    await discardAutosave(storage, store);
    expect(await pendingAutosave(storage, store)).toBeNull();
    // A damaged binary record too.
    store.record = { savedAt: at('10:00:00').toISOString(), state: '', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0]) };
    const damaged = (await pendingAutosave(storage, store))!.data;
    expect(() => readProjectFile(damaged)).toThrow(/damaged or truncated archive/);
  });
});

describe('writeAutosave', () => {
  // A 784 → 256 → 256 → 10 run (P = 269,322) with its path of 3 snapshots: its JSON is too long for localStorage.
  const spec = mlp(784, [256, 256], 10, { activation: 'relu', loss: 'softmax-ce' });
  const layout = buildLayout(spec);
  const rng = createRng(14, 'autosave test');
  const vector = () => Float64Array.from({ length: layout.size }, () => rng.normal() * 0.05);
  const recipe = presetRecipe('seed-iris');
  recipe.epochs = 1;
  const { trainer } = startRun(recipe);
  while (trainer.advance(100));
  const theta = vector();
  const large: RunFile = {
    ...runFileOf(recipe, trainer),
    spec,
    layout: layout.entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
    params: toStateDict(layout, theta),
    trajectory: { steps: [0, 5, 10], params: [vector(), vector(), theta].map((p) => Array.from(p)) },
  };
  /** The app's tiers: the project with the large run (and a surface's worth more), the settings and run, the settings. */
  const tiers = (full: ProjectFile) => [
    { keeps: 'the project', file: () => full },
    { keeps: 'the settings and the run', file: () => project(30, [large]) },
    { keeps: 'the settings', file: () => project(30) },
  ];
  const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer).equals(Buffer.from(Float64Array.from(b).buffer));

  it('keeps a 269k-parameter run, whose JSON localStorage cannot hold, in the binary store, and recovers it bit for bit', async () => {
    expect(layout.size).toBe(269_322);
    const full = project(30, [large]);
    const text = projectFileText(full);
    expect(text.length).toBeGreaterThan(LOCAL_STORAGE_CHARS);
    // What the old autosave met: localStorage refuses it.
    expect(() => memoryStorage().setItem(AUTOSAVE_KEY, text)).toThrow(/quota/);

    const storage = memoryStorage();
    const store = memoryStore();
    expect(await writeAutosave(storage, store, { state: settings(30), tiers: tiers(full) }, at('11:00:00'))).toEqual({ keeps: 'the project', refused: null });
    // Raw float64: 4 vectors of P; the JSON text is over 2.5× as long.
    expect(store.record!.bytes.length / (8 * 4 * layout.size)).toBeLessThan(1.05);
    expect(text.length / store.record!.bytes.length).toBeGreaterThan(2.5);
    const recovered = readProjectFile((await pendingAutosave(storage, store))!.data);
    expect(sameBits(recovered.runs[0].params['layers.2.weight'].data, large.params['layers.2.weight'].data)).toBe(true);
    expect(sameBits(recovered.runs[0].trajectory!.params.flat(), large.trajectory!.params.flat())).toBe(true);
    expect(JSON.stringify(recovered)).toBe(JSON.stringify(readProjectFile(text)));
  });

  it('gives way to the settings and run, then the settings, when the store refuses, and says so', async () => {
    const full = projectFileOf({ state: { train: { epochs: 30 } }, runs: [large, large], savedAt: at('10:00:00') });
    const fullBytes = projectFileBytes(full).length;
    const mb = (fullBytes / 1e6).toFixed(1);
    // Two runs of 4 vectors of P, as raw float64.
    expect(fullBytes / (8 * 8 * layout.size)).toBeLessThan(1.05);
    const storage = memoryStorage();
    // Room for one run, not two.
    const store = memoryStore(fullBytes * 0.75);
    const report = await writeAutosave(storage, store, { state: settings(30), tiers: tiers(full) }, at('11:00:00'));
    expect(report).toEqual({ keeps: 'the settings and the run', refused: { bytes: fullBytes, reason: 'The quota has been exceeded.' } });
    expect(readProjectFile(store.record!.bytes).runs).toHaveLength(1);
    expect(autosaveNote(report)).toBe(`autosave keeps the settings and the run only: the project (${mb} MB) is larger than the browser’s storage allows; save the project to a file`);

    const small = memoryStore(10_000);
    const settingsOnly = await writeAutosave(storage, small, { state: settings(30), tiers: tiers(full) }, at('11:00:00'));
    expect(settingsOnly.keeps).toBe('the settings');
    expect(small.puts).toBe(3);
    expect(readProjectFile(small.record!.bytes).runs).toEqual([]);
    expect(autosaveNote(settingsOnly)).toBe(`autosave keeps the settings only: the project (${mb} MB) is larger than the browser’s storage allows; save the project to a file`);
  });

  it('keeps nothing, not even an older autosave, when the store refuses everything, and says so', async () => {
    const storage = memoryStorage();
    const store = memoryStore();
    await writeAutosave(storage, store, content(10), at('10:00:00'));
    const refusing = Object.assign(store, { put: () => Promise.reject(new DOMException('IndexedDB is off', 'UnknownError')) });
    const report = await writeAutosave(storage, refusing, content(11), at('10:01:00'));
    expect(report).toEqual({ keeps: null, refused: { bytes: expect.any(Number), reason: 'IndexedDB is off' } });
    expect(autosaveNote(report)).toBe('autosave is off: the browser’s storage refused even the settings (IndexedDB is off); save the project to a file');
    expect(await pendingAutosave(storage, store)).toBeNull();
    expect(autosaveNote({ keeps: 'the project', refused: null })).toBeNull();
  });

  it('copies a small project to localStorage at once as the page goes away, and the store’s record wins once it lands', async () => {
    const storage = memoryStorage();
    let land = () => undefined as void;
    const store = memoryStore();
    const put = store.put;
    store.put = (record) => new Promise((resolve) => (land = () => void put(record).then(resolve)));
    const writing = writeAutosave(storage, store, content(42), at('10:07:00'), true);
    // Before the store answers (the page is gone by then): the text copy is there.
    const pending = (await pendingAutosave(storage, store))!;
    expect(pending.savedAt).toEqual(at('10:07:00'));
    expect(readProjectFile(pending.data).state).toEqual({ train: { epochs: 42 } });
    land();
    await writing;
    expect((await pendingAutosave(storage, store))?.data).toBeInstanceOf(Uint8Array);
    // A large project gets no text copy: it would not fit.
    const big = memoryStorage();
    await writeAutosave(big, memoryStore(), { state: settings(30), tiers: tiers(project(30, [large])) }, at('10:08:00'), true);
    expect(big.map.size).toBe(0);
  });
});

describe('createAutosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save = vi.fn<(leaving: boolean) => Promise<void> | void>()) {
    const listeners = new Set<() => void>();
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
    expect(save).toHaveBeenCalledExactlyOnceWith(false);
    vi.advanceTimersByTime(10_000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('saves at least every maxWait while changes keep coming', async () => {
    const { change, save } = setup();
    for (let t = 0; t < 12_000; t += 500) {
      change();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('saves one at a time: a change during a slow save is saved after it', async () => {
    let finish = () => undefined as void;
    const { change, save } = setup(vi.fn(() => new Promise<void>((resolve) => (finish = resolve))));
    change();
    vi.advanceTimersByTime(1000);
    change();
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledOnce();
    finish();
    await vi.advanceTimersByTimeAsync(0);
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

  it('saves at once as the page goes away, even during a save, and not when all is saved', () => {
    const { change, save, autosaver } = setup(vi.fn(() => new Promise<void>(() => undefined)));
    autosaver.leave();
    expect(save).not.toHaveBeenCalled();
    change();
    vi.advanceTimersByTime(1000);
    autosaver.leave();
    expect(save.mock.calls).toEqual([[false], [true]]);
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
