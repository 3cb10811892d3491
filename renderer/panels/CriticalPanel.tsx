// The Critical points section: the Hessian spectrum at θ* (progress, cancel), its plot, the
// classification of θ*, a one-click surface along the curvature directions, and sharpness over training.
import { formatValue } from '../format/ticks.js';
import { MARKER_COLORS } from '../landscape/markers.js';
import { SpectrumPlot } from '../plots/SpectrumPlot.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { Section } from '../ui/Section.js';
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

/** A number for the read-out: 3 significant digits, scientific when small or large. */
function num(x: number): string {
  return x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4) ? x.toExponential(2) : formatValue(x);
}

/** The Critical points section of the sidebar. */
export function CriticalPanel() {
  const { settings, set, job, run, project, session, busy, report, scanning } = useAnalysisBlock((s) => s.spectrum);
  const c = report?.classification;

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
      {run?.run && <SharpnessSection />}
    </Section>
  );
}
