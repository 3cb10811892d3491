// Showing a project file in the app (opened, recent or recovered): its settings and cameras,
// its run and surface, and its comparison; and the app as a project file to save. Everything
// is read and checked before anything changes.
import type { JsonValue, ProjectFile } from '../../engine/io/projectFile.js';
import { excerpt, shown } from '../../engine/errors.js';
import { ProjectFileError, projectFileOf } from '../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { ScannedSurface } from '../../workers/export.js';
import type { Session } from '../session/session.js';
import { PROJECT_FORMAT as STATE_FORMAT, type ProjectState } from '../state/project.js';
import type { ProjectAction } from '../state/reducer.js';
import type { Store } from '../state/store.js';
import { readSavedResults, restoredJobs, resultsMark, resultsToSave } from './projectResults.js';

/** The app's services a project is shown in and saved from (AppServices' part, without React). */
interface ProjectServices {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
}

const isVector = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks the kept cameras of an opened project (absent in projects saved before them). */
function checkCameraViews(views: unknown): void {
  if (views === undefined) return;
  if (typeof views !== 'object' || views === null || Array.isArray(views)) throw new ProjectFileError('the project’s camera views are damaged: they are not an object');
  for (const [name, view] of Object.entries(views)) {
    const v = (view ?? {}) as Record<string, unknown>;
    const lens = typeof v.fov === 'number' && v.fov > 0 && v.fov < 180 && typeof v.zoom === 'number' && v.zoom > 0;
    if (!isVector(v.position) || !isVector(v.target) || !lens) {
      throw new ProjectFileError(`the project’s ${excerpt(name)} camera is damaged: it needs a position and a target of three numbers each, a field of view between 0 and 180° and a positive zoom`);
    }
  }
}

/** Checks that an opened project's state is settings this app reads. */
export function projectStateOf(state: JsonValue): ProjectState {
  const s = state as Partial<ProjectState> | null;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new ProjectFileError('the project file has no settings');
  if (s.format !== STATE_FORMAT) throw new ProjectFileError(`the project’s settings are in a format this Losscape does not read (${shown(s.format)}, expected ${STATE_FORMAT})`);
  for (const key of ['data', 'model', 'train', 'landscape', 'view', 'compare'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) throw new ProjectFileError(`the project’s settings are incomplete: "${key}" is missing`);
  }
  checkCameraViews(s.view!.cameraViews);
  return s as ProjectState;
}

/** Replaces the app's settings and results with `file`'s; throws, changing nothing, when its settings, cameras or results are unreadable. */
export function showProjectFile({ project, session }: ProjectServices, file: ProjectFile): void {
  const { results, ...state } = projectStateOf(file.state) as ProjectState & { results?: unknown };
  const saved = readSavedResults(results, file);
  project.dispatch({ type: 'load', state });
  session.restore((nextId) => restoredJobs(saved, file, state, nextId));
}

/** The app as a project file, with the surface files of what `resultsToSave` listed. */
function projectFileWith(project: ProjectServices['project'], saved: ReturnType<typeof resultsToSave>, surfaces: SurfaceFile[], now: Date): ProjectFile {
  return projectFileOf({ state: { ...project.getState(), results: saved.results } as unknown as JsonValue, runs: saved.runs, surfaces, savedAt: now });
}

/**
 * The app as a project file: its settings and cameras, and its finished runs and surfaces
 * (the current ones, opened or computed, and the comparison's); `surfaceFile` writes a scan's
 * surface file.
 */
export async function projectFileToSave({ project, session }: ProjectServices, surfaceFile: (scan: ScannedSurface) => Promise<SurfaceFile>, now = new Date()): Promise<ProjectFile> {
  const saved = resultsToSave(session.store.getState());
  const surfaces = await Promise.all(saved.surfaces.map((surface) => ('format' in surface ? surface : surfaceFile(surface))));
  return projectFileWith(project, saved, surfaces, now);
}

/** The same file at once, where `known` has every scan's surface file; else null. */
export function projectFileNow({ project, session }: ProjectServices, known: (scan: ScannedSurface) => SurfaceFile | undefined, now: Date): ProjectFile | null {
  const saved = resultsToSave(session.store.getState());
  const surfaces = saved.surfaces.map((surface) => ('format' in surface ? surface : known(surface)));
  return surfaces.every((file) => file !== undefined) ? projectFileWith(project, saved, surfaces as SurfaceFile[], now) : null;
}

/** The app's settings and finished run as a project file, without the surfaces (the autosave's fallback when the whole project does not fit). */
export function settingsProjectFile({ project, session }: ProjectServices, now: Date, withRun = true): ProjectFile {
  const run = session.store.getState().training?.run;
  return projectFileOf({ state: project.getState() as unknown as JsonValue, runs: withRun && run ? [run] : [], savedAt: now });
}

/** What a save holds: the settings and which finished results there are. An autosave with the mark of the last explicit save is not needed. */
export function projectMark({ project, session }: ProjectServices): string {
  return JSON.stringify({ settings: project.getState(), results: resultsMark(session.store.getState()) });
}
