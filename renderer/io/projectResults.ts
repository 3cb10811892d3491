// Which of a project file's runs and surfaces the app shows where: the Train panel's run (with
// the recipe that made it, which the settings may have moved on from, and the file it was
// opened from if it was not trained here), the Landscape view's surface (computed, or opened
// from a surface file), and the comparison's runs and surfaces, as indices into the file's
// lists (a run the comparison shares with the Train panel is stored once). They sit in the
// file's state beside the settings, as `results`. A file saved before comparisons has none:
// its first run and surface are the current ones, which is also where they are saved now.
import type { ProjectFile } from '../../engine/io/projectFile.js';
import { madeBy, type RunFile } from '../../engine/io/runFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { RunRecipe } from '../../engine/train/recipe.js';
import type { ScannedSurface } from '../../workers/export.js';
import { surfaceJobOf, trainingJobOf } from '../session/restore.js';
import type { CompareJob, SessionState, SurfaceJob, SurfacePlane, TrainingJob } from '../session/types.js';
import { recipeOf, type ProjectState } from '../state/project.js';
import type { RunSettings } from '../state/variants.js';
import { openedSurfaceJob } from './openSurface.js';
import { scanOf } from './scannedSurface.js';

/** One run of a saved comparison; `run` and `surface` are null where it had not finished. */
export interface SavedSide {
  label: string;
  settings: RunSettings;
  run: number | null;
  surface: number | null;
}

export interface SavedComparison {
  variant: string;
  /** A comparison saved while it ran reopens as cancelled, with what had finished. */
  status: 'ready' | 'cancelled' | 'error';
  error: string | null;
  sides: SavedSide[];
}

export interface SavedResults {
  training: number | null;
  /** The recipe that made the current run; absent in files saved before it, where the settings made it. */
  recipe?: RunRecipe;
  /** The name of the file the current run was opened from (weights or a run file, not trained here). */
  openedRun?: string;
  surface: number | null;
  /** The name of the surface file the current surface was opened from (it has no run); absent for a computed one. */
  opened?: string;
  /** The current surface's plane where it is not the landscape settings' (its directions are in its surface file). */
  plane: SurfacePlane | null;
  compare: SavedComparison | null;
}

/** A surface as a project keeps it: an opened surface file as it is, a scanned surface to be written as one. */
export type SurfaceToSave = SurfaceFile | ScannedSurface;

/** The session's finished results as a project holds them: the index, the runs, and the surfaces. */
export function resultsToSave(session: SessionState): { results: SavedResults; runs: RunFile[]; surfaces: SurfaceToSave[] } {
  const runs: RunFile[] = [];
  const surfaces: SurfaceToSave[] = [];
  const runIndex = (job: TrainingJob | null): number | null => {
    if (!job?.run) return null;
    const k = runs.indexOf(job.run);
    return k >= 0 ? k : runs.push(job.run) - 1;
  };
  const surfaceIndex = (training: TrainingJob | null, surface: SurfaceJob | null): number | null => {
    const scan = scanOf(training, surface);
    return scan ? surfaces.push(surface!.saved ?? scan) - 1 : null;
  };
  const training = runIndex(session.training);
  const opened = session.surface?.status === 'ready' ? session.surface.opened : undefined;
  const surface = opened ? surfaces.push(opened.file) - 1 : surfaceIndex(session.training, session.surface);
  const job = session.compare;
  const compare: SavedComparison | null = job && {
    variant: job.variant,
    status: job.status === 'running' ? 'cancelled' : job.status,
    error: job.error,
    sides: job.sides.map((side) => ({ label: side.label, settings: side.settings, run: runIndex(side.training), surface: surfaceIndex(side.training, side.surface) })),
  };
  const current = {
    training,
    ...(training !== null ? { recipe: session.training!.recipe } : {}),
    ...(training !== null && session.training!.opened !== undefined ? { openedRun: session.training!.opened } : {}),
    surface,
    ...(opened ? { opened: opened.name } : {}),
    plane: surface !== null ? (session.surface?.plane ?? null) : null,
    compare,
  };
  return { results: current, runs, surfaces };
}

