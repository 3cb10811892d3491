// The main view of the workflow: the current run's surface (3D or contour) with its colour
// bar, the trajectory's playback, and the live training curves.
import { useMemo } from 'react';
import { useProject, useSession } from '../AppContext.js';
import { surfaceMarkers } from '../landscape/markers.js';
import { pathSpan } from '../landscape/trajectory.js';
import type { SurfaceJob } from '../session/types.js';
import { sentence } from '../format/metrics.js';
import { describeDirections } from '../state/options.js';
import { ColorBar } from '../ui/ColorBar.js';
import { LineView } from './LineView.js';
import { PlaybackBar } from './PlaybackBar.js';
import { SurfaceViewer } from './SurfaceViewer.js';
import { TrainingCurves } from './TrainingCurves.js';
import { useSurfaceDisplay } from './useSurfaceDisplay.js';
import { ViewToolbar } from './ViewToolbar.js';

/** What the surface shows, under the toolbar. */
function caption(job: SurfaceJob | null): string | null {
  if (!job) return null;
  const s = job.settings;
  if (job.opened) return `${job.opened.name} · ${job.alpha.length} × ${job.beta.length} · ${job.opened.file.normalization} · ${s.split} split · no run`;
  return `${s.resolution} × ${s.resolution} · ${job.plane?.label ?? describeDirections(s)} · ${s.split} split · BN ${s.norm === 'batch' ? 'batch stats' : 'running stats'}`;
}

/** The Landscape tab. */
export function LandscapeView() {
  const job = useSession((s) => s.surface);
  const run = useSession((s) => s.training);
  const { display } = useSurfaceDisplay(job);
  const spectrum = useSession((s) => s.spectrum);
  const markers = useMemo(() => surfaceMarkers(job, spectrum), [job, spectrum]);
  const metric = useProject((s) => s.landscape.metric);
  const slice = useProject((s) => s.line.slice);
  const empty = run?.run ? (
    <p>
      The run is trained. Press <strong>Compute</strong> in the Landscape panel to slice its loss surface around θ*.
    </p>
  ) : (
    <p>
      Pick a data set and a model, press <strong>Run</strong> to train, then <strong>Compute</strong> the loss landscape around the trained parameters θ*.
    </p>
  );
  return (
    <div className="landscape-view">
      {slice === 'plane' && <ViewToolbar caption={caption(job)} />}
      {run?.status === 'diverged' && (
        <div className="banner banner--warning" data-kind="diverged">
          <strong>Warning:</strong> {sentence(run.message ?? 'training diverged')}
        </div>
      )}
      {slice === 'line' ? (
        <div className="stage">
          <LineView />
        </div>
      ) : (
        <div className="stage">
          <SurfaceViewer id="landscape-viewer" job={job} empty={empty} markers={markers} cameraName="landscape" />
          <ColorBar range={display?.range ?? null} label={display?.label ?? metric} log={display?.log ?? false} />
        </div>
      )}
      {slice === 'plane' && job && job.trajectory.length > 0 && (
        <PlaybackBar trajectory={job.trajectory} span={pathSpan(job.trajectory, job.alpha, job.beta)} random={job.settings.directions === 'random'} />
      )}
      <TrainingCurves />
    </div>
  );
}
