// The expression to study, the examples to start from, and the value of every input. A bad
// expression shows the parser's message with a caret under the column it points at.
import { useState } from 'react';
import { prettyName } from '../../engine/lesson/index.js';
import type { LessonProblem } from '../../workers/lesson.js';
import { lessonExamples, type LessonExample } from './examples.js';

/** What the parser reads, for the tooltip and beside an error. */
const SYNTAX = 'several outputs: y1 = …; y2 = … (or one per line) · operators + − * / ^ · functions sin cos tan exp log sqrt tanh sigmoid relu step';

/** Longer expressions are refused at the keyboard: a lesson is about a few lines. */
export const MAX_SOURCE_LENGTH = 2000;

interface ExpressionFormProps {
  source: string;
  problem: LessonProblem | null;
  /** The inputs of the current (or last good) expression, in trace order, with their values. */
  inputs: string[];
  values: Record<string, number>;
  onSource: (source: string) => void;
  onExample: (example: LessonExample) => void;
  onValue: (name: string, value: number) => void;
}

/** The top of the lesson: what to differentiate, and where. */
export function ExpressionForm({ source, problem, inputs, values, onSource, onExample, onValue }: ExpressionFormProps) {
  return (
    <section className="lesson-card lesson-expression" aria-label="expression">
      <div className="lesson-expression__row lesson-expression__head">
        <label className="lesson-card__title" htmlFor="lesson-source">
          Expression
        </label>
        <select
          className="lesson-select"
          aria-label="examples"
          value=""
          onChange={(event) => {
            const example = lessonExamples.find((e) => e.id === event.target.value);
            if (example) onExample(example);
          }}
        >
          <option value="" disabled>
            Examples…
          </option>
          {lessonExamples.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </div>
      <textarea
        id="lesson-source"
        className="lesson-source"
        spellCheck={false}
        autoComplete="off"
        rows={1}
        maxLength={MAX_SOURCE_LENGTH}
        value={source}
        title={SYNTAX}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'lesson-problem' : undefined}
        onChange={(event) => onSource(event.target.value)}
      />
      {problem && <ProblemMessage problem={problem} />}
      <div className="lesson-expression__row lesson-values" aria-label="input values">
        <span className="lesson-label">Inputs</span>
        {inputs.map((name) => (
          <ValueField key={name} name={name} value={values[name]} onChange={(v) => onValue(name, v)} />
        ))}
      </div>
    </section>
  );
}

/** The parser's message, and the offending line with a caret under the column. */
function ProblemMessage({ problem }: { problem: LessonProblem }) {
  if (problem.kind !== 'expression') {
    return (
      <div id="lesson-problem" className="lesson-problem" role="alert">
        <div className="lesson-problem__reason">{problem.message}</div>
      </div>
    );
  }
  const line = problem.source.split('\n')[problem.line - 1] ?? '';
  const at = problem.column - 1;
  const where = problem.source.includes('\n') ? `line ${problem.line}, column ${problem.column}` : `column ${problem.column}`;
  return (
    <div id="lesson-problem" className="lesson-problem" role="alert" data-column={problem.column} data-line={problem.line}>
      <div className="lesson-problem__reason">
        {problem.reason} at {where}
        {problem.hint && <span className="lesson-problem__hint">: {problem.hint}</span>}
      </div>
      <pre className="lesson-problem__source">
        <span>{line.slice(0, at)}</span>
        <mark>{line.slice(at, at + 1) || ' '}</mark>
        <span>{line.slice(at + 1)}</span>
        {'\n'}
        <span className="lesson-problem__caret">{`${' '.repeat(at)}^`}</span>
      </pre>
      <div className="lesson-hint">{SYNTAX}</div>
    </div>
  );
}

/** One input's value: keeps what is typed, reports every finite number. */
function ValueField({ name, value, onChange }: { name: string; value: number | undefined; onChange: (value: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && (draft.trim() === '' || !Number.isFinite(Number(draft)));
  const id = `lesson-value-${name}`;
  return (
    <span className="lesson-value">
      <label htmlFor={id} className="lesson-value__name">
        {prettyName(name)}
      </label>
      <input
        id={id}
        className="lesson-input"
        type="number"
        step="any"
        inputMode="decimal"
        data-input={name}
        aria-invalid={invalid}
        value={draft ?? (value === undefined ? '' : String(value))}
        onChange={(event) => {
          setDraft(event.target.value);
          const n = Number(event.target.value);
          if (event.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
        }}
        onBlur={() => setDraft(null)}
      />
    </span>
  );
}
