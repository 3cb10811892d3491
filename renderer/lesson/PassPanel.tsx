// The controls and read-outs of one pass: the mode, its seed, the stepper (Reset, Back, Step,
// End, or ← → on the keyboard), what the current step computes, and what the finished pass
// gives: every output's derivative by one input (forward), or one output's by every input
// (reverse).
import { adjointLabel, prettyName, tangentLabel, type ComputationGraph, type ForwardPass, type ReversePass } from '../../engine/lesson/index.js';
import { formatValue } from './format.js';
import type { LessonAction, LessonMode } from './lessonState.js';
import type { PassView } from './stepper.js';

interface PassControlsProps {
  graph: ComputationGraph;
  mode: LessonMode;
  view: PassView;
  seed: string;
  dispatch: (action: LessonAction) => void;
}

/** The mode switch, the seed picker and the stepper. */
export function PassControls({ graph, mode, view, seed, dispatch }: PassControlsProps) {
  return (
    <div className="lesson-controls" role="toolbar" aria-label="stepper">
      <div className="lesson-segmented" role="group" aria-label="mode">
        {(['forward', 'reverse'] as const).map((m) => (
          <button key={m} type="button" id={`lesson-mode-${m}`} className="lesson-button" aria-pressed={mode === m} onClick={() => dispatch({ type: 'mode', mode: m })}>
            {m === 'forward' ? 'Forward' : 'Reverse'}
          </button>
        ))}
      </div>
      <label className="lesson-seed">
        {mode === 'forward' ? 'differentiate by' : 'differentiate'}
        <select
          id="lesson-seed"
          className="lesson-select"
          value={seed}
          onChange={(event) => dispatch(mode === 'forward' ? { type: 'wrt', input: event.target.value } : { type: 'of', output: event.target.value })}
        >
          {(mode === 'forward' ? graph.inputs : graph.outputs.map((o) => o.name)).map((name) => (
            <option key={name} value={name}>
              {prettyName(name)}
            </option>
          ))}
        </select>
      </label>
      <div className="lesson-stepper">
        <button type="button" id="lesson-reset" className="lesson-button" disabled={view.position === 0} onClick={() => dispatch({ type: 'reset' })}>
          Reset
        </button>
        <button type="button" id="lesson-back" className="lesson-button" disabled={view.position === 0} onClick={() => dispatch({ type: 'back' })}>
          ◀ Back
        </button>
        <button type="button" id="lesson-step" className="lesson-button lesson-button--primary" disabled={view.finished} onClick={() => dispatch({ type: 'step', total: view.total })}>
          Step ▶
        </button>
        <button type="button" id="lesson-end" className="lesson-button" disabled={view.finished} onClick={() => dispatch({ type: 'end', total: view.total })}>
          End ▶▶
        </button>
        <span className="lesson-stepper__position" id="lesson-position" aria-live="polite">
          step {view.position} of {view.total}
        </span>
      </div>
    </div>
  );
}

interface StepDetailProps {
  graph: ComputationGraph;
  mode: LessonMode;
  view: PassView;
  forward: ForwardPass;
  reverse: ReversePass;
}

/** The current step with its numbers: the rule, the products, and (reverse) the contributions it sends. */
export function StepDetail({ graph, mode, view, forward, reverse }: StepDetailProps) {
  if (view.current === null) {
    const hint =
      mode === 'forward'
        ? `Forward mode walks a₁ … a${sub(graph.nodes.length)} upwards, one tangent ȧₖ = Σ ∂aₖ/∂aⱼ · ȧⱼ per step.`
        : `Reverse mode walks back from the output, one adjoint āₖ per step, sending āⱼ += ∂aₖ/∂aⱼ · āₖ to each operand.`;
    return (
      <div className="lesson-step" data-mode={mode}>
        <span className="lesson-muted">{hint} Press Step (or →).</span>
      </div>
    );
  }
  const k = view.current;
  if (mode === 'forward') {
    const step = forward.steps[k];
    const products = step.terms.map((t, i) => `${i === 0 ? formatValue(t.partial) : operand(t.partial)} × ${operand(t.factor)}`).join(' + ');
    return (
      <div className="lesson-step" data-mode={mode}>
        <div className="lesson-step__rule">
          {step.rule}
          {step.terms.length > 0 && <span className="lesson-muted"> = {products}</span>} = <strong>{formatValue(step.tangent)}</strong>
          {graph.nodes[k].op === 'input' && <span className="lesson-muted">{step.tangent === 1 ? '  (the seed)' : '  (not the seeded input)'}</span>}
        </div>
      </div>
    );
  }
  const step = reverse.steps.find((s) => s.node === k)!;
  return (
    <div className="lesson-step" data-mode={mode}>
      <div className="lesson-step__rule">
        {step.gathered} = <strong>{formatValue(step.adjoint)}</strong>
      </div>
      {step.contributions.map((c, i) => (
        <div key={i} className="lesson-step__contribution">
          {c.rule}
          <span className="lesson-muted">
            {' '}
            = {formatValue(c.partial)} × {operand(c.factor)} → {adjointLabel(c.operand + 1)} = {formatValue(c.total)}
          </span>
        </div>
      ))}
      {step.contributions.length === 0 && graph.nodes[k].op === 'input' && <div className="lesson-muted">an input: nothing to send further down</div>}
    </div>
  );
}

/** The derivatives one finished pass gives, greyed until the stepper reaches the end. */
export function PassResult({ mode, view, forward, reverse }: { mode: LessonMode; view: PassView; forward: ForwardPass; reverse: ReversePass }) {
  const rows =
    mode === 'forward'
      ? forward.derivatives.map((d) => ({ key: d.output, label: `∂${prettyName(d.output)}/∂${prettyName(forward.input)}`, via: tangentLabel(d.node + 1), value: d.value }))
      : reverse.derivatives.map((d) => ({ key: d.input, label: `∂${prettyName(reverse.output)}/∂${prettyName(d.input)}`, via: adjointLabel(d.node + 1), value: d.value }));
  const title =
    mode === 'forward'
      ? `One forward pass: every output by ${prettyName(forward.input)}`
      : `One reverse pass: ${prettyName(reverse.output)} by every input`;
  return (
    <div className="lesson-result" data-finished={view.finished} data-mode={mode}>
      <div className="lesson-result__title">{title}</div>
      <div className="lesson-result__items">
        {rows.map((r) => (
          <span key={r.key} className="lesson-result__item" data-derivative={r.key}>
            {r.label} = {r.via} = <strong>{view.finished ? formatValue(r.value) : '?'}</strong>
          </span>
        ))}
      </div>
    </div>
  );
}

/** A number as a factor in a product: negatives in parentheses, 2 × (−1). */
const operand = (v: number) => (v < 0 ? `(${formatValue(v)})` : formatValue(v));

const sub = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