/** Which finished results the session holds (the jobs' ids): a project saved with other results needs saving again. */
export function resultsMark(session: SessionState): string {
  const run = (job: TrainingJob | null) => (job?.run ? job.id : null);
  const scan = (job: SurfaceJob | null) => (job?.status === 'ready' ? job.id : null);
  const compare = session.compare && [session.compare.id, session.compare.status, session.compare.sides.map((side) => [run(side.training), scan(side.surface)])];
  return JSON.stringify([run(session.training), scan(session.surface), compare]);
}

const damaged = (what: string) => new Error(`the project’s results are damaged: ${what}`);

/** `value` as an object; else throws `problem`. */
function record(value: unknown, problem: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damaged(problem);
  return value as Record<string, unknown>;
}

/** `value` as an index into a list of `count` (null for none). */
function indexIn(value: unknown, count: number, what: string, list: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= count) throw damaged(`${what} is ${JSON.stringify(value)}, not one of the file’s ${count} ${list}`);
  return value as number;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A saved plane's name and marked points; null where the surface lies in the landscape settings' plane. */
function planeOf(value: unknown): SurfacePlane | null {
  if (value === undefined || value === null) return null;
  const p = record(value, 'the surface’s plane is not an object');
  if (typeof p.label !== 'string') throw damaged('the surface’s plane has no label');
  const point = (v: unknown, what: string, named: boolean) => {
    if (v === undefined) return undefined;
    const q = record(v, `the plane’s ${what} is not an object`);
    if (!finite(q.alpha) || !finite(q.beta) || (named ? typeof q.label !== 'string' : q.label !== undefined && typeof q.label !== 'string')) {
      throw damaged(`the plane’s ${what} needs finite α and β${named ? ' and a label' : ''}`);
    }
    return { alpha: q.alpha, beta: q.beta, ...(typeof q.label === 'string' ? { label: q.label } : {}) };
  };
  const image = point(p.image, 'image', false);
  const third = point(p.third, 'third point', true) as SurfacePlane['third'];
  return { label: p.label, ...(image ? { image } : {}), ...(third ? { third } : {}) };
}

const STATUSES: readonly SavedComparison['status'][] = ['ready', 'cancelled', 'error'];

function comparisonOf(value: unknown, file: Pick<ProjectFile, 'runs' | 'surfaces'>): SavedComparison {
  const c = record(value, 'the comparison is not an object');
  if (typeof c.variant !== 'string') throw damaged('the comparison has no variant');
  if (!STATUSES.includes(c.status as SavedComparison['status'])) throw damaged(`the comparison’s status is ${JSON.stringify(c.status)}`);
  if (c.error !== null && typeof c.error !== 'string') throw damaged('the comparison’s error is not text');
  if (!Array.isArray(c.sides) || c.sides.length < 2 || c.sides.length > 4) throw damaged('the comparison does not hold two to four runs');
  const sides = c.sides.map((value, k): SavedSide => {
    const what = `run ${k + 1} of the comparison`;
    const side = record(value, `${what} is not an object`);
    if (typeof side.label !== 'string') throw damaged(`${what} has no label`);
    const settings = record(side.settings, `${what} has no settings`);
    for (const key of ['data', 'model', 'train']) record(settings[key], `${what} has no ${key} settings`);
    return {
      label: side.label,
      settings: settings as unknown as RunSettings,
      run: indexIn(side.run, file.runs.length, what, 'runs'),
      surface: indexIn(side.surface, file.surfaces.length, `the surface of ${what}`, 'surfaces'),
    };
  });
  return { variant: c.variant, status: c.status as SavedComparison['status'], error: c.error as string | null, sides };
}

