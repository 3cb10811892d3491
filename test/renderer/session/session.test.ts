import { describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../renderer/session/session.js';
import { defaultProject, type ProjectState } from '../../../renderer/state/project.js';
import { inProcessClients } from './inProcessClients.js';

/** The lecture's Iris example with a small grid. */
function project(patch: Partial<ProjectState['landscape']> = {}): ProjectState {
  const p = defaultProject();
  return { ...p, train: { ...p.train, epochs: 60 }, landscape: { ...p.landscape, resolution: 9, ...patch } };
}

describe('the session', () => {
  it('trains, then computes the surface around θ* with the projected path', async () => {
    const session = createSession(inProcessClients());
    const p = project();
    session.train(p);
    expect(session.store.getState().training?.status).toBe('running');
    await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    const run = session.store.getState().training!;
    expect(run.step).toBe(60);
    expect(run.history.at(-1)!.epoch).toBe(60);
    expect(run.run?.status).toBe('done');

    session.computeSurface(p);
    expect(session.store.getState().surface?.status).toBe('preparing');
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const surface = session.store.getState().surface!;
    expect(surface.rowsComputed).toBe(9);
    expect(Array.from(surface.alpha)).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
    expect(surface.loss.every(Number.isFinite)).toBe(true);
    // The grid's centre is θ* itself: the run's final loss.
    expect(surface.loss[4 * 9 + 4]).toBeCloseTo(run.history.at(-1)!.loss, 10);
    expect(surface.trajectory.length).toBe(run.run!.trajectory.steps.length);
    expect(surface.trajectory.at(-1)!.alpha).toBeCloseTo(0, 10);
  }, 60_000);

  it('fits PCA axes to the path, and cancels a scan at once', async () => {
    const session = createSession(inProcessClients());
    session.train(project());
    await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });

    session.computeSurface(project({ directions: 'pca', autoRange: true, resolution: 7 }));
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const pca = session.store.getState().surface!;
    const alphas = pca.trajectory.map((t) => t.alpha);
    expect(pca.alpha[0]).toBeLessThan(Math.min(...alphas));
    expect(pca.alpha.at(-1)).toBeGreaterThan(Math.max(...alphas));
    expect(pca.info?.explainedVarianceRatio?.length).toBe(2);

    session.computeSurface(project({ resolution: 51 }));
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('scanning'));
    session.cancelSurface();
    const cancelled = session.store.getState().surface!;
    expect(cancelled.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.store.getState().surface!.rowsComputed).toBe(cancelled.rowsComputed);
    expect(cancelled.rowsComputed).toBeLessThan(51);
  }, 60_000);

  it('compares a variant with the current run on one grid, reusing the run already trained', async () => {
    const session = createSession(inProcessClients());
    const p = { ...project(), compare: { variant: 'lr-down' } };
    session.train(p);
    await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    const trained = session.store.getState().training!;

    session.compare(p);
    await vi.waitFor(() => expect(session.store.getState().compare?.status).toBe('ready'), { timeout: 30_000 });
    const { sides } = session.store.getState().compare!;
    expect(sides[0].training).toBe(trained);
    expect(sides[1].training?.recipe.optimizer.lr).toBeCloseTo(0.05);
    expect(sides.map((s) => s.label)).toEqual(['learning rate: 0.5', 'learning rate: 0.05']);
    expect(Array.from(sides[1].surface!.alpha)).toEqual(Array.from(sides[0].surface!.alpha));
    // A smaller step size leaves the run higher up.
    expect(sides[1].training!.history.at(-1)!.loss).toBeGreaterThan(sides[0].training!.history.at(-1)!.loss);
  }, 60_000);
});
