// The symbolic derivative for comparison: the chain rule applied to the formula gives a
// formula again, often much larger than the expression (expression swell), while the graph
// does each shared piece of work once. The logistic map shows the growth.
import { prettyName, type SwellRow } from '../../engine/lesson/index.js';
import type { LessonData } from '../../workers/lesson.js';

/** The derivative of the reverse pass's output by the forward pass's input, with the sizes. */
export function SymbolicPanel({ symbolic, swell }: { symbolic: LessonData['symbolic']; swell: SwellRow[] | null }) {
  const name = `∂${prettyName(symbolic.output)}/∂${prettyName(symbolic.input)}`;
  return (
    <div className="lesson-symbolic">
      <div className="lesson-formula" data-testid="symbolic-derivative">
        {name} = {symbolic.text ?? `(a formula of ${symbolic.derivativeSize} nodes, too long to print)`}
      </div>
      <dl className="lesson-sizes">
        <div>
          <dt>{prettyName(symbolic.output)} as a formula</dt>
          <dd>{symbolic.expressionSize} nodes</dd>
        </div>
        <div>
          <dt>{name} as a formula</dt>
          <dd data-size="derivative">{symbolic.derivativeSize} nodes</dd>
        </div>
        <div>
          <dt>{prettyName(symbolic.output)} in the graph</dt>
          <dd>{symbolic.graphOperations} operations</dd>
        </div>
      </dl>
      {swell && (
        <>
          <p className="lesson-note">
            Expression swell on the logistic map l₁ = x, lₙ₊₁ = 4lₙ(1 − lₙ): the formula for dlₙ/dx grows far faster than the graph, where lₙ is computed once and reused.
          </p>
          <table className="lesson-table lesson-swell">
            <thead>
              <tr>
                <th scope="col">n</th>
                <th scope="col" className="lesson-num">
                  lₙ as a formula
                </th>
                <th scope="col" className="lesson-num">
                  dlₙ/dx as a formula
                </th>
                <th scope="col" className="lesson-num">
                  lₙ in the graph
                </th>
              </tr>
            </thead>
            <tbody>
              {swell.map((r) => (
                <tr key={r.depth}>
                  <td>{r.depth}</td>
                  <td className="lesson-num">{r.expressionSize}</td>
                  <td className="lesson-num">{r.derivativeSize}</td>
                  <td className="lesson-num">{r.graphOperations} ops</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
