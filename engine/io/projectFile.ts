// The project file (losscape.project/1): everything open in the app — its settings,
// comparisons and camera views as one JSON state, with the runs and surfaces they refer to —
// so a lecture's figures can be reopened and redone. Reading validates everything and
// changes nothing: a truncated, corrupt or newer file is refused with a message that says so.
import { excerpt, LosscapeError } from '../errors.js';
import { packFile } from './container.js';
import { runFileFrom, type RunFile } from './runFile.js';
import { surfaceFileFrom, type SurfaceFile } from './surfaceFile.js';
import { parseFile, type FileInput } from './schema.js';

export const PROJECT_FORMAT = 'losscape.project/1';

/** A value JSON holds exactly: what a project's state may contain. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** The app's state (settings, comparisons, camera views, …); the app owns its shape. */
  state: JsonValue;
  runs: RunFile[];
  surfaces: SurfaceFile[];
}

/** A project that cannot be saved or opened; the message says why. */
export class ProjectFileError extends LosscapeError {}

/** Checks that `state` survives JSON unchanged (no undefined, NaN, class instances or cycles). */
function checkJson(state: unknown): void {
  const stack: [unknown, string][] = [[state, 'state']];
  const onPath = new Set<object>();
  const exits: object[] = [];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (value === EXIT) {
      onPath.delete(exits.pop()!);
      continue;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new ProjectFileError(`${path} is ${value}, which JSON cannot hold`);
      continue;
    }
    if (typeof value !== 'object') throw new ProjectFileError(`${path} is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`);
    const proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
      throw new ProjectFileError(`${path} is a ${(value as object).constructor?.name ?? 'class instance'}; store plain objects and arrays`);
    }
    if (onPath.has(value)) throw new ProjectFileError(`${path} refers back to itself (a cycle)`);
    onPath.add(value);
    exits.push(value);
    stack.push([EXIT, '']);
    const entries = Array.isArray(value) ? value.map((v, k) => [String(k), v] as const) : Object.entries(value);
    for (const [key, v] of entries) stack.push([v, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`]);
  }
}
const EXIT = Symbol('exit');

/** The project file of the app's state and the runs and surfaces it uses. */
export function projectFileOf(project: { state: JsonValue; runs?: RunFile[]; surfaces?: SurfaceFile[]; savedAt?: Date }): ProjectFile {
  checkJson(project.state);
  return { format: PROJECT_FORMAT, savedAt: (project.savedAt ?? new Date()).toISOString(), state: project.state, runs: project.runs ?? [], surfaces: project.surfaces ?? [] };
}

/** The text of a project file (what to write, atomically). */
export function projectFileText(file: ProjectFile): string {
  checkJson(file.state);
  return `${JSON.stringify(file)}\n`;
}

/** The binary form of a project file (./container.ts): its runs' and surfaces' arrays as float64, so a large model saves without a size cliff. */
export function projectFileBytes(file: ProjectFile): Uint8Array {
  checkJson(file.state);
  return packFile(file);
}

/** Parses and validates a project file (JSON text or the binary form); throws ProjectFileError and nothing else. */
export function readProjectFile(input: FileInput): ProjectFile {
  try {
    return parseProject(input);
  } catch (e) {
    if (e instanceof ProjectFileError) throw e;
    // Values nested deeper than the JavaScript stack (a corrupt file, never a saved one).
    if (e instanceof RangeError) throw new ProjectFileError('this project file is corrupt: its values are nested too deeply to read');
    throw e;
  }
}

function parseProject(input: FileInput): ProjectFile {
  if (input.length === 0 || (typeof input === 'string' && input.trim() === '')) throw new ProjectFileError('this project file is empty');
  const json = parseFile(input, 'this project file is truncated or corrupt', (m) => new ProjectFileError(m));
  if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof (json as { format?: unknown }).format !== 'string') {
    throw new ProjectFileError('this is not a Losscape project file: it has no "format" field');
  }
  const file = json as Partial<ProjectFile> & { format: string };
  if (file.format !== PROJECT_FORMAT) {
    const version = /^losscape\.project\/(\d+)$/.exec(file.format);
    const other = /^losscape\.(\w+)\/\d+$/.exec(file.format);
    throw new ProjectFileError(
      version && Number(version[1]) > 1
        ? `this project was saved by a newer Losscape (${file.format}; this one reads ${PROJECT_FORMAT}); update Losscape to open it`
        : other
          ? `this is a ${other[1]} file (${file.format}), not a project; open it as a ${other[1]}`
          : `this is not a Losscape project file: format is "${excerpt(file.format)}", expected ${PROJECT_FORMAT}`,
    );
  }
  if (typeof file.savedAt !== 'string' || Number.isNaN(Date.parse(file.savedAt))) throw new ProjectFileError('the project file is incomplete: "savedAt" is not a date');
  if (!('state' in file)) throw new ProjectFileError('the project file is incomplete: "state" is missing');
  if (!Array.isArray(file.runs)) throw new ProjectFileError('the project file is incomplete: "runs" is not a list');
  if (!Array.isArray(file.surfaces)) throw new ProjectFileError('the project file is incomplete: "surfaces" is not a list');
  checkJson(file.state);
  // Each run and surface is checked as its own file would be, and kept as checked.
  const runs = file.runs.map((run, k) => {
    try {
      const { theta, buffers, ...checked } = runFileFrom(run);
      return checked;
    } catch (e) {
      throw new ProjectFileError(`run ${k + 1} of the project is damaged: ${(e as Error).message}`);
    }
  });
  const surfaces = file.surfaces.map((surface, k) => {
    try {
      return surfaceFileFrom(surface);
    } catch (e) {
      throw new ProjectFileError(`surface ${k + 1} of the project is damaged: ${(e as Error).message}`);
    }
  });
  return { format: PROJECT_FORMAT, savedAt: file.savedAt, state: file.state as JsonValue, runs, surfaces };
}
