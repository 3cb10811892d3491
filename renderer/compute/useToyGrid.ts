// React hook: ask the worker for a toy surface whenever the request changes.
import { useEffect, useMemo, useState } from 'react';
import type { GridAxes, ToyGrid, ToySurfaceName } from '../../engine/toy/surfaces.js';
import { toySurfaceClient } from './toySurfaceClient.js';

/** Where the evaluation of the current request stands. */
export interface ToyGridJob {
  status: 'computing' | 'ready' | 'error';
  /** The latest grid received; while computing, the previous request's grid (or null). */
  grid: ToyGrid | null;
  /** The worker's error message for the current request. */
  error: string | null;
}

interface Request {
  name: ToySurfaceName;
  axes: GridAxes;
}

interface Settled {
  request: Request;
  grid: ToyGrid | null;
  error: string | null;
}

/** Evaluates toy surface `name` on `axes` in the worker; answers to stale requests are dropped. */
export function useToyGrid(name: ToySurfaceName, axes: GridAxes): ToyGridJob {
  const request = useMemo<Request>(() => ({ name, axes }), [name, axes]);
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    let current = true;
    toySurfaceClient()
      .evaluate(request.name, request.axes)
      .then(
        (grid) => {
          if (current) setSettled({ request, grid, error: null });
        },
        (error: unknown) => {
          if (current) setSettled({ request, grid: null, error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [request]);

  if (settled?.request !== request) return { status: 'computing', grid: settled?.grid ?? null, error: null };
  if (settled.error !== null) return { status: 'error', grid: null, error: settled.error };
  return { status: 'ready', grid: settled.grid, error: null };
}
