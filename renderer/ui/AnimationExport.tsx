// The Export menu's animation: plays the run's path on the 3D view (the playback marker moves
// from the start to θ*) and records it frame by frame, with the axes' labels, as a WebM video or
// an animated GIF, with progress and cancel.
import { useRef, useState } from 'react';
import { useServices, useSession } from '../AppContext.js';
import type { AnimationOptions } from '../io/animation.js';
import { saveFile } from '../io/files.js';
import { recordGif } from '../io/recordGif.js';
import { canEncodeWebm, recordWebm } from '../io/recordWebm.js';
import { ProgressBar } from './ProgressBar.js';

/** Seconds the marker takes from the start of the path to θ*. */
export const ANIMATION_SECONDS = 4;
const WEBM_FPS = 30;
/** Width of the video in pixels (its height keeps the view's aspect): sharp labels, a modest file. */
const WEBM_WIDTH = 1280;
/** Fewer frames keep the GIF small; 12 a second still reads as motion. */
const GIF_FPS = 12;
/** Width of the GIF in pixels (its height keeps the view's aspect). */
const GIF_WIDTH = 800;

interface AnimationExportProps {
  /** Whether the menu allows exports now (a finished surface, shown in 3D, nothing running). */
  enabled: boolean;
  /** The menu's export runner: shows busy, then the outcome or the error. */
  run(label: string, job: () => Promise<boolean>): Promise<void>;
}

/** Records the animation of the 3D view and saves it; answers false when cancelled. */
type Recorder = (canvas: HTMLCanvasElement, options: AnimationOptions) => Promise<boolean>;

/** The "Animation (WebM)" and "GIF" items, with a progress bar and Cancel button while one records. */
export function AnimationExport({ enabled, run }: AnimationExportProps) {
  const { project } = useServices();
  const hasPath = useSession((s) => (s.surface?.trajectory.length ?? 0) > 1);
  const [supported] = useState(canEncodeWebm);
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  /** Runs `record` over the playback from 0 to 1, then puts the playback back where it was. */
  const animate = (label: string, fps: number, record: Recorder) =>
    run(label, async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('#landscape-viewer canvas');
      if (!canvas) throw new Error('there is no 3D view to record');
      const controller = new AbortController();
      abort.current = controller;
      const before = project.getState().view.playback;
      const step = (t: number) => project.dispatch({ type: 'set', section: 'view', patch: { playback: t } });
      setProgress(0);
      try {
        return await record(canvas, { seconds: ANIMATION_SECONDS, fps, step, onProgress: setProgress, signal: controller.signal });
      } finally {
        step(before);
        setProgress(null);
        abort.current = null;
      }
    });

  const exportWebm = () =>
    animate('WebM', WEBM_FPS, async (canvas, options) => {
      const video = await recordWebm(canvas, WEBM_WIDTH, options);
      return video !== null && (await saveFile('losscape-run.webm', video, 'video/webm', [{ name: 'WebM video', extensions: ['webm'] }]));
    });

  const exportGif = () =>
    animate('GIF', GIF_FPS, async (canvas, options) => {
      const gif = await recordGif(canvas, GIF_WIDTH, options);
      return gif !== null && (await saveFile('losscape-run.gif', gif, 'image/gif', [{ name: 'GIF image', extensions: ['gif'] }]));
    });

  const noPath = 'The surface has no trajectory to animate';
  return (
    <div className="menu__row">
      <button
        id="export-webm"
        type="button"
        role="menuitem"
        className="button button--small"
        disabled={!enabled || !supported || !hasPath}
        title={!supported ? 'This browser cannot encode WebM video' : hasPath ? 'The optimizer’s path played on the 3D view, as a WebM video with the axes’ labels' : noPath}
        onClick={() => void exportWebm()}
      >
        Animation (WebM)
      </button>
      <button id="export-gif" type="button" role="menuitem" className="button button--small" disabled={!enabled || !hasPath} title={hasPath ? 'The same animation as a GIF, with the axes’ labels' : noPath} onClick={() => void exportGif()}>
        GIF
      </button>
      {progress !== null && (
        <>
          <ProgressBar value={progress} label="recording the animation" />
          <button id="export-animation-cancel" type="button" className="button button--small" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
