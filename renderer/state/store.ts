// A tiny external store: one state object, a reducer, and subscribers. React reads it with
// useSyncExternalStore through a selector, so a component re-renders only when its slice
// changes (the reducer keeps unchanged slices identical).

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A store whose state starts at `initial` and changes only through `reducer`. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A store changed by replacing or updating its state directly (for results that workers stream). */
export interface ValueStore<S> {
  getState(): S;
  update(change: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
}

/** A value store starting at `initial`. */
export function createValueStore<S>(initial: S): ValueStore<S> {
  const store = createStore<S, (state: S) => S>((state, change) => change(state), initial);
  return { getState: store.getState, update: store.dispatch, subscribe: store.subscribe };
}
