// Project files from the app: save → open gives back the identical settings, cameras, run (with
// the recipe that made it), surface and comparison, without training or scanning again; the
// autosave builds the same file at once from surface files written earlier; files saved before
// comparisons still open; damaged indices and cameras are refused, naming what is wrong,
// changing nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile, type JsonValue, type ProjectFile } from '../../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../../engine/io/surfaceFile.js';
import { projectFileNow, projectFileToSave, projectMark, showProjectFile } from '../../../renderer/io/openProject.js';
import { restoredJobs, resultsMark, resultsToSave } from '../../../renderer/io/projectResults.js';
import { createSession, type Session } from '../../../renderer/session/session.js';
import type { SessionState, SurfaceJob } from '../../../renderer/session/types.js';
import { defaultProject, recipeOf, type CameraView, type ProjectState } from '../../../renderer/state/project.js';
import { projectReducer, type ProjectAction } from '../../../renderer/state/reducer.js';
import { createStore, type Store } from '../../../renderer/state/store.js';
import { surfaceFileOfScan, type ScannedSurface } from '../../../workers/export.js';
import { inProcessClients, withAnalysisWorkers } from '../session/inProcessClients.js';

interface Services {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
}

const fresh = (): Services => ({ project: createStore(projectReducer, defaultProject()), session: createSession(inProcessClients()) });
const surfaceFile = async (scan: ScannedSurface) => surfaceFileOfScan(scan);
const savedAt = new Date('2025-05-02T10:00:00Z');

/** Hand-tuned views: the Landscape tab's from above-left, the comparison's zoomed in with the top preset's lens. */
const landscapeView: CameraView = { position: [-1.8, 3.1, 2.2], target: [0.2, 0.3, -0.1], fov: 38, zoom: 1 };
const compareView: CameraView = { position: [0.4, 6.5, 1.25], target: [0, 0.4, 0], fov: 19, zoom: 1.5 };

