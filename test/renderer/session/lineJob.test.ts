import { describe, expect, it, vi } from 'vitest';
import { lineRequestOf } from '../../../renderer/session/lineJob.js';
import { createSession } from '../../../renderer/session/session.js';
import { defaultProject, type ProjectState } from '../../../renderer/state/project.js';
import { inProcessClients } from './inProcessClients.js';

function project(line: Partial<ProjectState['line']> = {}): ProjectState {
  const p = defaultProject();
  return { ...p, train: { ...p.train, epochs: 40 }, line: { ...p.line, slice: 'line', steps: 21, ...line } };
}

describe('line jobs in the session', () => {
  it('ask the worker for the plane’s first direction when the line runs along it', () => {
    const p = project({ path: 'direction', range: { min: -2, max: 2 } });
    expect(lineRequestOf(p)).toEqual({
      path: { kind: 'direction', directions: { kind: 'random', normalization: 'filter', ignore: 'biasbn', seed: 0 } },
      t: { min: -2, max: 2, count: 21 },
      split: 'train',
      norm: 'batch',
    });
    expect(lineRequestOf(project()).path).toEqual({ kind: 'interpolation' });
  });

  it('scan the interpolation θ₀ → θ* in streamed tiles: t = 0 and t = 1 have the run’s first and last losses', async () => {
    const session = createSession(inProcessClients());
    const p = project();
    session.train(p);
    await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    const seen = new Set<number>();
    const unsubscribe = session.store.subscribe(() => seen.add(session.store.getState().line?.done ?? -1));
    session.computeLine(p);
    expect(session.store.getState().line?.status).toBe('preparing');
    await vi.waitFor(() => expect(session.store.getState().line?.status).toBe('ready'), { timeout: 20_000 });
    unsubscribe();
    const line = session.store.getState().line!;
    const history = session.store.getState().training!.history;
    expect(line.done).toBe(21);
    expect(line.t[0]).toBe(-0.5);
    expect(line.t[5]).toBeCloseTo(0, 12);
    expect(line.t[15]).toBeCloseTo(1, 12);
    expect(line.loss[5]).toBeCloseTo(history[0].loss, 10);
    expect(line.loss[15]).toBeCloseTo(history.at(-1)!.loss, 10);
    expect(line.accuracy[15]).toBeCloseTo(history.at(-1)!.accuracy!, 10);
    // It filled in tile by tile (21 points in tiles of 2), not all at once.
    expect([...seen].filter((d) => d > 0 && d < 21).length).toBeGreaterThan(3);
  }, 60_000);

  it('cancel at once, and a new run clears the line', async () => {
    const session = createSession(inProcessClients());
    const p = project({ steps: 401 });
    session.train(p);
    await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    session.computeLine(p);
    await vi.waitFor(() => expect(session.store.getState().line?.status).toBe('scanning'));
    session.cancelLine();
    const cancelled = session.store.getState().line!;
    expect(cancelled.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.store.getState().line!.done).toBe(cancelled.done);
    expect(cancelled.done).toBeLessThan(401);
    session.train(p);
    expect(session.store.getState().line).toBeNull();
    session.stop();
  }, 60_000);
});
