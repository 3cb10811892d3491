import { describe, expect, it, vi } from 'vitest';
import { runStateOf, type RunFile } from '../../../engine/io/runFile.js';
import { surfaceFileFrom } from '../../../engine/io/surfaceFile.js';
import { projectTrajectory, type TrajectoryPoint } from '../../../engine/landscape/surface.js';
import { scanOf } from '../../../renderer/io/scannedSurface.js';
import { createSession, type Session } from '../../../renderer/session/session.js';
import type { SurfaceJob } from '../../../renderer/session/types.js';
import { defaultProject, surfaceRequestOf, type LandscapeSettings, type ProjectState } from '../../../renderer/state/project.js';
import { landscapeEndpoint } from '../../../workers/landscape.js';
import { surfaceFileOfScan } from '../../../workers/export.js';
import { inProcessClients } from './inProcessClients.js';

/** The lecture's Iris example with a small grid. */
function project(patch: Partial<ProjectState['landscape']> = {}): ProjectState {
  const p = defaultProject();
  return { ...p, train: { ...p.train, epochs: 60 }, landscape: { ...p.landscape, resolution: 9, ...patch } };
}

/** The projected path as the landscape worker computed it in one piece before the pool shared it out: the reference, bit for bit. */
function pathInOneThread(run: RunFile, settings: LandscapeSettings): TrajectoryPoint[] {
  const { plan } = landscapeEndpoint.prepareSurface(run, surfaceRequestOf(settings));
  return projectTrajectory(plan, runStateOf(run).trajectory!);
}

/** Every state the session’s surface job passes through from now on (the list fills in as they come). */
function surfaceStates(session: Session): SurfaceJob[] {
  const seen: SurfaceJob[] = [];
  session.store.subscribe(() => {
    const job = session.store.getState().surface;
    if (job && job !== seen.at(-1)) seen.push(job);
  });
  return seen;
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

    const states = surfaceStates(session);
    session.computeSurface(p);
    expect(session.store.getState().surface?.status).toBe('preparing');
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const surface = session.store.getState().surface!;
    expect(surface.rowsComputed).toBe(9);
    expect(Array.from(surface.alpha)).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
    expect(surface.loss.every(Number.isFinite)).toBe(true);
    // The grid's centre is θ* itself: the run's final loss.
    expect(surface.loss[4 * 9 + 4]).toBeCloseTo(run.history.at(-1)!.loss, 10);
    // The pool computed the path's losses after the rows: the same numbers as in one thread.
    const reference = pathInOneThread(run.run!, p.landscape);
    expect(reference.length).toBe(run.run!.trajectory.steps.length);
    expect(surface.trajectory).toEqual(reference);
    expect(surface.trajectory.at(-1)!.alpha).toBeCloseTo(0, 10);
    expect(surface.trajectory.at(-1)!.loss).toBeCloseTo(surface.loss[4 * 9 + 4], 12);

    // The path is there from the first row on (step, α, β, distance), its losses unknown (NaN) until the scan ends.
    const scanning = states.filter((job) => job.status === 'scanning');
    expect(scanning[0].rowsComputed).toBe(0);
    for (const job of scanning) {
      expect(job.trajectory.map(({ step, alpha, beta, distance }) => ({ step, alpha, beta, distance }))).toEqual(reference.map(({ step, alpha, beta, distance }) => ({ step, alpha, beta, distance })));
      expect(job.trajectory.every((point) => Number.isNaN(point.loss) && Number.isNaN(point.planeLoss))).toBe(true);
    }
    expect(scanning.at(-1)!.rowsComputed).toBe(9);
    // Only the finished surface goes into files, with the losses; its file reads back as it is.
    expect(scanOf(run, scanning.at(-1)!)).toBeNull();
    const file = surfaceFileOfScan(scanOf(run, surface)!);
    expect(surfaceFileFrom(JSON.parse(JSON.stringify(file))).trajectory).toEqual(reference);
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
    expect(pca.trajectory).toEqual(pathInOneThread(session.store.getState().training!.run!, project({ directions: 'pca', autoRange: true, resolution: 7 }).landscape));

    session.computeSurface(project({ resolution: 51 }));
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('scanning'));
    session.cancelSurface();
    const cancelled = session.store.getState().surface!;
    expect(cancelled.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.store.getState().surface!.rowsComputed).toBe(cancelled.rowsComputed);
    expect(cancelled.rowsComputed).toBeLessThan(51);
    // A cancelled scan keeps the path's projection, without the losses it never computed.
    expect(cancelled.trajectory.length).toBe(pca.trajectory.length);
    expect(cancelled.trajectory.every((point) => Number.isFinite(point.alpha) && Number.isFinite(point.beta) && Number.isNaN(point.loss))).toBe(true);
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
    // Each side's path has its own run's losses, as in one thread.
    for (const side of sides) expect(side.surface!.trajectory).toEqual(pathInOneThread(side.training!.run!, p.landscape));
    expect(sides[1].surface!.trajectory.at(-1)!.loss).not.toBe(sides[0].surface!.trajectory.at(-1)!.loss);
    // A smaller step size leaves the run higher up.
    expect(sides[1].training!.history.at(-1)!.loss).toBeGreaterThan(sides[0].training!.history.at(-1)!.loss);
  }, 60_000);
});
