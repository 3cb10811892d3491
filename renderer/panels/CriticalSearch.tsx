// The critical-point search of the Critical points section: refine θ* to a critical point
// (saddle-free Newton towards a minimum, or Levenberg–Marquardt to the nearest one), with
// progress and cancel, and what it found; beside it the lecture's two examples, seed-iris-wd's
// true minimum (one click: train, refine, mark) and why seed-iris itself has none.
import { useDispatch } from '../AppContext.js';
import { formatScalar as num } from '../format/metrics.js';
import { CRITICAL_ITERATIONS } from '../session/criticalJob.js';
import { NumberInput, Row, Select } from '../ui/fields.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { RunJobButtons } from '../ui/RunJobButtons.js';
import { useAnalysisBlock } from './useAnalysisBlock.js';

const searchOptions = [
  { value: 'saddle-free', label: 'saddle-free Newton' },
  { value: 'auto', label: 'Levenberg–Marquardt' },
] as const;

/** The preset whose loss has a true minimum, and the tolerance its example refines to. */
const EXAMPLE = { preset: 'seed-iris-wd', tolerance: 1e-10 } as const;

export function CriticalSearch() {
  const { settings, set, job, run, project, session, busy, report } = useAnalysisBlock((s) => s.critical);
  const dispatch = useDispatch();
  const training = run?.status === 'running' || run?.status === 'paused';
  const showExample = () => {
    dispatch({ type: 'preset', name: EXAMPLE.preset });
    set({ searchMethod: 'saddle-free', searchTolerance: EXAMPLE.tolerance });
    session.trainAndRefine(project.getState());
  };

  return (
    <div className="critical-search" data-status={job?.status ?? 'none'}>
      <p className="critical-search__title">Find a critical point</p>
      <Row label="Search" htmlFor="critical-method" hint="Saddle-free Newton descends to a minimum; Levenberg–Marquardt goes to the nearest critical point of any kind">
        <Select id="critical-method" value={settings.searchMethod} options={searchOptions} onChange={(searchMethod) => set({ searchMethod })} />
      </Row>
      <Row label="‖∇L‖ ≤" htmlFor="critical-tolerance" hint="The search stops when the gradient norm is this small">
        <NumberInput id="critical-tolerance" value={settings.searchTolerance} min={1e-14} max={1} onChange={(searchTolerance) => set({ searchTolerance })} />
      </Row>
      <RunJobButtons ids={['critical-refine', 'critical-cancel']} hasRun={!!run?.run && !training} busy={busy} onCompute={() => session.refineCritical(project.getState())} onCancel={() => session.cancelCritical()}>
        Refine θ*
      </RunJobButtons>
      <p className="hint">
        {settings.searchMethod === 'saddle-free' ? 'Descends to a minimum' : 'Goes to the nearest critical point, of any kind'} by Newton steps from θ* (full Hessian, at most {CRITICAL_ITERATIONS}); a point found becomes the run’s θ*, with its spectrum and its surface.
      </p>
      {busy && job && (
        <>
          <ProgressBar value={job.iteration / job.maxIterations} label="critical-point search progress" />
          <p className="training__line muted">
            {job.gradientNorm === null ? 'starting…' : `iteration ${job.iteration} / ${job.maxIterations} · ‖∇L‖ = ${num(job.gradientNorm)}`}
          </p>
        </>
      )}
      {job?.status === 'cancelled' && <p className="training__line muted">cancelled</p>}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not search for a critical point.</strong> {job.error}
        </div>
      )}
      {report && (
        <div id="critical-result" className="critical-result" data-converged={report.search.converged} data-kind={report.spectrum.classification.kind} data-gradient-norm={report.search.gradientNorm}>
          {report.search.converged ? (
            <p className="training__line">
              Found a <strong>{report.spectrum.classification.label}</strong> in {report.search.iterations} iterations: ‖∇L‖ {num(report.search.history[0].gradientNorm)} → {num(report.search.gradientNorm)}. It is now the run’s θ*.
            </p>
          ) : (
            <p className="training__line">
              <strong>Not converged:</strong> {report.search.message}. Where the search stopped, the curvature is that of a {report.spectrum.classification.label}; θ* is unchanged.
            </p>
          )}
        </div>
      )}
      <div className="critical-examples">
        <button id="example-minimum" type="button" className="button" disabled={busy} onClick={showExample}>
          Show a true minimum ({EXAMPLE.preset})
        </button>
        <p className="hint" id="example-minimum-hint">
          Trains seed-iris with weight decay λ = 10⁻³, refines θ* by saddle-free Newton to ‖∇L‖ ≤ 10⁻¹⁰ and marks the minimum on its surface.
        </p>
        <p className="hint" id="no-minimum-why">
          Why seed-iris itself has no minimum: its logistic units saturate, so the loss keeps falling as the weights grow without bound; it has saddles, but its infimum lies at infinite weights.
        </p>
      </div>
    </div>
  );
}
