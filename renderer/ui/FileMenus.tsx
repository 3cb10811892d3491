// The header's file menus: Export (the current surface as an image, a vector figure, data or a
// mesh, written in the export worker) and Project (save and open a losscape.project/1 file with
// the settings, cameras, runs, surfaces and comparison; open a standalone surface file to view,
// or a model trained elsewhere to slice and analyse).
import { transfer } from 'comlink';
import { useEffect, useState } from 'react';
import { projectFileBytes, readProjectFile } from '../../engine/io/projectFile.js';
import type { ExportFormat } from '../../workers/export.js';
import { useServices, useProject, useSession } from '../AppContext.js';
import { onExportWorker } from '../io/exportClient.js';
import { markSaved } from '../io/autosave.js';
import { appAutosaveStore } from '../io/autosaveStore.js';
import { baseName, bridge, openBinaryFile, saveFile, saveFileAs, type FileFilter, type OpenedBytes } from '../io/files.js';
import { projectFileToSave, projectMark, showProjectFile } from '../io/openProject.js';
import { readOpenedModel, showOpenedRun, type WeightsReader } from '../io/openModel.js';
import { openedFileOf, readOpenedSurface, showOpenedSurface } from '../io/openSurface.js';
import { openRecentProject, recentProjects, rememberProject } from '../io/recentProjects.js';
import { scanOf } from '../io/scannedSurface.js';
import { messageOf } from '../session/types.js';
import { capturePng } from '../scene/capture.js';
import { AnimationExport } from './AnimationExport.js';
import { MenuActions } from './MenuActions.js';
import { RecoveryPrompt } from './RecoveryPrompt.js';
import './fileMenus.css';

/** Projects are saved in the binary form (an .npz, engine/io/container.ts); older JSON projects still open. */
const PROJECT_SAVE_FILTERS: FileFilter[] = [{ name: 'Losscape project', extensions: ['npz'] }];
const PROJECT_OPEN_FILTERS: FileFilter[] = [{ name: 'Losscape project', extensions: ['npz', 'json'] }];
const MODEL_FILTERS: FileFilter[] = [{ name: 'Model (PyTorch safetensors or npz, ONNX, Losscape run file)', extensions: ['safetensors', 'npz', 'onnx', 'json'] }];
const SURFACE_FILTERS: FileFilter[] = [{ name: 'Surface file (losscape JSON, loss-landscape .h5)', extensions: ['json', 'h5'] }];

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

/** Up to 8K for posters and print; the capture never exceeds what the GPU can draw (MAX_CAPTURE_SIDE). */
const PNG_WIDTHS = [1280, 1920, 2560, 3840, 5120, 7680];

