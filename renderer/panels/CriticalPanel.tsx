// The Critical points section: the Hessian spectrum at θ* (progress, cancel), its plot, the
// classification of θ* and what it means for the picture, a one-click surface along the
// curvature directions, the search for a critical point from θ*, and sharpness over training.
import { formatScalar as num } from '../format/metrics.js';
import { MARKER_COLORS } from '../landscape/markers.js';
import { SpectrumPlot } from '../plots/SpectrumPlot.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { Section } from '../ui/Section.js';
import type { Classification } from '../../engine/analysis/classify.js';
import { penaltyFloorCount, PENALTY_FLOOR_TOLERANCE } from '../../engine/analysis/penaltyFloor.js';
import type { SpectrumReport } from '../../engine/analysis/spectrum.js';
import { CriticalSearch } from './CriticalSearch.js';
import { SharpnessSection } from './SharpnessSection.js';
import { useAnalysisBlock } from './useAnalysisBlock.js';
import { NumberInput, Row, Select, Toggle } from '../ui/fields.js';
import { RunJobButtons } from '../ui/RunJobButtons.js';

const methodOptions = [
  { value: 'auto', label: 'auto (full up to 500 parameters)' },
  { value: 'full', label: 'full Hessian' },
  { value: 'lanczos', label: 'Lanczos' },
] as const;

const stageNames = { hessian: 'building the Hessian', lanczos: 'Lanczos', trace: 'trace (Hutchinson)', density: 'density (SLQ)' } as const;

/** What a saddle or a degenerate point means for the surface, and which eigen-slice shows it. */
function meaningOf(c: Classification, report: SpectrumReport): string | null {
  const [first, second] = report.directions.values;
  if (c.kind === 'saddle') {
    return `A saddle: the loss falls along ${c.index} direction${c.index === 1 ? '' : 's'} of negative curvature. The eigen-slice’s α axis is the steepest of them (λ = ${num(first)}): along α the surface curves down, along β (λ = ${num(second)}) up.`;
  }
  if (c.kind === 'degenerate') {
    return `Degenerate: every eigenvalue lies in the near-zero band, so the second-order test cannot tell what this point is. The eigen-slice along the two largest-curvature directions (λ = ${num(first)}, ${num(second)}) shows whether the loss curves there at higher order.`;
  }
  return null;
}

/** The Critical points section of the sidebar. */
export function CriticalPanel() {
  const { settings, set, job, run, project, session, busy, report, scanning } = useAnalysisBlock((s) => s.spectrum);
  const c = report?.classification;
  const weightDecay = run?.run?.spec.weightDecay ?? 0;
  const atPenalty = report?.eigenvalues ? penaltyFloorCount(report.eigenvalues, weightDecay) : 0;
  const meaning = report && c ? meaningOf(c, report) : null;

  return (
    <Section id="critical" title="Critical points" summary={c ? c.label : job ? job.status : undefined}>
      <Row label="Method" htmlFor="spectrum-method">
        <Select id="spectrum-method" value={settings.method} options={methodOptions} onChange={(method) => set({ method })} />
      </Row>
      <div className="row-pair">
        <Row label="Extremes" htmlFor="spectrum-top" hint="How many of the largest and of the smallest eigenvalues">
          <NumberInput id="spectrum-top" value={settings.top} min={1} max={50} integer onChange={(top) => set({ top })} />
        </Row>
        <Toggle id="spectrum-density" label="Density" checked={settings.density} onChange={(density) => set({ density })} hint="The spectral density by stochastic Lanczos quadrature" />
      </div>
      <RunJobButtons ids={['spectrum-compute', 'spectrum-cancel']} hasRun={!!run?.run} busy={busy} onCompute={() => session.computeSpectrum(project.getState())} onCancel={() => session.cancelSpectrum()} needsRun="the Hessian is taken at its final parameters θ*.">
        Compute spectrum
      </RunJobButtons>
      {job && (
        <div className="spectrum" data-status={job.status}>
          {busy && (
            <>
              <ProgressBar value={job.total > 0 ? job.done / job.total : 0} label="spectrum progress" />
              <p className="training__line muted">{job.stage ? `${stageNames[job.stage]}: ${job.done} / ${job.total}` : 'starting…'}</p>
            </>
          )}
          {job.status === 'cancelled' && <p className="training__line muted">cancelled</p>}
        </div>
      )}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not compute the spectrum.</strong> {job.error}
        </div>
      )}
      {report && c && (
        <div className="classification" data-kind={c.kind} data-index={c.index} data-near-zero={c.nearZero}>
          <p className="classification__label">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="2" fill={MARKER_COLORS[c.kind]} />
            </svg>{' '}
            {c.critical ? (
              <>
                θ* is a <strong>{c.label}</strong>
              </>
            ) : (
              <>
                curvature of a <strong>{c.label}</strong> <span className="muted">— θ* is not yet a critical point (‖∇L‖ above the tolerance; train longer)</span>
              </>
            )}
          </p>
          <p className="training__line">
            ‖∇L‖ = {num(c.gradientNorm)} (critical if ≤ {num(c.tolerances.gradient)}) · loss {num(report.loss)}
          </p>
          <p className="training__line">
            λ ∈ [{num(c.smallest)}, {num(c.largest)}] · index {c.index} · {c.nearZero} near-zero (|λ| ≤ {num(c.tolerances.zeroAbsolute)})
          </p>
          <p className="training__line muted">
            {report.method === 'full' ? 'full Hessian' : 'Lanczos'} · P = {report.size} · trace {report.trace.exact !== undefined ? num(report.trace.exact) : report.trace.estimate !== undefined ? `≈ ${num(report.trace.estimate)} ± ${num(report.trace.standardError ?? 0)}` : '—'} · {report.hvps} HVPs
          </p>
          {atPenalty > 0 && (
            <p className="training__line" id="penalty-floor" data-count={atPenalty}>
              {atPenalty} eigenvalues equal the weight decay λ = {num(weightDecay)} (to {num(PENALTY_FLOOR_TOLERANCE)} relative): directions the data term does not curve, held by the penalty alone (for softmax outputs without biases, shifting every output unit’s weights together changes no prediction).
            </p>
          )}
          {meaning && (
            <p className="training__line" id="classification-meaning">
              {meaning}
            </p>
          )}
          <SpectrumPlot report={report} />
          <div className="actions">
            <button id="slice-eigenvectors" type="button" className="button" disabled={scanning} onClick={() => session.sliceAlongEigenvectors(project.getState())}>
              Slice along eigenvectors
            </button>
          </div>
          <p className="hint">
            {report.directions.mode === 'saddle' ? 'The most negative and most positive curvature directions' : 'The two largest-curvature directions'} (λ = {num(report.directions.values[0])}, {num(report.directions.values[1])}), with the Landscape section’s α, β ranges and resolution.
          </p>
        </div>
      )}
      <CriticalSearch />
      {run?.run && <SharpnessSection />}
    </Section>
  );
}
