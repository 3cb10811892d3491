// Paths between optima, in the Symmetry section: the loss from θ* to a second optimum along
// the straight line, the line after weight matching and a trained Bezier curve, with each
// barrier; then the plane through θ*, that optimum and a third point in one click.
import { formatValue } from '../format/ticks.js';
import { LinePlot } from '../plots/LinePlot.js';
import { PATHS, pathsSeries } from '../plots/pathsSeries.js';
import { THIRD_LABELS } from '../session/pathsJob.js';
import type { PathsJob } from '../session/types.js';
import type { PathEnd } from '../state/project.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { NumberInput, Row, Select } from '../ui/fields.js';
import { RunJobButtons } from '../ui/RunJobButtons.js';
import { useAnalysisBlock } from './useAnalysisBlock.js';

const endOptions: { value: PathEnd; label: string }[] = [
  { value: 'image', label: 'θ*’s symmetry image' },
  { value: 'seed', label: 'same settings, seed + 1' },
  { value: 'compare', label: 'the Compare run' },
];
const thirdOptions = (['control', 'aligned'] as const).map((value) => ({ value, label: THIRD_LABELS[value] }));
const stageNames: Record<NonNullable<PathsJob['stage']>, string> = { train: 'training the second run', linear: 'straight line', align: 'weight matching', curve: 'Bezier curve' };

/** The paths block of the Symmetry section. */
export function SymmetryPaths() {
  const { settings, set, job, run, project, session, busy, report, scanning } = useAnalysisBlock((s) => s.paths);
  const plane = report?.planes[settings.planeThird];

  return (
    <div className="paths" data-status={job?.status}>
      <p className="paths__title">Paths between optima</p>
      <Row label="Second endpoint" htmlFor="paths-end" hint="The first endpoint is θ*, the current run’s parameters">
        <Select id="paths-end" value={settings.pathEnd} options={endOptions} onChange={(pathEnd) => set({ pathEnd })} />
      </Row>
      <Row label="Curve steps" htmlFor="paths-steps" hint="Adam steps training the Bezier curve’s control point">
        <NumberInput id="paths-steps" value={settings.curveSteps} min={0} max={5000} integer onChange={(curveSteps) => set({ curveSteps })} />
      </Row>
      <RunJobButtons ids={['paths-compute', 'paths-cancel']} hasRun={!!run?.run} busy={busy} onCompute={() => session.computePaths(project.getState())} onCancel={() => session.cancelPaths()}>
        Compute paths
      </RunJobButtons>
      {busy && job && (
        <>
          <ProgressBar value={job.total > 0 ? job.done / job.total : 0} label="paths progress" />
          <p className="training__line muted">{job.stage ? `${stageNames[job.stage]}: ${job.done} / ${job.total}` : 'starting…'}</p>
        </>
      )}
      {job?.status === 'cancelled' && <p className="training__line muted">cancelled</p>}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not compute the paths.</strong> {job.error}
        </div>
      )}
      {report && (
        <>
          <p className="training__line muted">
            Loss from θ* (t = 0) to {job?.endLabel} (t = 1)
          </p>
          <LinePlot id="paths-plot" title="loss" xLabel="t" series={pathsSeries(report)} height={170} />
          <ul className="legend paths__barriers">
            {PATHS.map((p) => (
              <li key={p.key} className="legend__item paths__barrier" data-path={p.key} data-barrier={report[p.key].barrier}>
                <span className="legend__swatch" style={{ background: p.color }} />
                {p.describe}: barrier {formatValue(report[p.key].barrier)} · max {formatValue(report[p.key].maxLoss)}
              </li>
            ))}
          </ul>
          <p className="hint">
            Barrier: the most the loss rises above the straight line between the endpoints’ losses. Weight matching {report.matching.converged ? 'converged' : 'stopped'} after {report.matching.sweeps} sweeps.
          </p>
          <Row label="Third point" htmlFor="paths-third" hint="The plane goes through θ*, the second endpoint and this point">
            <Select id="paths-third" value={settings.planeThird} options={thirdOptions} onChange={(planeThird) => set({ planeThird })} />
          </Row>
          <div className="actions">
            <button id="slice-three" type="button" className="button" disabled={!plane || 'reason' in plane || scanning} onClick={() => session.slicePathsPlane(project.getState())}>
              Slice through the three points
            </button>
          </div>
          {plane && 'reason' in plane && <p className="hint paths__no-plane">No plane: {plane.reason}.</p>}
        </>
      )}
    </div>
  );
}
