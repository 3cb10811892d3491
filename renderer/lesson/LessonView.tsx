// The autodiff lesson: type an expression, give its inputs values, and watch the lecture's
// machinery work on it — the computational graph and its evaluation trace a₁ … aₙ, forward
// mode's tangents ȧ and reverse mode's adjoints ā step by step, what each mode costs,
// finite differences and the symbolic derivative beside them, and backprop's "error from
// above × input from below" in the lecture's two-layer network. The worker computes; this
// tree only renders the state (one serializable object, see lessonState.ts).
import { useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { BackpropPanel } from './BackpropPanel.js';
import { CostPanel } from './CostPanel.js';
import { ExpressionForm } from './ExpressionForm.js';
import { FiniteDifferencePlot } from './FiniteDifferencePlot.js';
import { GraphView } from './GraphView.js';
import type { LessonClient } from './lessonClient.js';
import { initialLessonState, lessonReducer } from './lessonState.js';
import { PassControls, PassResult, StepDetail } from './PassPanel.js';
import { forwardView, reverseView } from './stepper.js';
import { SymbolicPanel } from './SymbolicPanel.js';
import { TraceTable } from './TraceTable.js';
import { useLesson, useWorkerOnce } from './useLesson.js';
import './lesson.css';

const askSwell = (client: LessonClient) => client.swell(8);
const askBackprop = (client: LessonClient) => client.backprop();

/** The whole lesson view; it keeps its own state while mounted. */
export function LessonView() {
  const [state, dispatch] = useReducer(lessonReducer, undefined, () => initialLessonState());
  const job = useLesson(state.source, state.values, state.wrt, state.of);
  const swell = useWorkerOnce(askSwell);
  const backprop = useWorkerOnce(askBackprop);
  const lesson = job.lesson;
  const { mode } = state;

  const view = useMemo(() => {
    if (!lesson) return null;
    return mode === 'forward' ? forwardView(lesson.graph, lesson.forward, state.forwardPosition) : reverseView(lesson.graph, lesson.reverse, state.reversePosition);
  }, [lesson, mode, state.forwardPosition, state.reversePosition]);

  // ← and → step the pass from anywhere but a form field (a lecturer's clicker sends these).
  const total = view?.total ?? 0;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') dispatch({ type: 'step', total });
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') dispatch({ type: 'back' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total]);

  const seed = lesson ? (mode === 'forward' ? lesson.forward.input : lesson.reverse.output) : '';
  return (
    <div className="lesson" data-state={job.status}>
      <div className="lesson-top">
        <div className="lesson-column">
          <ExpressionForm
            source={state.source}
            problem={job.problem}
            inputs={lesson?.graph.inputs ?? []}
            values={{ ...lesson?.values, ...state.values }}
            onSource={(source) => dispatch({ type: 'source', source })}
            onExample={(example) => dispatch({ type: 'example', example })}
            onValue={(name, value) => dispatch({ type: 'value', name, value })}
          />
          {job.error && (
            <div className="lesson-problem" role="alert">
              {job.error}
            </div>
          )}
          {lesson && view && (
            <Card title="Evaluation trace" className="lesson-card--trace" stale={job.status !== 'ready'}>
              <PassControls graph={lesson.graph} mode={mode} view={view} seed={seed} dispatch={dispatch} />
              <TraceTable graph={lesson.graph} values={lesson.trace.values} mode={mode} view={view} seed={seed} />
              <StepDetail graph={lesson.graph} mode={mode} view={view} forward={lesson.forward} reverse={lesson.reverse} />
              <PassResult mode={mode} view={view} forward={lesson.forward} reverse={lesson.reverse} />
            </Card>
          )}
          {!lesson && !job.problem && !job.error && <p className="lesson-muted">computing…</p>}
        </div>
        {lesson && view && (
          <Card title="Computational graph" className="lesson-card--graph" stale={job.status !== 'ready'}>
            <GraphView graph={lesson.graph} values={lesson.trace.values} mode={mode} view={view} seed={seed} />
            <GraphLegend mode={mode} />
          </Card>
        )}
      </div>
      {lesson && (
        <>
          <div className="lesson-grid lesson-grid--wide-right" data-stale={job.status !== 'ready' || undefined}>
            <Card title="Cost of the full Jacobian">
              <CostPanel cost={lesson.cost} />
            </Card>
            <Card title="Numerical differentiation">
              <FiniteDifferencePlot study={lesson.finiteDifferences} />
            </Card>
          </div>
          <div className="lesson-grid lesson-grid--wide-right" data-stale={job.status !== 'ready' || undefined}>
            <Card title="Symbolic differentiation">
              <SymbolicPanel symbolic={lesson.symbolic} swell={swell.value} />
            </Card>
            <Card title="Backpropagation: error from above × input from below">
              {backprop.value ? <BackpropPanel network={backprop.value.network} pattern={backprop.value.pattern} /> : <p className="lesson-muted">{backprop.error ?? 'computing…'}</p>}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}

function Card({ title, className, stale, children }: { title: string; className?: string; stale?: boolean; children: ReactNode }) {
  return (
    <section className={`lesson-card ${className ?? ''}`} aria-label={title} data-stale={stale || undefined}>
      <h3 className="lesson-card__title">{title}</h3>
      {children}
    </section>
  );
}

function GraphLegend({ mode }: { mode: 'forward' | 'reverse' }) {
  return (
    <div className="lesson-legend-row" aria-hidden="true">
      <span className="lesson-key lesson-key--current">current step</span>
      <span className="lesson-key lesson-key--done">{mode === 'forward' ? 'ȧ known' : 'ā complete'}</span>
      {mode === 'reverse' && <span className="lesson-key lesson-key--gathering">ā still gathering</span>}
      <span className="lesson-muted">{mode === 'forward' ? 'edges ×∂aₖ/∂aⱼ carry ȧ upwards' : 'edges carry āⱼ += ∂aₖ/∂aⱼ·āₖ downwards'}</span>
    </div>
  );
}
