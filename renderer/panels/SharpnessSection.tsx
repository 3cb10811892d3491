// Sharpness over training, in the Critical points section: λ_max and the Hessian index at the
// run's recorded snapshots (progress, cancel), plotted against the training step, so a user can
// watch the optimizer pass near saddles.
import { useProject, useServices, useSession } from '../AppContext.js';
import { formatValue } from '../format/ticks.js';
import { MARKER_COLORS } from '../landscape/markers.js';
import { LinePlot } from '../plots/LinePlot.js';
import { SHARPNESS_POINTS } from '../session/sharpnessJob.js';
import { ProgressBar } from '../ui/ProgressBar.js';

/** The button, progress and the two plots (λ_max, index) over the training steps. */
export function SharpnessSection() {
  const job = useSession((s) => s.sharpness);
  const run = useSession((s) => s.training);
  const method = useProject((s) => s.analysis.method);
  const { project, session } = useServices();
  const busy = job?.status === 'running';
  const series = job?.status === 'ready' && job.trainingId === run?.id ? job.series : null;
  const steps = series?.points.map((p) => p.step) ?? [];
  const last = series?.points.at(-1);

  return (
    <div className="sharpness" data-status={job?.status ?? 'none'}>
      <div className="actions">
        <button id="sharpness-compute" type="button" className="button" disabled={!run?.run || busy} title={run?.run ? undefined : 'Train a run first'} onClick={() => session.computeSharpness(project.getState())}>
          Sharpness over training
        </button>
        <button id="sharpness-cancel" type="button" className="button" disabled={!busy} onClick={() => session.cancelSharpness()}>
          Cancel
        </button>
      </div>
      <p className="hint">
        λ_max and the Hessian index at up to {SHARPNESS_POINTS} of the run’s snapshots ({method === 'lanczos' ? 'Lanczos: the index counts the negative ones among the 10 smallest' : 'full Hessian for small models, else Lanczos'}).
      </p>
      {busy && (
        <>
          <ProgressBar value={job.total > 0 ? job.done / job.total : 0} label="sharpness progress" />
          <p className="training__line muted">{job.total > 0 ? `snapshots: ${job.done} / ${job.total}` : 'starting…'}</p>
        </>
      )}
      {job?.status === 'cancelled' && <p className="training__line muted">cancelled</p>}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not compute the sharpness.</strong> {job.error}
        </div>
      )}
      {series && last && (
        <>
          <LinePlot id="sharpness-lambda" title="Sharpness λ_max" xLabel="step" series={[{ name: 'λ_max', color: MARKER_COLORS.minimum, xs: steps, ys: series.points.map((p) => p.lambdaMax) }]} height={130} />
          <LinePlot
            id="sharpness-index"
            title={`Hessian index${series.points.some((p) => !p.indexExact) ? ' (≥ where all found were negative)' : ''}`}
            xLabel="step"
            series={[{ name: 'index', color: MARKER_COLORS.saddle, xs: steps, ys: series.points.map((p) => p.index) }]}
            yRange={{ min: 0, max: Math.max(1, ...series.points.map((p) => p.index)) }}
            height={130}
          />
          <p className="training__line muted" id="sharpness-summary" data-points={series.points.length} data-last-index={last.index}>
            {series.method === 'full' ? 'full Hessian' : 'Lanczos'} · {series.points.length} snapshots · at step {last.step}: λ_max = {formatValue(last.lambdaMax)}, index {last.index}
          </p>
        </>
      )}
    </div>
  );
}
