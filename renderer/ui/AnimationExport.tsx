// The Export menu's animation: plays the run's path on the 3D view (the playback marker moves
// from the start to θ*) and records the canvas as a WebM video, with progress and cancel.
import { useRef, useState } from 'react';
import { useServices, useSession } from '../AppContext.js';
import { saveFile } from '../io/files.js';
import { recordWebm, webmType } from '../io/recordWebm.js';
import { ProgressBar } from './ProgressBar.js';

/** Seconds the marker takes from the start of the path to θ*. */
export const ANIMATION_SECONDS = 4;
const FPS = 30;

interface AnimationExportProps {
  /** Whether the menu allows exports now (a finished surface, shown in 3D, nothing running). */
  enabled: boolean;
  /** The menu's export runner: shows busy, then the outcome or the error. */
  run(label: string, job: () => Promise<boolean>): Promise<void>;
}

/** The "Animation (WebM)" item, with its progress bar and Cancel button while it records. */
export function AnimationExport({ enabled, run }: AnimationExportProps) {
  const { project } = useServices();
  const hasPath = useSession((s) => (s.surface?.trajectory.length ?? 0) > 1);
  const [supported] = useState(() => webmType() !== null);
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  const record = () =>
    run('WebM', async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('#landscape-viewer canvas');
      if (!canvas) throw new Error('there is no 3D view to record');
      const controller = new AbortController();
      abort.current = controller;
      const before = project.getState().view.playback;
      const step = (t: number) => project.dispatch({ type: 'set', section: 'view', patch: { playback: t } });
      setProgress(0);
      try {
        const video = await recordWebm(canvas, { seconds: ANIMATION_SECONDS, fps: FPS, step, onProgress: setProgress, signal: controller.signal });
        return video !== null && (await saveFile('losscape-run.webm', video, 'video/webm', [{ name: 'WebM video', extensions: ['webm'] }]));
      } finally {
        step(before);
        setProgress(null);
        abort.current = null;
      }
    });

  const title = !supported ? 'This browser cannot record WebM video' : hasPath ? 'The optimizer’s path played on the 3D view, as a WebM video' : 'The surface has no trajectory to animate';
  return (
    <div className="menu__row">
      <button id="export-webm" type="button" role="menuitem" className="button button--small" disabled={!enabled || !supported || !hasPath} title={title} onClick={() => void record()}>
        Animation (WebM)
      </button>
      {progress !== null && (
        <>
          <ProgressBar value={progress} label="recording the animation" />
          <button id="export-webm-cancel" type="button" className="button button--small" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
