// One surface job in the chosen view (3D, contour or heatmap), with its status and hover read-out.
// data-state tells tests (and screen readers) what the viewer shows.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useDispatch, useProject } from '../AppContext.js';
import { formatValue } from '../format/ticks.js';
import { valueAt } from '../landscape/display.js';
import { ContourPlot } from '../plots/ContourPlot.js';
import { useSize } from '../plots/useWidth.js';
import { CAMERA_TARGET, CameraRig } from '../scene/CameraRig.js';
import { SyncedCamera, type CameraGroup } from '../scene/CameraSync.js';
import { CameraWatch } from '../scene/CameraWatch.js';
import { gridX, gridY, frameOf } from '../scene/frame.js';
import { LandscapePlot } from '../scene/LandscapePlot.js';
import { SceneCanvas } from '../scene/SceneCanvas.js';
import type { SurfaceMarker } from '../landscape/markers.js';
import type { SurfaceJob } from '../session/types.js';
import type { CameraView, CameraViewName } from '../state/project.js';
import { PrecisionBadge } from '../panels/SurfacePrecision.js';
import { useSurfaceDisplay } from './useSurfaceDisplay.js';
import { valueText } from '../landscape/stdError.js';

interface SurfaceViewerProps {
  id: string;
  job: SurfaceJob | null;
  /** A plotted range shared with other viewers (comparison); default the job's own. */
  range?: { min: number; max: number } | null;
  /** Shown when there is no job. */
  empty: ReactNode;
  /** Classified points drawn on the surface. */
  markers?: readonly SurfaceMarker[];
  /** Viewers whose cameras move with this one's (the comparison). */
  cameraGroup?: CameraGroup;
  /** The project's name for this view's camera: where the user orbits it, it is kept (and saved) under this name. */
  cameraName: CameraViewName;
}

/** Where the viewer stands, for data-state. */
function viewerState(job: SurfaceJob | null, drawn: boolean): string {
  if (!job) return 'empty';
  if (job.status === 'ready') return drawn ? 'ready' : 'drawing';
  return job.status;
}

/** The surface of `job` in 3D, as contours or as a heatmap, following the project's view settings. */
export function SurfaceViewer({ id, job, range, empty, markers = [], cameraGroup, cameraName }: SurfaceViewerProps) {
  const kind = useProject((s) => s.view.kind);
  const camera = useProject((s) => s.view.camera);
  const nonce = useProject((s) => s.view.cameraNonce);
  const cameraView = useProject((s) => s.view.cameraViews[cameraName]);
  const dispatch = useDispatch();
  const keepView = useCallback((view: CameraView) => dispatch({ type: 'camera/view', name: cameraName, view }), [dispatch, cameraName]);
  const metric = useProject((s) => s.landscape.metric);
  const logScale = useProject((s) => s.landscape.logScale);
  const playback = useProject((s) => s.view.playback);
  const colormap = useProject((s) => s.view.colormap);
  const contours = useProject((s) => s.view.contours);
  const wireframe = useProject((s) => s.view.wireframe);
  const { shown, display } = useSurfaceDisplay(job);
  const span = range ?? display?.range ?? null;
  const box = useRef<HTMLElement>(null);
  const size = useSize(box);
  // What the canvas must have drawn before the viewer is 'ready' (a resize redraws it).
  const token = `${shown?.id}:${shown?.revision}:${markers.map((m) => m.kind).join(',')}:${metric}:${logScale}:${span?.min}:${span?.max}:${kind}:${colormap}:${contours}:${wireframe}:${size.width}x${size.height}`;
  const [drawn, setDrawn] = useState('');
  const [hover, setHover] = useState<{ x: number; z: number } | null>(null);

  const readout = useMemo(() => {
    if (!hover || !display || !span) return null;
    const frame = frameOf(display.grid.alpha, display.grid.beta, span);
    const a = gridX(frame, hover.x);
    const b = gridY(frame, hover.z);
    return { a, b, v: valueAt(display.grid, a, b) };
  }, [hover, display, span]);

  const state = viewerState(shown, kind !== '3d' || drawn === token);
  return (
    <section ref={box} id={id} className="viewer" data-state={state} data-kind={kind} data-trajectory-points={shown?.trajectory.length ?? 0} data-rows={shown?.rowsComputed ?? 0} data-markers={markers.map((m) => m.kind).join(' ')}>
      {!display && <div className="viewer__empty">{job?.status === 'preparing' ? <Spinner text="planning the directions and projecting the path…" /> : job?.status === 'error' ? null : empty}</div>}
      {/* The canvas stays mounted (hidden) in the 2D views: switching back is instant and keeps the camera. */}
      {display && shown && (
        <div className="viewer__scene" hidden={kind !== '3d'}>
          <SceneCanvas target={CAMERA_TARGET}>
            <CameraRig preset={camera} nonce={nonce} view={cameraView} />
            <CameraWatch onRest={keepView} />
            {cameraGroup && <SyncedCamera group={cameraGroup} />}
            <LandscapePlot display={display} range={span} revision={shown.revision} trajectory={shown.trajectory} token={token} onDrawn={setDrawn} onHover={setHover} markers={markers} />
          </SceneCanvas>
        </div>
      )}
      {display && shown && kind !== '3d' && (
        <ContourPlot display={display} range={span} trajectory={shown.trajectory} playback={playback} height={size.height} state={state} markers={markers} colormap={colormap} heatmap={kind === 'heatmap'} />
      )}
      {display && shown && <PrecisionBadge job={shown} className="badge badge--float32 viewer__precision" />}
      {shown?.status === 'scanning' && <Spinner text={`computing ${shown.rowsComputed} / ${shown.alpha.length} rows…`} overlay />}
      {shown?.status === 'cancelled' && <div className="status status--muted">cancelled at {shown.rowsComputed} / {shown.alpha.length} rows</div>}
      {job?.status === 'error' && (
        <div className="status status--error" role="alert">
          <strong>Could not compute the surface.</strong>
          <span className="status__message">{job.error}</span>
        </div>
      )}
      {kind === '3d' && display && (
        readout && Number.isFinite(readout.v) ? (
          <div className="viewer__readout">
            α {formatValue(readout.a)} · β {formatValue(readout.b)} · {metric} {valueText(readout.v, display.stdError, readout.a, readout.b)}
          </div>
        ) : (
          <div className="viewer__hint">drag to orbit · scroll to zoom · hover the surface for values</div>
        )
      )}
    </section>
  );
}

/** A still "working" badge: no animation, so long jobs cost no repaints. */
function Spinner({ text, overlay = false }: { text: string; overlay?: boolean }) {
  return (
    <div className={overlay ? 'status status--computing' : 'viewer__waiting'} role="status">
      <span className="header__dot" aria-hidden="true" />
      {text}
    </div>
  );
}
