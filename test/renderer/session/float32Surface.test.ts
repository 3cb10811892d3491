// The app's float32 preview: the Landscape section's precision goes into the surface request
// (float64 requests stay as they were, with no precision field), the surface is computed on the
// single-precision kernels within 1e-4 relative of the float64 one (float32 rounding, 2⁻²⁴,
// over sums of a few dozen terms: about 1e-6 at worst; the bound is the engine's float32 tests'),
// and the job, its saved surface file, the project reopened from it and the file opened alone all
// say float32.
import { describe, expect, it, vi } from 'vitest';
import { projectFileText, readProjectFile } from '../../../engine/io/projectFile.js';
import { projectFileToSave, showProjectFile } from '../../../renderer/io/openProject.js';
import { showOpenedSurface } from '../../../renderer/io/openSurface.js';
import { surfacePrecision } from '../../../renderer/landscape/surfacePrecision.js';
import { createSession } from '../../../renderer/session/session.js';
import { defaultProject, surfaceRequestOf, type LandscapeSettings } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';
import { createStore } from '../../../renderer/state/store.js';
import { surfaceFileOfScan } from '../../../workers/export.js';
import { inProcessClients } from './inProcessClients.js';

const fresh = () => ({ project: createStore(projectReducer, defaultProject()), session: createSession(inProcessClients()) });

describe('float32 surfaces in the app', () => {
  it('asks for float32 only when chosen', () => {
    const landscape = defaultProject().landscape;
    expect('precision' in surfaceRequestOf(landscape)).toBe(false);
    expect(surfaceRequestOf({ ...landscape, precision: 'float32' }).precision).toBe('float32');
  });

  it('computes a float32 surface close to float64’s, labelled float32 in the job, the saved file and the reopened project', async () => {
    const app = fresh();
    const base = defaultProject();
    app.project.dispatch({ type: 'load', state: { ...base, train: { ...base.train, epochs: 20 }, landscape: { ...base.landscape, resolution: 7 } } });
    app.session.train(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    const compute = async (landscape: Partial<LandscapeSettings>) => {
      app.session.computeSurface({ ...app.project.getState(), landscape: { ...app.project.getState().landscape, ...landscape } });
      await vi.waitFor(() => {
        const job = app.session.store.getState().surface;
        expect(job?.status, job?.error ?? '').toBe('ready');
      }, { timeout: 20_000 });
      return app.session.store.getState().surface!;
    };
    const f64 = await compute({});
    expect(surfacePrecision(f64)).toBe('float64');
    const f32 = await compute({ precision: 'float32' });
    expect(surfacePrecision(f32)).toBe('float32');
    const worst = Math.max(...f32.loss.map((v, k) => Math.abs(v - f64.loss[k]) / f64.loss[k]));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-4);

    app.project.dispatch({ type: 'set', section: 'landscape', patch: { precision: 'float32' } });
    const saved = await projectFileToSave(app, async (scan) => surfaceFileOfScan(scan), new Date('2025-05-02T10:00:00Z'));
    expect(saved.surfaces[0].precision).toBe('float32');
    const opened = fresh();
    showProjectFile(opened, readProjectFile(projectFileText(saved)));
    expect(surfacePrecision(opened.session.store.getState().surface!)).toBe('float32');
    expect(opened.project.getState().landscape.precision).toBe('float32');
    // A surface file opened on its own says float32 whatever the Landscape section is set to.
    const viewer = fresh();
    showOpenedSurface(viewer, saved.surfaces[0], 'preview.json');
    expect(viewer.project.getState().landscape.precision).toBeUndefined();
    expect(surfacePrecision(viewer.session.store.getState().surface!)).toBe('float32');
  }, 60_000);
});
