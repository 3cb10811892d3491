// The Landscape section's controls for a 1D slice: which line, the range of t and the number of
// points; Compute and Cancel with the scan's progress.
import { useDispatch, useProject, useServices, useSession } from '../AppContext.js';
import { LINE_RANGES, type LineSettings } from '../state/project.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { NumberInput, Row, Select } from '../ui/fields.js';
import { RangeRow } from './RangeRow.js';
import { RunJobButtons } from '../ui/RunJobButtons.js';
import { SubsetSummary } from './SurfaceSamples.js';

const pathOptions: { value: LineSettings['path']; label: string }[] = [
  { value: 'interpolation', label: 'Initial θ₀ → trained θ*' },
  { value: 'direction', label: 'Direction 1 through θ*' },
];

/** Which line, its range and resolution. */
export function LineFields() {
  const line = useProject((s) => s.line);
  const dispatch = useDispatch();
  const set = (patch: Partial<LineSettings>) => dispatch({ type: 'set', section: 'line', patch });
  return (
    <>
      <Row label="Line" htmlFor="line-path" hint="Goodfellow et al.'s interpolation from the initial to the trained parameters, or the plane's first direction through θ*">
        {/* Each line has its natural range of t: a new path starts from it. */}
        <Select id="line-path" value={line.path} options={pathOptions} onChange={(path) => set({ path, range: LINE_RANGES[path] })} />
      </Row>
      <RangeRow axis="t" bounds={line.range} onChange={(range) => set({ range })} />
      <Row label="Steps" htmlFor="line-steps" hint="Points along the line, ends included">
        <NumberInput id="line-steps" value={line.steps} min={2} max={1001} integer onChange={(steps) => set({ steps })} />
      </Row>
    </>
  );
}

/** Compute and Cancel for the line, and how far its scan is. */
export function LineActions() {
  const job = useSession((s) => s.line);
  const run = useSession((s) => s.training);
  const { project, session } = useServices();
  const dispatch = useDispatch();
  const busy = job?.status === 'preparing' || job?.status === 'scanning';
  const total = job?.t.length ?? 0;
  /** The same line again on every sample of the split (Samples back to all). */
  const computeOnAll = () => {
    dispatch({ type: 'set', section: 'landscape', patch: { samples: undefined } });
    const state = project.getState();
    session.computeLine({ ...state, landscape: { ...state.landscape, samples: undefined } });
  };
  return (
    <>
      <RunJobButtons ids={['compute-line', 'cancel-line']} hasRun={!!run?.run} busy={busy} onCompute={() => session.computeLine(project.getState())} onCancel={() => session.cancelLine()} needsRun="the line runs through its parameters.">
        {busy ? 'Recompute' : 'Compute line'}
      </RunJobButtons>
      {job && (
        <div className="scan" data-status={job.status} data-points={job.done} data-total-points={total}>
          <ProgressBar value={total > 0 ? job.done / total : 0} label="line progress" tone={job.status === 'cancelled' ? 'muted' : 'accent'} />
          <p className="training__line">
            <span className={`badge badge--${job.status}`}>{job.status}</span> {job.status === 'preparing' ? 'planning the line…' : `${job.done} / ${total} points`}
          </p>
        </div>
      )}
      {job?.samples && job.lossStdError && <SubsetSummary id="line-subset" samples={job.samples} lossStdError={job.lossStdError} busy={busy} onFullSet={computeOnAll} />}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not compute the line.</strong> {job.error}
        </div>
      )}
    </>
  );
}
