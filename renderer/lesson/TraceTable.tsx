// The evaluation trace as the lecture writes it, a₁ = w₀ … aₙ with values, beside the
// current pass's column: the tangents ȧₖ (forward) or adjoints āₖ (reverse) with their rules,
// filled in step by step, the current step's row marked.
import { adjointLabel, prettyName, type ComputationGraph } from '../../engine/lesson/index.js';
import { breakableRule, formatValue } from './format.js';
import type { LessonMode } from './lessonState.js';
import type { PassView } from './stepper.js';

interface TraceTableProps {
  graph: ComputationGraph;
  values: number[];
  mode: LessonMode;
  view: PassView;
  /** The seeded input (forward) or output (reverse). */
  seed: string;
}

/** One row per a_k: formula, value, and the pass's rule and number once the step reaches it. */
export function TraceTable({ graph, values, mode, view, seed }: TraceTableProps) {
  const outputsOf = (id: number) => graph.outputs.filter((o) => o.node === id).map((o) => prettyName(o.name));
  const symbol = mode === 'forward' ? 'ȧₖ' : 'āₖ';
  const seedText = mode === 'forward' ? `tangent, ȧ = 1 on ${prettyName(seed)}` : `adjoint, ā = 1 on ${prettyName(seed)}`;
  return (
    <table className="lesson-table lesson-trace" data-mode={mode}>
      <thead>
        <tr>
          <th scope="col">evaluation trace</th>
          <th scope="col" className="lesson-num">
            value
          </th>
          <th scope="col" className={`lesson-pass lesson-pass--${mode}`}>
            {seedText}
          </th>
          <th scope="col" className={`lesson-num lesson-pass--${mode}`}>
            {symbol}
          </th>
        </tr>
      </thead>
      <tbody>
        {graph.nodes.map((node) => {
          const cell = view.cells[node.id];
          const state = view.current === node.id ? 'current' : cell.status;
          const outputs = outputsOf(node.id);
          return (
            <tr key={node.id} data-node={node.id} data-state={state}>
              <td className="lesson-trace__formula">
                {node.formula}
                {outputs.length > 0 && <span className="lesson-trace__output"> = {outputs.join(' = ')}</span>}
              </td>
              <td className="lesson-num lesson-trace__value">{formatValue(values[node.id])}</td>
              <td className="lesson-trace__rule">{cell.rule ? breakableRule(cell.rule) : cell.status === 'unused' ? `${adjointLabel(node.id + 1)} = 0 (not used by ${prettyName(seed)})` : ''}</td>
              <td className="lesson-num lesson-trace__derivative" data-status={cell.status}>
                {cell.value === null ? '' : formatValue(cell.value)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
