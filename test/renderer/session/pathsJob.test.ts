// The paths job of the session, over in-process training and a real analysis worker thread:
// θ* of the Iris example to its symmetry image and to the run with the next seed, cancelling,
// refusing without an endpoint, and the one-click plane through three points.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { surfaceMarkers } from '../../../renderer/landscape/markers.js';
import { createSession, type Session } from '../../../renderer/session/session.js';
import { defaultProject, type AnalysisSettings, type ProjectState } from '../../../renderer/state/project.js';
import { withAnalysisWorkers } from './inProcessClients.js';

const { clients, close } = withAnalysisWorkers();
afterAll(close);

function project(analysis: Partial<AnalysisSettings> = {}): ProjectState {
  const p = defaultProject();
  return { ...p, train: { ...p.train, epochs: 60 }, landscape: { ...p.landscape, resolution: 9 }, analysis: { ...p.analysis, symmetry: 'permute-reverse', ...analysis } };
}

async function trained(): Promise<Session> {
  const session = createSession(clients());
  session.train(project());
  await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
  return session;
}

const paths = (session: Session) => session.store.getState().paths;

describe('the paths job', () => {
  it('θ* to its symmetry image: three paths, then the plane through θ*, the image and the control point', async () => {
    const session = await trained();
    session.computePaths(project());
    await vi.waitFor(() => expect(paths(session)?.status).toBe('error'));
    expect(paths(session)?.error).toMatch(/apply a symmetry first/);

    session.applySymmetry(project());
    await vi.waitFor(() => expect(session.store.getState().symmetry?.status).toBe('ready'), { timeout: 20_000 });
    session.computePaths(project());
    expect(paths(session)?.status).toBe('running');
    await vi.waitFor(() => expect(paths(session)?.status).toBe('ready'), { timeout: 30_000 });
    const { report, endLabel } = paths(session)!;
    expect(endLabel).toBe('θ*’s symmetry image');
    expect(report!.linear.t).toHaveLength(41);
    expect(report!.linear.barrier).toBeGreaterThan(0.2);
    expect(report!.aligned.barrier).toBeLessThan(1e-12);
    expect(report!.curve.barrier).toBeLessThan(report!.linear.barrier / 10);

    session.slicePathsPlane(project());
    const surface = session.store.getState().surface!;
    expect(surface.plane?.label).toMatch(/^plane through θ\* \(0, 0\), θ\*’s symmetry image \(1, 0\), Bezier control point \(0\.\d\d, \d\.\d\d\)$/);
    expect(surfaceMarkers(surface, null).map((m) => [m.kind, m.label])).toEqual([
      ['image', 'θ*’s symmetry image'],
      ['third', 'Bezier control point'],
    ]);
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const { alpha, beta, loss } = session.store.getState().surface!;
    expect(alpha[0]).toBeLessThan(0);
    expect(alpha.at(-1)).toBeGreaterThan(1);
    expect(beta.at(-1)).toBeGreaterThan(surface.plane!.third!.beta);
    expect(loss.every(Number.isFinite)).toBe(true);

    // The aligned endpoint is θ* itself here: no plane, and the slice does nothing.
    session.slicePathsPlane(project({ planeThird: 'aligned' }));
    expect(session.store.getState().surface?.id).toBe(surface.id);
  }, 90_000);

  it('θ* to the run with the next seed: trains it first, alignment lowers the barrier; cancel stops it', async () => {
    const session = await trained();
    session.computePaths(project({ pathEnd: 'seed' }));
    await vi.waitFor(() => expect(paths(session)?.stage).toBe('train'), { timeout: 10_000 });
    session.cancelPaths();
    expect(paths(session)?.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(paths(session)?.status).toBe('cancelled');

    session.computePaths(project({ pathEnd: 'seed' }));
    await vi.waitFor(() => expect(paths(session)?.status).toBe('ready'), { timeout: 30_000 });
    const { report, endLabel } = paths(session)!;
    expect(endLabel).toBe('the run with seed 1');
    expect(report!.linear.barrier).toBeGreaterThan(3 * report!.aligned.barrier);
    expect(report!.curve.barrier).toBeLessThan(report!.aligned.barrier);
    expect('third' in report!.planes.aligned).toBe(true);
  }, 90_000);
});
