import { describe, expect, it, vi } from 'vitest';
import { createStore, createValueStore } from '../../../renderer/state/store.js';

describe('the tiny store', () => {
  it('notifies subscribers after a change, not after a no-op', () => {
    const store = createStore((n: number, by: number) => n + by, 1);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch(2);
    expect(store.getState()).toBe(3);
    store.dispatch(0);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.dispatch(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('updates a value store with functions of the state', () => {
    const store = createValueStore({ count: 0 });
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState().count));
    store.update((s) => ({ count: s.count + 1 }));
    store.update((s) => s);
    expect(seen).toEqual([1]);
  });
});
