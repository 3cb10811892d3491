// The critical-point job of the session, over in-process training and a real analysis worker
// thread: seed-iris-wd trained and refined becomes the current run at a minimum (with its
// spectrum, its marker and its surface), seed-iris without decay finds none and keeps θ*, and a
// search is cancelled by terminating its worker.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runStateOf } from '../../../engine/io/runFile.js';
import { surfaceMarkers } from '../../../renderer/landscape/markers.js';
import { CRITICAL_ITERATIONS } from '../../../renderer/session/criticalJob.js';
import { createSession, type Session } from '../../../renderer/session/session.js';
import { applyPreset, defaultProject, type ProjectState } from '../../../renderer/state/project.js';
import { withAnalysisWorkers } from './inProcessClients.js';

const { clients, close } = withAnalysisWorkers();
afterAll(close);

function project(preset: string, epochs: number): ProjectState {
  const p = applyPreset(defaultProject(), preset);
  return { ...p, train: { ...p.train, epochs }, landscape: { ...p.landscape, resolution: 9 } };
}

async function trained(p: ProjectState): Promise<Session> {
  const session = createSession(clients());
  session.train(p);
  await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
  return session;
}

describe('the critical-point job', () => {
  it('trains seed-iris-wd and refines θ* to a minimum, which becomes the current run, marked on its surface', async () => {
    const p = project('seed-iris-wd', 300);
    const session = createSession(clients());
    session.trainAndRefine(p);
    const firstRun = session.store.getState().training!;
    await vi.waitFor(() => expect(session.store.getState().critical?.status).toBe('ready'), { timeout: 60_000 });
    const { training, spectrum, critical, surface } = session.store.getState();
    expect(critical!.adopted).toBe(true);
    expect(critical!.report!.search).toMatchObject({ converged: true, method: 'saddle-free' });
    expect(critical!.report!.search.gradientNorm).toBeLessThanOrEqual(1e-10);
    // The refined run replaces the trained one: a new id, the point found as θ*, the training's history kept.
    expect(training!.id).not.toBe(firstRun.id);
    expect(training!.refined).toMatch(/^refined by saddle-free Newton to ‖∇L‖ = \d\.\d\de-1[0-9] in \d+ iterations$/);
    expect(training!.history).toEqual(firstRun.history);
    expect(Array.from(runStateOf(training!.run!).theta)).toEqual(Array.from(runStateOf(critical!.report!.run).theta));
    expect(critical!.trainingId).toBe(training!.id);
    expect(spectrum).toMatchObject({ status: 'ready', trainingId: training!.id });
    expect(spectrum!.report!.classification).toMatchObject({ kind: 'minimum', label: 'minimum', index: 0, critical: true });
    // trainAndRefine scans the surface through the minimum, and θ* is marked there as one.
    expect(surface?.trainingId).toBe(training!.id);
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    expect(surfaceMarkers(session.store.getState().surface, spectrum).map((m) => [m.kind, m.alpha, m.beta])).toEqual([['minimum', 0, 0]]);
  });

  it('finds no minimum on seed-iris without weight decay, says why, and leaves θ* as it was', async () => {
    const p = project('seed-iris', 300);
    const session = await trained(p);
    const before = session.store.getState().training!;
    session.refineCritical(p);
    const running = session.store.getState().critical!;
    expect(running).toMatchObject({ status: 'running', method: 'saddle-free', maxIterations: CRITICAL_ITERATIONS, adopted: false });
    await vi.waitFor(() => expect(session.store.getState().critical?.status).toBe('ready'), { timeout: 60_000 });
    const { critical, training } = session.store.getState();
    expect(critical!.report!.search.converged).toBe(false);
    expect(critical!.report!.search.message).toMatch(/may have no minimum at finite parameters .*add weight decay/);
    expect(critical!.adopted).toBe(false);
    expect(training).toBe(before);
  });

  it('cancels a search by terminating its worker; LM then finds the nearest critical point, a saddle, which becomes θ*', async () => {
    const p = project('seed-iris-wd', 300);
    const session = await trained(p);
    session.refineCritical(p);
    session.cancelCritical();
    expect(session.store.getState().critical?.status).toBe('cancelled');
    session.refineCritical({ ...p, analysis: { ...p.analysis, searchMethod: 'auto' } });
    await vi.waitFor(() => expect(session.store.getState().critical?.status).toBe('ready'), { timeout: 60_000 });
    const { critical, spectrum, surface } = session.store.getState();
    expect(critical!.report!.search).toMatchObject({ method: 'lm', converged: true });
    expect(critical!.adopted).toBe(true);
    const c = spectrum!.report!.classification;
    expect(c).toMatchObject({ kind: 'saddle', critical: true });
    expect(c.label).toBe(`saddle of index ${c.index}`);
    expect(c.index).toBeGreaterThan(0);
    // Without a surface before, none is computed after.
    expect(surface).toBeNull();
  });
});
