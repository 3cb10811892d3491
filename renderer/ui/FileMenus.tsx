// The header's file menus: Export (the current surface as an image, a vector figure, data or a
// mesh, written in the export worker) and Project (save and open a losscape.project/1 file).
import { useState } from 'react';
import type { JsonValue } from '../../engine/io/projectFile.js';
import { projectFileOf, projectFileText, readProjectFile } from '../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { ExportFormat, ScannedSurface } from '../../workers/export.js';
import { useServices, useProject, useSession } from '../AppContext.js';
import { onExportWorker } from '../io/exportClient.js';
import { openTextFile, saveFile, type FileFilter } from '../io/files.js';
import { capturePng } from '../scene/capture.js';
import { surfaceJobOf, trainingJobOf } from '../session/restore.js';
import type { SessionState } from '../session/types.js';
import { PROJECT_FORMAT as STATE_FORMAT, surfaceRequestOf, type ProjectState } from '../state/project.js';
import './fileMenus.css';

const PROJECT_FILTERS: FileFilter[] = [{ name: 'Losscape project', extensions: ['json'] }];

const exports: { format: ExportFormat; label: string; title: string; filter: FileFilter }[] = [
  { format: 'svg-contour', label: 'SVG contour', title: 'Contour plot with the trajectory (vector)', filter: { name: 'SVG image', extensions: ['svg'] } },
  { format: 'svg-3d', label: 'SVG 3D surface', title: '3D surface plot (vector)', filter: { name: 'SVG image', extensions: ['svg'] } },
  { format: 'glb', label: 'glTF (GLB)', title: 'Surface mesh with vertex colours and the trajectory', filter: { name: 'glTF binary', extensions: ['glb'] } },
  { format: 'vtk', label: 'VTK (ParaView)', title: 'Structured grid with the loss as point data', filter: { name: 'VTK structured grid', extensions: ['vts'] } },
  { format: 'npz', label: 'NumPy .npz', title: 'Arrays loadable with numpy.load', filter: { name: 'NumPy archive', extensions: ['npz'] } },
  { format: 'csv', label: 'CSV', title: 'α, β and the values, one grid point a line', filter: { name: 'CSV', extensions: ['csv'] } },
  { format: 'html', label: 'Standalone HTML', title: 'One file that orbits the surface in any browser, offline', filter: { name: 'HTML page', extensions: ['html'] } },
  { format: 'json', label: 'Surface file (JSON)', title: 'The losscape surface file', filter: { name: 'Surface file', extensions: ['json'] } },
];

const PNG_WIDTHS = [1280, 1920, 2560, 3840];

/** The scanned surface the session shows, if it is finished and its run is there. */
function scanOf(session: SessionState): ScannedSurface | null {
  const { surface, training } = session;
  if (surface?.status !== 'ready' || !training?.run || training.id !== surface.trainingId) return null;
  return {
    run: training.run,
    request: surfaceRequestOf(surface.settings),
    alpha: surface.alpha,
    beta: surface.beta,
    loss: surface.loss,
    accuracy: surface.accuracy,
    trajectory: surface.trajectory,
    info: surface.info,
  };
}

