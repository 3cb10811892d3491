// Showing a standalone surface file (losscape.surface/1, as `losscape surface`, `merge` and
// `import` write it, or a loss-landscape .h5 read in the export worker) in the Landscape tab,
// without a run: the file is read and checked before anything changes; the job keeps the
// file, which the Export menu writes as it is.
import { checkSurfaceValues, readSurfaceFile, type SurfaceFile } from '../../engine/io/surfaceFile.js';
import { surfaceJobOf } from '../session/restore.js';
import type { Session } from '../session/session.js';
import type { SurfaceJob } from '../session/types.js';
import type { ProjectState } from '../state/project.js';
import type { ProjectAction } from '../state/reducer.js';
import type { Store } from '../state/store.js';

interface SurfaceServices {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
}

/** A ready surface job showing `file`, opened as `name`, on its own (no run). */
export function openedSurfaceJob(id: number, file: SurfaceFile, name: string, project: ProjectState): SurfaceJob {
  const job = surfaceJobOf(id, 0, file, project);
  const pca = file.normalization === 'pca';
  return {
    ...job,
    settings: { ...job.settings, split: file.split ?? job.settings.split, norm: file.norm ?? job.settings.norm, directions: pca ? 'pca' : 'random' },
    info: { ...job.info!, kind: pca ? 'pca' : 'given' },
    opened: { name, file },
  };
}

/** The first bytes of every HDF5 file. */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The surface file in an opened file's bytes: an HDF5 file (Li et al.'s loss-landscape .h5)
 * through `readH5` (h5wasm, in the export worker), else a surface file (JSON or .npz).
 */
export async function readOpenedSurface(bytes: Uint8Array, name: string, readH5: (bytes: Uint8Array, name: string) => Promise<SurfaceFile>): Promise<SurfaceFile> {
  if (HDF5_SIGNATURE.every((b, k) => bytes[k] === b)) return readH5(bytes, name);
  return readSurfaceFile(bytes);
}

/**
 * Shows `file` (named `name`) in the Landscape tab in place of the current run and surface;
 * throws a SurfaceFileError, changing nothing, when the viewer cannot show it.
 */
export function showOpenedSurface({ project, session }: SurfaceServices, file: SurfaceFile, name: string): void {
  checkSurfaceValues(file);
  session.restore((nextId) => ({ training: null, surface: openedSurfaceJob(nextId(), file, name, project.getState()) }));
  project.dispatch({ type: 'set', section: 'view', patch: { tab: 'landscape' } });
  project.dispatch({ type: 'set', section: 'line', patch: { slice: 'plane' } });
}

/** Shows the surface file `text` (named `name`); throws a SurfaceFileError, changing nothing, when it is not a readable surface file. */
export function showSurfaceFile(services: SurfaceServices, text: string, name: string): void {
  showOpenedSurface(services, readSurfaceFile(text), name);
}

/** The surface file an opened, finished surface job shows; null for a computed one. */
export function openedFileOf(job: SurfaceJob | null): SurfaceFile | null {
  return job?.status === 'ready' && job.opened ? job.opened.file : null;
}
