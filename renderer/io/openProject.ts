// Showing a project file in the app (opened, recent or recovered): its settings, its run and
// its surface. Everything is read and checked before anything changes.
import type { JsonValue, ProjectFile } from '../../engine/io/projectFile.js';
import { projectFileOf, projectFileText } from '../../engine/io/projectFile.js';
import type { AppServices } from '../AppContext.js';
import { surfaceJobOf, trainingJobOf } from '../session/restore.js';
import { PROJECT_FORMAT as STATE_FORMAT, type ProjectState } from '../state/project.js';

/** Checks that an opened project's state is settings this app reads. */
export function projectStateOf(state: JsonValue): ProjectState {
  const s = state as Partial<ProjectState> | null;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new Error('the project file has no settings');
  if (s.format !== STATE_FORMAT) throw new Error(`the project’s settings are in a format this Losscape does not read (${String(s.format)}, expected ${STATE_FORMAT})`);
  for (const key of ['data', 'model', 'train', 'landscape', 'view', 'compare'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) throw new Error(`the project’s settings are incomplete: "${key}" is missing`);
  }
  return s as ProjectState;
}

/** Replaces the app's settings and results with `file`'s; throws, changing nothing, when its settings are unreadable. */
export function showProjectFile({ project, session }: Pick<AppServices, 'project' | 'session'>, file: ProjectFile): void {
  const state = projectStateOf(file.state);
  const run = file.runs[0] ?? null;
  const surface = file.surfaces[0] ?? null;
  project.dispatch({ type: 'load', state });
  session.restore((nextId) => {
    const training = run ? trainingJobOf(nextId(), run, state) : null;
    return { training, surface: surface && training ? surfaceJobOf(nextId(), training.id, surface, state) : null };
  });
}

/** The app's settings and finished run as a project file's text, without the surface (for the autosave). */
export function settingsProjectText({ project, session }: Pick<AppServices, 'project' | 'session'>, now: Date, withRun = true): string {
  const run = session.store.getState().training?.run;
  return projectFileText(projectFileOf({ state: project.getState() as unknown as JsonValue, runs: withRun && run ? [run] : [], savedAt: now }));
}