/** Checks that an opened project's state is settings this app reads. */
function projectStateOf(state: JsonValue): ProjectState {
  const s = state as Partial<ProjectState> | null;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new Error('the project file has no settings');
  if (s.format !== STATE_FORMAT) throw new Error(`the project’s settings are in a format this Losscape does not read (${String(s.format)}, expected ${STATE_FORMAT})`);
  for (const key of ['data', 'model', 'train', 'landscape', 'view', 'compare'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) throw new Error(`the project’s settings are incomplete: "${key}" is missing`);
  }
  return s as ProjectState;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The Export menu. */
export function ExportMenu() {
  const { session } = useServices();
  const ready = useSession((s) => scanOf(s) !== null);
  const kind = useProject((s) => s.view.kind);
  const tab = useProject((s) => s.view.tab);
  const metric = useProject((s) => s.landscape.metric);
  const log = useProject((s) => s.landscape.logScale);
  const [width, setWidth] = useState(1920);
  const [transparent, setTransparent] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const enabled = ready && tab === 'landscape' && busy === null;

  const run = async (label: string, job: () => Promise<boolean>) => {
    setBusy(label);
    setStatus(null);
    try {
      if (await job()) setStatus({ error: false, text: `exported ${label}` });
    } catch (error) {
      setStatus({ error: true, text: `Could not export ${label}: ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const exportPng = () =>
    run('PNG', async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('#landscape-viewer canvas');
      if (!canvas) throw new Error('there is no 3D view to capture');
      const png = await capturePng(canvas, width, transparent);
      return saveFile('losscape-surface.png', png, 'image/png', [{ name: 'PNG image', extensions: ['png'] }]);
    });

  const exportAs = (entry: (typeof exports)[number]) =>
    run(entry.label, async () => {
      const scan = scanOf(session.store.getState());
      if (!scan) throw new Error('there is no finished surface');
      const out = await onExportWorker((w) => w.exportScan(scan, entry.format, { metric, log, theme: 'light', transparent }));
      const name = `losscape-surface${entry.format === 'svg-3d' ? '-3d' : entry.format === 'svg-contour' ? '-contour' : ''}.${out.extension}`;
      return saveFile(name, out.data, out.mime, [entry.filter]);
    });

  return (
    <details className="menu" id="export-menu">
      <summary className="button button--small" aria-disabled={!ready}>
        Export
      </summary>
      <div className="menu__panel" role="menu" data-busy={busy ?? ''}>
        {!ready && <p className="menu__note">Compute a surface to export it.</p>}
        <div className="menu__row">
          <button id="export-png" type="button" role="menuitem" className="button button--small" disabled={!enabled || kind !== '3d'} title={kind === '3d' ? 'The 3D view as an image, from the same camera' : 'Switch to the 3D view to export it as PNG'} onClick={() => void exportPng()}>
            PNG
          </button>
          <label className="menu__field">
            width
            <select id="export-png-width" value={width} onChange={(e) => setWidth(Number(e.target.value))}>
              {PNG_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {w} px
                </option>
              ))}
            </select>
          </label>
          <label className="menu__field">
            <input id="export-transparent" type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} /> transparent
          </label>
        </div>
        {exports.map((entry) => (
          <button key={entry.format} id={`export-${entry.format}`} type="button" role="menuitem" className="button button--small menu__item" disabled={!enabled} title={entry.title} onClick={() => void exportAs(entry)}>
            {entry.label}
          </button>
        ))}
        {busy && <p className="menu__note" role="status">exporting {busy}…</p>}
        {status && (
          <p className={status.error ? 'menu__note menu__note--error' : 'menu__note'} role={status.error ? 'alert' : 'status'} id="export-status">
            {status.text}
          </p>
        )}
      </div>
    </details>
  );
}

/** Save project / Open project. */
export function ProjectMenu() {
  const { project, session } = useServices();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const state = session.store.getState();
      const scan = scanOf(state);
      const surfaces: SurfaceFile[] = scan ? [await onExportWorker((w) => w.surfaceFile(scan))] : [];
      const runs = state.training?.run ? [state.training.run] : [];
      const text = projectFileText(projectFileOf({ state: project.getState() as unknown as JsonValue, runs, surfaces }));
      if (await saveFile('losscape-project.json', text, 'application/json', PROJECT_FILTERS)) setStatus({ error: false, text: 'project saved' });
    } catch (error) {
      setStatus({ error: true, text: `Could not save the project: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    setStatus(null);
    try {
      const chosen = await openTextFile(PROJECT_FILTERS);
      if (!chosen) return;
      // Everything is read and checked before anything changes.
      const file = readProjectFile(chosen.text);
      const state = projectStateOf(file.state);
      const run = file.runs[0] ?? null;
      const surface = file.surfaces[0] ?? null;
      project.dispatch({ type: 'load', state });
      session.restore((nextId) => {
        const training = run ? trainingJobOf(nextId(), run, state) : null;
        return { training, surface: surface && training ? surfaceJobOf(nextId(), training.id, surface, state) : null };
      });
      setStatus({ error: false, text: `opened ${chosen.name}` });
    } catch (error) {
      setStatus({ error: true, text: `Could not open the project: ${messageOf(error)}` });
    }
  };

  return (
    <div className="project-menu" role="group" aria-label="project">
      <button id="project-save" type="button" className="button button--small" disabled={busy} onClick={() => void save()}>
        Save project
      </button>
      <button id="project-open" type="button" className="button button--small" onClick={() => void open()}>
        Open project
      </button>
      {status && (
        <span id="project-status" className={status.error ? 'project-menu__status project-menu__status--error' : 'project-menu__status'} role={status.error ? 'alert' : 'status'} data-error={status.error}>
          {status.text}
        </span>
      )}
    </div>
  );
}