/** The `results` of an opened file's state, checked against its lists; throws, naming what is damaged. */
export function readSavedResults(value: unknown, file: Pick<ProjectFile, 'runs' | 'surfaces'>): SavedResults {
  if (value === undefined) {
    const training = file.runs.length > 0 ? 0 : null;
    return { training, surface: training !== null && file.surfaces.length > 0 ? 0 : null, plane: null, compare: null };
  }
  const r = record(value, 'they are not an object');
  const training = indexIn(r.training, file.runs.length, 'the current run', 'runs');
  const surface = indexIn(r.surface, file.surfaces.length, 'the current surface', 'surfaces');
  if (r.opened !== undefined && (typeof r.opened !== 'string' || surface === null || training !== null)) {
    throw damaged('an opened surface needs its file’s name and a surface, and has no run');
  }
  if (r.openedRun !== undefined && (typeof r.openedRun !== 'string' || training === null)) throw damaged('an opened run needs its file’s name and a run');
  return {
    training,
    ...(r.recipe !== undefined ? { recipe: recipeFor(r.recipe, training === null ? null : file.runs[training]) } : {}),
    ...(r.openedRun !== undefined ? { openedRun: r.openedRun as string } : {}),
    surface,
    ...(r.opened !== undefined ? { opened: r.opened as string } : {}),
    plane: planeOf(r.plane),
    compare: r.compare === null ? null : comparisonOf(r.compare, file),
  };
}

/** A saved recipe of the current run, checked against the run it made. */
function recipeFor(value: unknown, run: RunFile | null): RunRecipe {
  const recipe = record(value, 'the current run’s recipe is not an object');
  record(recipe.model, 'the current run’s recipe has no model');
  if (!run || !madeBy(run, recipe as unknown as RunRecipe)) throw damaged('the current run’s recipe is not the one that made it');
  return recipe as unknown as RunRecipe;
}

/** The finished jobs `results` describe: a run shared by the Train panel and the comparison becomes one job, as in the session. */
export function restoredJobs(
  results: SavedResults,
  file: Pick<ProjectFile, 'runs' | 'surfaces'>,
  state: ProjectState,
  nextId: () => number,
): { training: TrainingJob | null; surface: SurfaceJob | null; compare: CompareJob | null } {
  const jobs = new Map<number, TrainingJob>();
  const trainingOf = (index: number | null, recipe: RunRecipe, opened?: string): TrainingJob | null => {
    if (index === null) return null;
    const job = jobs.get(index) ?? trainingJobOf(nextId(), file.runs[index], recipe, opened);
    jobs.set(index, job);
    return job;
  };
  const surfaceOf = (index: number | null, training: TrainingJob | null) => (index !== null && training ? surfaceJobOf(nextId(), training.id, file.surfaces[index], state) : null);
  const training = trainingOf(results.training, results.recipe ?? recipeOf(state), results.openedRun);
  const surfaceFile = results.surface === null ? null : file.surfaces[results.surface];
  const surface = results.opened !== undefined && surfaceFile ? openedSurfaceJob(nextId(), surfaceFile, results.opened, state) : withPlane(surfaceOf(results.surface, training), results.plane, surfaceFile);
  const saved = results.compare;
  const compare: CompareJob | null = saved && {
    id: nextId(),
    variant: saved.variant,
    status: saved.status,
    error: saved.error,
    sides: saved.sides.map(({ label, settings, run, surface: scanned }) => {
      const job = trainingOf(run, recipeOf(settings));
      return { label, settings, training: job, surface: surfaceOf(scanned, job) };
    }),
  };
  return { training, surface, compare };
}

/** `job` on its saved plane: the caption and markers, and the directions its surface file holds (its normalization field names a given plane). */
function withPlane(job: SurfaceJob | null, plane: SurfacePlane | null, file: SurfaceFile | null): SurfaceJob | null {
  if (!job || !plane || !file) return job;
  const label = file.normalization;
  return {
    ...job,
    plane,
    given: { kind: 'given', directions: [Float64Array.from(file.directions[0]), Float64Array.from(file.directions[1])], label },
    info: { kind: 'given', normalization: label },
  };
}
