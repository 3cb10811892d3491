// Standalone surface files in the app: a file the engine wrote (`losscape surface`, or an
// imported loss-landscape .h5) opens in the Landscape tab without a run, its grid exactly as
// in the file, exports as it is, and a project saved afterwards keeps it; anything that
// is not a readable surface file is refused with a message, changing nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readLossLandscapeH5 } from '../../../cli/formats/h5Surface.js';
import { fromLossLandscape } from '../../../engine/io/import/h5Surface.js';
import { projectFileText, readProjectFile } from '../../../engine/io/projectFile.js';
import { SurfaceFileError, type SurfaceFile } from '../../../engine/io/surfaceFile.js';
import { projectFileToSave, showProjectFile } from '../../../renderer/io/openProject.js';
import { openedFileOf, readOpenedSurface, showOpenedSurface, showSurfaceFile } from '../../../renderer/io/openSurface.js';
import { scanOf } from '../../../renderer/io/scannedSurface.js';
import { createSession, type Session } from '../../../renderer/session/session.js';
import { defaultProject, type ProjectState } from '../../../renderer/state/project.js';
import { projectReducer, type ProjectAction } from '../../../renderer/state/reducer.js';
import { createStore, type Store } from '../../../renderer/state/store.js';
import { exportEndpoint, renderSurface, surfaceFileOfScan } from '../../../workers/export.js';
import { surfaceOfH5 } from '../../../workers/h5Surface.js';
import { inProcessClients } from '../session/inProcessClients.js';

interface Services {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
}

const fresh = (): Services => ({ project: createStore(projectReducer, defaultProject()), session: createSession(inProcessClients()) });

/** The file's rows as the session's flat arrays hold them (null, an unfilled point, as NaN). */
const flat = (rows: (number | null)[][] | undefined) => (rows ?? []).flat().map((v) => v ?? NaN);

