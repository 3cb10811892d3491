// The app's preview on a subset of the samples: the surface and line jobs carry n, N and the
// standard errors, a project keeps them (they are part of its surface files), and the read-out
// and summary show them.
import { describe, expect, it, vi } from 'vitest';
import { projectFileText, readProjectFile } from '../../../engine/io/projectFile.js';
import { projectFileToSave, showProjectFile } from '../../../renderer/io/openProject.js';
import { errorSummary, valueText } from '../../../renderer/landscape/stdError.js';
import { createSession } from '../../../renderer/session/session.js';
import { defaultProject } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';
import { createStore } from '../../../renderer/state/store.js';
import { surfaceFileOfScan } from '../../../workers/export.js';
import { inProcessClients } from './inProcessClients.js';

const fresh = () => ({ project: createStore(projectReducer, defaultProject()), session: createSession(inProcessClients()) });

describe('surfaces and lines on a subset of the samples in the app', () => {
  it('computes a 40-sample preview with standard errors, saves and reopens it, then the full set has none', async () => {
    const app = fresh();
    const base = defaultProject();
    app.project.dispatch({ type: 'load', state: { ...base, train: { ...base.train, epochs: 20 }, landscape: { ...base.landscape, resolution: 7, samples: 40 } } });
    app.session.train(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    app.session.computeSurface(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const job = app.session.store.getState().surface!;
    expect(job.samples).toEqual({ n: 40, of: 150, seed: 0 });
    expect(job.lossStdError!.length).toBe(49);
    expect(job.lossStdError!.every((v, k) => v > 0 && v < job.loss[k])).toBe(true);

    const saved = await projectFileToSave(app, async (scan) => surfaceFileOfScan(scan), new Date('2025-05-02T10:00:00Z'));
    expect(saved.surfaces[0].samples).toEqual({ n: 40, of: 150, seed: 0 });
    expect(saved.surfaces[0].values.lossStdError!.flat()).toEqual(Array.from(job.lossStdError!));
    const opened = fresh();
    showProjectFile(opened, readProjectFile(projectFileText(saved)));
    const back = opened.session.store.getState().surface!;
    expect(back.samples).toEqual(job.samples);
    expect(back.lossStdError).toEqual(job.lossStdError);
    expect(opened.project.getState().landscape.samples).toBe(40);

    app.session.computeSurface({ ...app.project.getState(), landscape: { ...app.project.getState().landscape, samples: undefined } });
    await vi.waitFor(() => expect(app.session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const full = app.session.store.getState().surface!;
    expect(full.samples).toBeUndefined();
    expect(full.lossStdError).toBeUndefined();
    expect(full.loss.some((v, k) => v !== job.loss[k])).toBe(true);
  }, 60_000);

  it('the summary takes the largest and the median of the known errors; the read-out adds ± where one is known', () => {
    expect(errorSummary(Float64Array.of(0.3, NaN, 0.1, 0.2, 0.5))).toEqual({ largest: 0.5, typical: 0.25 });
    expect(errorSummary(Float64Array.of(NaN))).toBeNull();
    const errors = { alpha: Float64Array.of(0, 1), beta: Float64Array.of(0, 1), values: Float64Array.of(0.01, 0.02, 0.03, 0.04) };
    expect(valueText(0.4213, errors, 0.5, 0.5)).toBe('0.4213 ± 0.025');
    expect(valueText(0.4213, undefined, 0.5, 0.5)).toBe('0.4213');
    expect(valueText(0.4213, { ...errors, values: Float64Array.of(NaN, 0.02, 0.03, 0.04) }, 0.5, 0.5)).toBe('0.4213');
  });
});