/** Loads the default project with 40 epochs and `changes`, and trains it to the end. */
async function trainIn({ project, session }: Services, changes: (base: ProjectState) => Partial<ProjectState>): Promise<void> {
  const base = defaultProject();
  project.dispatch({ type: 'load', state: { ...base, train: { ...base.train, epochs: 40 }, ...changes(base) } });
  session.train(project.getState());
  await vi.waitFor(() => expect(session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
}

/** A surface job's grid and values as plain arrays. */
const grid = (job: SurfaceJob | null) => job && { alpha: Array.from(job.alpha), beta: Array.from(job.beta), loss: Array.from(job.loss), accuracy: Array.from(job.accuracy), trajectory: job.trajectory };

describe('project files of the app', () => {
  const app = fresh();
  let text: string;
  let saved: ProjectFile;

  beforeAll(async () => {
    await trainIn(app, (base) => ({ landscape: { ...base.landscape, resolution: 7 }, compare: { variant: 'lr-down' } }));
    const { session, project } = app;
    session.computeSurface(project.getState());
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    session.compare(project.getState());
    await vi.waitFor(() => expect(session.store.getState().compare?.status).toBe('ready'), { timeout: 30_000 });
    project.dispatch({ type: 'camera', preset: 'top' });
    project.dispatch({ type: 'camera/view', name: 'landscape', view: landscapeView });
    project.dispatch({ type: 'camera/view', name: 'compare', view: compareView });
    saved = await projectFileToSave(app, surfaceFile, savedAt);
    text = projectFileText(saved);
  }, 90_000);

  it('store each run once, the surfaces, the comparison’s index and the cameras', () => {
    // The comparison's first run is the Train panel's (the same recipe), so two runs, three surfaces.
    expect(saved.runs).toHaveLength(2);
    expect(saved.surfaces).toHaveLength(3);
    const state = saved.state as unknown as ProjectState & { results: unknown };
    expect(state.results).toEqual({
      training: 0,
      recipe: JSON.parse(app.session.store.getState().training!.key),
      surface: 0,
      plane: null,
      compare: {
        variant: 'lr-down',
        status: 'ready',
        error: null,
        sides: [
          { label: 'learning rate: 0.5', settings: expect.objectContaining({ train: expect.objectContaining({ lr: 0.5 }) }), run: 0, surface: 1 },
          { label: 'learning rate: 0.05', settings: expect.objectContaining({ train: expect.objectContaining({ lr: 0.05 }) }), run: 1, surface: 2 },
        ],
      },
    });
    expect(state.view.cameraViews).toEqual({ landscape: landscapeView, compare: compareView });
    expect(state.view).toMatchObject({ camera: 'top', cameraNonce: 1 });
  });

  it('round-trip: save → open gives the identical settings, cameras, run, surface and comparison', () => {
    const opened = fresh();
    showProjectFile(opened, readProjectFile(text));
    expect(opened.project.getState()).toEqual(app.project.getState());
    expect(opened.project.getState().view.cameraViews.compare).toEqual(compareView);

    const before = app.session.store.getState();
    const after = opened.session.store.getState();
    expect(after.training).toMatchObject({ status: 'done', key: before.training!.key, step: before.training!.step, history: before.training!.history, stepLosses: before.training!.stepLosses });
    expect(after.training!.run).toEqual(before.training!.run);
    expect(after.surface).toMatchObject({ status: 'ready', trainingId: after.training!.id, rowsComputed: 7 });
    expect(grid(after.surface)).toEqual(grid(before.surface));

    // The comparison is back, finished: nothing trains or scans again.
    const compare = after.compare!;
    expect(compare).toMatchObject({ status: 'ready', variant: 'lr-down', error: null });
    expect(compare.sides.map((s) => s.label)).toEqual(before.compare!.sides.map((s) => s.label));
    expect(compare.sides[0].training).toBe(after.training);
    compare.sides.forEach((side, k) => {
      const was = before.compare!.sides[k];
      expect(side.settings).toEqual(was.settings);
      expect(side.training).toMatchObject({ status: 'done', key: was.training!.key });
      expect(side.training!.run).toEqual(was.training!.run);
      expect(side.surface).toMatchObject({ status: 'ready', trainingId: side.training!.id });
      expect(grid(side.surface)).toEqual(grid(was.surface));
    });
    // The surfaces of the two runs share one grid, as computed.
    expect(Array.from(compare.sides[1].surface!.alpha)).toEqual(Array.from(compare.sides[0].surface!.alpha));
  });

  it('saving the reopened project again gives the identical file, its surfaces kept as read, not re-planned', async () => {
    const opened = fresh();
    showProjectFile(opened, readProjectFile(text));
    const replanned = async (): Promise<never> => {
      throw new Error('a surface read from the file was re-planned');
    };
    expect(projectFileText(await projectFileToSave(opened, replanned, savedAt))).toBe(text);
  });

  it('build the same file at once when every surface file is known (the autosave), and none while one is missing', async () => {
    const written = new WeakMap<Float64Array, SurfaceFile>();
    const viaWorker = await projectFileToSave(app, async (scan) => {
      const file = surfaceFileOfScan(scan);
      written.set(scan.loss, file);
      return file;
    }, savedAt);
    expect(projectFileNow(app, (scan) => written.get(scan.loss), savedAt)).toEqual(viaWorker);
    const missing = app.session.store.getState().compare!.sides[1].surface!.loss;
    expect(projectFileNow(app, (scan) => (scan.loss === missing ? undefined : written.get(scan.loss)), savedAt)).toBeNull();
  });

  it('mark which results there are: a new run or a finished surface is work to save, progress is not', () => {
    const state = app.session.store.getState();
    const mark = resultsMark(state);
    expect(resultsMark({ ...state, training: { ...state.training!, revision: state.training!.revision + 1 } })).toBe(mark);
    expect(resultsMark({ ...state, surface: { ...state.surface!, status: 'scanning' } })).not.toBe(mark);
    expect(resultsMark({ ...state, training: { ...state.training!, id: 999 } })).not.toBe(mark);
    const [a, b] = state.compare!.sides;
    expect(resultsMark({ ...state, compare: { ...state.compare!, sides: [a, { ...b, surface: null }] } })).not.toBe(mark);
    // The project's mark adds the settings.
    const opened = fresh();
    showProjectFile(opened, readProjectFile(text));
    const before = projectMark(opened);
    opened.project.dispatch({ type: 'set', section: 'train', patch: { lr: 0.9 } });
    expect(projectMark(opened)).not.toBe(before);
  });

  it('a run whose settings changed after it trained reopens as that run, out of date with the settings', async () => {
    const changed = fresh();
    showProjectFile(changed, readProjectFile(text));
    const trained = changed.session.store.getState().training!;
    changed.project.dispatch({ type: 'set', section: 'train', patch: { lr: 0.9 } });
    const opened = fresh();
    showProjectFile(opened, readProjectFile(projectFileText(await projectFileToSave(changed, surfaceFile, savedAt))));
    expect(opened.project.getState().train.lr).toBe(0.9);
    const run = opened.session.store.getState().training!;
    expect(run.recipe).toEqual(trained.recipe);
    expect(run.key).toBe(trained.key);
    // What the Train panel compares to say "the settings changed since this run".
    expect(run.key).not.toBe(JSON.stringify(recipeOf(opened.project.getState())));
  });

  it('open a file saved before comparisons and cameras: its first run and surface are the current ones', () => {
    const { results, ...settings } = saved.state as unknown as ProjectState & { results: unknown };
    expect(results).toBeTruthy();
    const { cameraViews, ...olderView } = settings.view;
    expect(cameraViews).toEqual({ landscape: landscapeView, compare: compareView });
    const older = projectFileOf({ state: { ...settings, view: olderView } as unknown as JsonValue, runs: [saved.runs[0]], surfaces: [saved.surfaces[0]] });
    const opened = fresh();
    showProjectFile(opened, readProjectFile(projectFileText(older)));
    expect(opened.project.getState().view).toMatchObject({ camera: 'top', cameraViews: {} });
    const after = opened.session.store.getState();
    expect(after.training!.run).toEqual(saved.runs[0]);
    expect(grid(after.surface)).toEqual(grid(app.session.store.getState().surface));
    expect(after.compare).toBeNull();
  });

  it('refuse damaged indices and cameras, saying what is wrong, and change nothing', () => {
    const cases: [(state: ReturnType<typeof JSON.parse>) => unknown, string][] = [
      [(s) => (s.results.compare.sides[1].run = 5), 'the project’s results are damaged: run 2 of the comparison is 5, not one of the file’s 2 runs'],
      [(s) => (s.results.surface = 1.5), 'the project’s results are damaged: the current surface is 1.5, not one of the file’s 3 surfaces'],
      [(s) => (s.results.compare.sides = s.results.compare.sides.slice(1)), 'the project’s results are damaged: the comparison does not hold two to four runs'],
      [(s) => (s.results.compare.status = 'running'), 'the project’s results are damaged: the comparison’s status is "running"'],
      [(s) => delete s.results.compare.sides[0].settings.model, 'the project’s results are damaged: run 1 of the comparison has no model settings'],
      [(s) => (s.results = [0, 0]), 'the project’s results are damaged: they are not an object'],
      [(s) => (s.results.recipe.seed += 1), 'the project’s results are damaged: the current run’s recipe is not the one that made it'],
      [(s) => (s.results.recipe.model.hidden[0].width += 1), 'the project’s results are damaged: the current run’s recipe is not the one that made it'],
      [(s) => (s.results.recipe = 'sgd'), 'the project’s results are damaged: the current run’s recipe is not an object'],
      [(s) => (s.results.plane = { label: 'θ*' , image: { alpha: 1 } }), 'the project’s results are damaged: the plane’s image needs finite α and β'],
      [(s) => (s.view.cameraViews.compare.position = [1, 2]), 'the project’s compare camera is damaged'],
      [(s) => (s.view.cameraViews.landscape.fov = 0), 'the project’s landscape camera is damaged'],
    ];
    const opened = fresh();
    showProjectFile(opened, readProjectFile(text));
    const [state, session] = [opened.project.getState(), opened.session.store.getState()];
    for (const [damage, message] of cases) {
      const json = JSON.parse(text);
      damage(json.state);
      const file = readProjectFile(JSON.stringify(json));
      expect(() => showProjectFile(opened, file)).toThrow(message);
      expect(opened.project.getState()).toBe(state);
      expect(opened.session.store.getState()).toBe(session);
    }
  });

  it('any JSON in place of the index or a camera opens, or is refused with a message and changes nothing', () => {
    const places = [
      ['results'],
      ['results', 'training'],
      ['results', 'recipe'],
      ['results', 'recipe', 'model'],
      ['results', 'opened'],
      ['results', 'plane'],
      ['results', 'compare'],
      ['results', 'compare', 'sides'],
      ['results', 'compare', 'sides', 1],
      ['results', 'compare', 'sides', 0, 'settings'],
      ['results', 'compare', 'sides', 1, 'surface'],
      ['view', 'cameraViews'],
      ['view', 'cameraViews', 'compare'],
      ['view', 'cameraViews', 'landscape', 'target'],
    ];
    const opened = fresh();
    // The file is read once: only its state changes (readProjectFile has fuzz tests of its own).
    const file = readProjectFile(text);
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.jsonValue({ maxDepth: 3 }), (place, value) => {
        const changed = structuredClone(file.state) as ReturnType<typeof JSON.parse>;
        const parent = place.slice(0, -1).reduce((node, key) => node[key], changed);
        parent[place.at(-1)!] = value;
        const [state, session] = [opened.project.getState(), opened.session.store.getState()];
        try {
          showProjectFile(opened, { ...file, state: changed });
        } catch (error) {
          expect((error as Error).message).toMatch(/^the project’s .+ (is|are) damaged: /);
          expect(opened.project.getState()).toBe(state);
          expect(opened.session.store.getState()).toBe(session);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a comparison saved while it runs keeps what finished and reopens as cancelled', () => {
    const done = app.session.store.getState();
    const [a, b] = done.compare!.sides;
    const running: SessionState = {
      ...done,
      surface: { ...done.surface!, status: 'scanning' },
      compare: { ...done.compare!, status: 'running', sides: [a, { ...b, surface: { ...b.surface!, status: 'scanning' } }] },
    };
    const { results, runs, surfaces } = resultsToSave(running);
    expect(runs).toEqual([a.training!.run, b.training!.run]);
    expect(surfaces.map((scan) => (scan as ScannedSurface).loss)).toEqual([a.surface!.loss]);
    expect(results).toMatchObject({ training: 0, surface: null, compare: { status: 'cancelled', sides: [{ run: 0, surface: 0 }, { run: 1, surface: null }] } });
    let id = 0;
    const jobs = restoredJobs(results, { runs, surfaces: saved.surfaces.slice(1, 2) }, app.project.getState(), () => ++id);
    expect(jobs.surface).toBeNull();
    expect(jobs.compare).toMatchObject({ status: 'cancelled', sides: [{ surface: { status: 'ready' } }, { training: { status: 'done' }, surface: null }] });
    expect(jobs.compare!.sides[1].training!.run).toBe(b.training!.run);
  });
});

describe('a surface on a plane of its own (θ* and its symmetry image)', () => {
  const analysis = withAnalysisWorkers();
  afterAll(analysis.close);

  it('is saved with that plane’s directions and reopens with its caption, marker and directions', async () => {
    const app: Services = { project: createStore(projectReducer, defaultProject()), session: createSession(analysis.clients()) };
    await trainIn(app, (base) => ({ landscape: { ...base.landscape, resolution: 5 }, analysis: { ...base.analysis, symmetry: 'permute-reverse' } }));
    const { session, project } = app;
    session.applySymmetry(project.getState());
    await vi.waitFor(() => expect(session.store.getState().symmetry?.status).toBe('ready'), { timeout: 20_000 });
    session.sliceThroughImage(project.getState());
    await vi.waitFor(() => expect(session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const before = session.store.getState().surface!;
    const [d1, d2] = before.given!.directions;

    const file = await projectFileToSave(app, surfaceFile, savedAt);
    // The file holds the plane's directions (d₁ = image − θ*), not the landscape settings' random ones.
    expect(file.surfaces[0].directions).toEqual([Array.from(d1), Array.from(d2)]);
    expect(file.surfaces[0].normalization).toBe('θ* → its symmetry image, random');
    expect((file.state as unknown as { results: { plane: unknown } }).results.plane).toEqual(before.plane);

    const opened = fresh();
    const text = projectFileText(file);
    showProjectFile(opened, readProjectFile(text));
    const after = opened.session.store.getState().surface!;
    expect(after.plane).toEqual({ label: 'θ* (α = 0) and its symmetry image (α = 1) · β random filter-normalized', image: { alpha: 1, beta: 0 } });
    expect(after.given!.directions).toEqual([d1, d2]);
    expect(after.info).toEqual({ kind: 'given', normalization: 'θ* → its symmetry image, random' });
    expect(grid(after)).toEqual(grid(before));
    expect(projectFileText(await projectFileToSave(opened, surfaceFile, savedAt))).toBe(text);
  }, 90_000);
});