/** The Export menu. */
export function ExportMenu() {
  const { session } = useServices();
  const ready = useSession((s) => scanOf(s.training, s.surface) !== null || openedFileOf(s.surface) !== null);
  const kind = useProject((s) => s.view.kind);
  const tab = useProject((s) => s.view.tab);
  const metric = useProject((s) => s.landscape.metric);
  const log = useProject((s) => s.landscape.logScale);
  const colormap = useProject((s) => s.view.colormap);
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
      const { training, surface } = session.store.getState();
      const scan = scanOf(training, surface);
      // A surface opened or read from a project has its file: written as it is, not re-planned.
      const kept = openedFileOf(surface) ?? (scan ? surface!.saved : undefined);
      if (!scan && !kept) throw new Error('there is no finished surface');
      const options = { metric, log, colormap, theme: 'light', transparent } as const;
      const out = await onExportWorker((w) => (kept ? w.exportFile(kept, entry.format, options) : w.exportScan(scan!, entry.format, options)));
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
        <AnimationExport enabled={enabled && kind === '3d'} run={run} />
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

/** Save project / Open project / the recent projects, and the autosave's recovery prompt. */
export function ProjectMenu() {
  const { project, session } = useServices();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    recentProjects(localStorage).then(setRecent, () => setRecent([]));
  }, []);

  /** After an explicit save or open: no autosave is needed for these settings and results, and the file is recent. */
  const remember = async (where: string) => {
    // The mark is written at once; an autosave the store fails to drop is older than it, so never offered.
    markSaved(localStorage, appAutosaveStore(), projectMark({ project, session }), new Date()).catch(() => undefined);
    setRecent(await rememberProject(localStorage, where));
  };

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await projectFileToSave({ project, session }, (scan) => onExportWorker((w) => w.surfaceFile(scan)));
      const where = await saveFileAs('losscape-project.npz', projectFileBytes(file), 'application/zip', PROJECT_SAVE_FILTERS);
      if (where === null) return;
      await remember(where);
      setStatus({ error: false, text: 'project saved' });
    } catch (error) {
      setStatus({ error: true, text: `Could not save the project: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  /** Runs an Open command: its status says what it opened (nothing when the user cancelled), or why `failure` happened. */
  const attempt = async (failure: string, job: () => Promise<string | null>) => {
    setStatus(null);
    try {
      const done = await job();
      if (done !== null) setStatus({ error: false, text: done });
    } catch (error) {
      setStatus({ error: true, text: `Could not ${failure}: ${messageOf(error)}` });
    }
  };

  const open = (choose: () => Promise<OpenedBytes | null>) =>
    attempt('open the project', async () => {
      const chosen = await choose();
      if (!chosen) return null;
      showProjectFile({ project, session }, readProjectFile(chosen.bytes));
      await remember(chosen.path ?? chosen.name);
      return `opened ${chosen.name}`;
    });
  /** Opens a standalone surface file in the Landscape tab, in place of the current run and surface. */
  const openSurface = () =>
    attempt('open the surface', async () => {
      const chosen = await openBinaryFile(SURFACE_FILTERS);
      if (!chosen) return null;
      const file = await readOpenedSurface(chosen.bytes, chosen.name, (bytes, name) => onExportWorker((w) => w.surfaceOfH5(transfer(bytes, [bytes.buffer as ArrayBuffer]), name)));
      showOpenedSurface({ project, session }, file, chosen.name);
      return `opened the surface ${chosen.name}`;
    });
  /** Opens trained weights or a run file as the current run, evaluated on the Data panel's data set. */
  const openModel = () =>
    attempt('open the model', async () => {
      const chosen = await openBinaryFile(MODEL_FILTERS);
      if (!chosen) return null;
      const readWeights: WeightsReader = (bytes, name, data, activations) => onExportWorker((w) => w.runOfWeights(transfer(bytes, [bytes.buffer as ArrayBuffer]), name, data, activations));
      showOpenedRun({ project, session }, await readOpenedModel(chosen.bytes, chosen.name, project.getState(), readWeights), chosen.name);
      return `opened the model ${chosen.name}`;
    });
  /** Opens a recent project: from the Recent list, or from the desktop menu's File → Open Recent. */
  const openRecent = (entry: string) => void open(() => openRecentProject(entry, PROJECT_OPEN_FILTERS));

  return (
    <div className="project-menu" role="group" aria-label="project">
      <button id="project-save" type="button" className="button button--small" disabled={busy} title="Save the settings, runs, surfaces and comparison as one Losscape project file (.npz)" onClick={() => void save()}>
        Save project
      </button>
      <button id="project-open" type="button" className="button button--small" onClick={() => void open(() => openBinaryFile(PROJECT_OPEN_FILTERS))}>
        Open project
      </button>
      <button id="model-open" type="button" className="button button--small" title="Trained weights (PyTorch .safetensors or .npz with state_dict names, an ONNX MLP) on the Data panel’s data set, or a Losscape run file, to slice and analyse without training" onClick={() => void openModel()}>
        Open model…
      </button>
      <button id="surface-open" type="button" className="button button--small" title="View a surface file (from losscape surface, merge or import, or a loss-landscape .h5) without its run" onClick={() => void openSurface()}>
        Open surface…
      </button>
      {recent.length > 0 && (
        <select
          id="project-recent"
          className="input input--select project-menu__recent"
          aria-label="recent projects"
          value=""
          title={bridge() ? 'Open a recent project' : 'Recent projects: pick the file again to open it'}
          onChange={(e) => {
            const entry = e.target.value;
            if (entry) openRecent(entry);
          }}
        >
          <option value="">Recent…</option>
          {recent.map((entry) => (
            <option key={entry} value={entry} title={entry}>
              {baseName(entry)}
            </option>
          ))}
        </select>
      )}
      <RecoveryPrompt />
      {/* The desktop menu's File commands do what these buttons do. */}
      <MenuActions open={() => void open(() => openBinaryFile(PROJECT_OPEN_FILTERS))} save={() => void save()} openRecent={openRecent} />
      {status && !status.error && (
        <span id="project-status" className="project-menu__status" role="status" data-error={false} title={status.text}>
          {status.text}
        </span>
      )}
      {/* An error is read whole: it drops below the header until dismissed or the next action. */}
      {status?.error && (
        <div className="project-alert" role="alert">
          <span id="project-status" data-error={true}>
            {status.text}
          </span>
          <button id="project-status-dismiss" type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setStatus(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