describe('a surface file opened in the app', () => {
  let file: SurfaceFile;
  let text: string;

  beforeAll(async () => {
    // Train and scan a small surface, and write its file as the Export menu's JSON does.
    const app = fresh();
    const base = defaultProject();
    app.project.dispatch({ type: 'load', state: { ...base, train: { ...base.train, epochs: 20 }, landscape: { ...base.landscape, resolution: 7 } } });
    app.session.train(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().training?.status).toBe('done'), { timeout: 20_000 });
    app.session.computeSurface(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const { training, surface } = app.session.store.getState();
    file = surfaceFileOfScan(scanOf(training, surface)!);
    text = renderSurface(file, 'json') as string;
  }, 60_000);

  it('shows the file’s grid, values and trajectory exactly, without a run, in the Landscape tab', () => {
    const opened = fresh();
    opened.project.dispatch({ type: 'set', section: 'view', patch: { tab: 'compare' } });
    showSurfaceFile(opened, text, 'surface.json');
    const { training, surface, compare } = opened.session.store.getState();
    expect(training).toBeNull();
    expect(compare).toBeNull();
    expect(surface).toMatchObject({ status: 'ready', trainingId: 0, rowsComputed: 7, opened: { name: 'surface.json' } });
    expect(Array.from(surface!.alpha)).toEqual(file.alpha);
    expect(Array.from(surface!.beta)).toEqual(file.beta);
    expect(Array.from(surface!.loss)).toEqual(flat(file.values.loss));
    expect(Array.from(surface!.accuracy)).toEqual(flat(file.values.accuracy));
    expect(file.trajectory!.length).toBeGreaterThan(1);
    expect(surface!.trajectory).toEqual(file.trajectory);
    expect(surface!.settings).toMatchObject({ split: file.split, norm: file.norm });
    expect(opened.project.getState().view.tab).toBe('landscape');
    expect(opened.project.getState().line.slice).toBe('plane');
  });

  it('exports the opened file as it is, and a project saved afterwards opens again', async () => {
    const opened = fresh();
    showSurfaceFile(opened, text, 'surface.json');
    const shown = openedFileOf(opened.session.store.getState().surface)!;
    expect(exportEndpoint.exportFile(shown, 'json').data).toBe(text);
    expect(exportEndpoint.exportFile(shown, 'csv').data).toMatch(/^alpha,beta,loss/);
    expect(scanOf(null, opened.session.store.getState().surface)).toBeNull();

    // The project keeps the file as it is (it has no run to re-plan it from), and reopens it as opened.
    const notReplanned = async (): Promise<never> => {
      throw new Error('an opened surface is not re-planned from a run');
    };
    const saved = await projectFileToSave(opened, notReplanned);
    expect(saved.runs).toEqual([]);
    expect(saved.surfaces).toEqual([file]);
    expect((saved.state as unknown as { results: unknown }).results).toEqual({ training: null, surface: 0, opened: 'surface.json', plane: null, compare: null });
    const savedText = projectFileText(saved);
    const again = fresh();
    showProjectFile(again, readProjectFile(savedText));
    expect(again.project.getState()).toEqual(opened.project.getState());
    const reopened = again.session.store.getState();
    expect(reopened.training).toBeNull();
    expect(reopened.surface).toMatchObject({ status: 'ready', trainingId: 0, opened: { name: 'surface.json', file } });
    expect(Array.from(reopened.surface!.loss)).toEqual(flat(file.values.loss));
    expect(projectFileText(await projectFileToSave(again, notReplanned, new Date(saved.savedAt)))).toBe(savedText);

    // An opened surface has no run: a file that says otherwise is damaged.
    const json = JSON.parse(savedText);
    json.state.results.opened = 7;
    expect(() => showProjectFile(fresh(), readProjectFile(JSON.stringify(json)))).toThrow('the project’s results are damaged: an opened surface needs its file’s name and a surface, and has no run');
  });

  it('shows a surface imported from loss-landscape (.h5): a non-square grid, its unfilled points blank', () => {
    const x = [-1, 0, 1];
    const y = [-0.5, 0.5];
    // Stored y slowest, as plot_surface.py fills it; −1 marks the point not computed yet.
    const imported = fromLossLandscape({
      xcoordinates: { shape: [3], data: x },
      ycoordinates: { shape: [2], data: y },
      train_loss: { shape: [3, 2], data: [2.5, 0.25, 2, 3, -1, 3.5] },
      train_acc: { shape: [3, 2], data: [40, 90, 50, 30, -1, 20] },
    }) as SurfaceFile;
    const opened = fresh();
    showSurfaceFile(opened, JSON.stringify(imported), 'li.json');
    const surface = opened.session.store.getState().surface!;
    expect(Array.from(surface.alpha)).toEqual(x);
    expect(Array.from(surface.beta)).toEqual(y);
    // loss[i·nβ + j] at (x_i, y_j).
    expect(Array.from(surface.loss)).toEqual([2.5, 3, 0.25, NaN, 2, 3.5]);
    expect(Array.from(surface.accuracy)).toEqual([0.4, 0.3, 0.9, NaN, 0.5, 0.2]);
    expect(surface.trajectory).toEqual([]);
    expect(surface.opened!.file.normalization).toBe('loss-landscape (.h5)');
  });

  it('opens a loss-landscape .h5 file’s bytes as the CLI imports it, its unfilled point blank', async () => {
    const path = fileURLToPath(new URL('../../engine/io/fixtures/loss_landscape.h5', import.meta.url));
    const bytes = new Uint8Array(readFileSync(path));
    const read = await readOpenedSurface(bytes, 'loss_landscape.h5', surfaceOfH5);
    expect(read).toEqual(await readLossLandscapeH5(path));
    const opened = fresh();
    showOpenedSurface(opened, read, 'loss_landscape.h5');
    const surface = opened.session.store.getState().surface!;
    // The fixture (make_h5.ts): 1 + x² + 2y² + xy/2 on x ∈ {−1, −½, 0, ½, 1}, y ∈ {−½, 0, ½, 1}, (1, 2) never computed.
    const [x, y] = [[-1, -0.5, 0, 0.5, 1], [-0.5, 0, 0.5, 1]];
    expect(Array.from(surface.alpha)).toEqual(x);
    expect(Array.from(surface.beta)).toEqual(y);
    expect(Array.from(surface.loss)).toEqual(x.flatMap((a, i) => y.map((b, j) => (i === 1 && j === 2 ? NaN : 1 + a * a + 2 * b * b + 0.5 * a * b))));
    expect(surface.opened).toMatchObject({ name: 'loss_landscape.h5', file: { normalization: 'loss-landscape (.h5)', split: 'train' } });
  });

  it('refuses damaged .h5 files and 1D ones, saying why', async () => {
    const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../engine/io/fixtures/${name}`, import.meta.url))));
    await expect(readOpenedSurface(fixture('loss_landscape.h5').slice(0, 600), 'cut.h5', surfaceOfH5)).rejects.toThrow(/^cut.h5 is not an HDF5 file, or it is damaged/);
    await expect(readOpenedSurface(fixture('loss_landscape_1d.h5'), 'line.h5', surfaceOfH5)).rejects.toThrow('line.h5 holds a 1D loss curve (it has no ycoordinates), not a surface');
    await expect(readOpenedSurface(new Uint8Array([1, 2, 3]), 'noise.bin', surfaceOfH5)).rejects.toThrow(/^this is not a surface file: the JSON does not parse/);
  });

  it('refuses what is not a readable surface file, saying why, and changes nothing', () => {
    const damaged = (change: (json: ReturnType<typeof JSON.parse>) => void) => {
      const json = JSON.parse(text);
      change(json);
      return JSON.stringify(json);
    };
    const cases: [string, RegExp][] = [
      [text.slice(0, text.length / 2), /^this is not a surface file: the JSON does not parse/],
      [damaged((f) => (f.format = 'losscape.surface/2')), /^this is not a losscape.surface\/1 file \(format: "losscape.surface\/2"\)/],
      [JSON.stringify({ format: 'losscape.project/1', state: {}, runs: [], surfaces: [] }), /^this is not a losscape.surface\/1 file/],
      [damaged((f) => f.values.loss.pop()), /^the surface file's "values.loss" must be a list of 7, got a list of 6$/],
      [damaged((f) => delete f.beta), /^the surface file's "beta" must be a list, got nothing$/],
      [damaged((f) => f.alpha.reverse()), /^the surface file's "alpha" must increase, but entry 1 \(/],
      [damaged((f) => (f.values.loss[2][3] = 'NaN')), /^the surface file's "values.loss\[2\]\[3\]" must be a number or null, got "NaN"$/],
      [damaged((f) => (f.trajectory[0] = { alpha: 1 })), /^the surface file's "trajectory\[0\].step" must be a whole number ≥ 0, got nothing$/],
      [damaged((f) => (f.values.loss = f.values.loss.map((row: unknown[]) => row.map(() => null)))), /^the surface file's "values.loss" holds no value \(every point is null\): there is nothing to show$/],
    ];
    const opened = fresh();
    showSurfaceFile(opened, text, 'surface.json');
    const [state, session] = [opened.project.getState(), opened.session.store.getState()];
    for (const [bad, message] of cases) {
      let error: unknown;
      try {
        showSurfaceFile(opened, bad, 'bad.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SurfaceFileError);
      expect((error as Error).message).toMatch(message);
      expect(opened.project.getState()).toBe(state);
      expect(opened.session.store.getState()).toBe(session);
    }
  });
});
