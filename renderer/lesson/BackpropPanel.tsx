// Backpropagation in the lecture's two-layer network, read off the graph: every weight's
// gradient is the error δ of the unit it feeds ("from above") times the activation it reads
// ("from below"), checked against the engine's reverse-mode gradient.
import type { BackpropPattern } from '../../engine/lesson/index.js';
import type { LectureNetwork } from '../../workers/lesson.js';
import { formatValue } from './format.js';

/** The network's numbers and one row per parameter. */
export function BackpropPanel({ network, pattern }: { network: LectureNetwork; pattern: BackpropPattern }) {
  const output = pattern.layers[pattern.layers.length - 1][0];
  const v = (n: number) => formatValue(n, 4);
  return (
    <div className="lesson-backprop">
      <p className="lesson-note">
        {network.spec.inputs} inputs → {network.spec.hidden[0].width} logistic units → 1 linear output, L = ½(ŷ − y)², at x = ({pattern.inputs.map(v).join(', ')}), y ={' '}
        {v(pattern.targets[0])}: ŷ = {v(output.activation)}, L = {v(pattern.loss)}. Errors flow down: δ⁽²⁾ = ŷ − y = {v(output.delta)}, δ⁽¹⁾ⱼ = σ′(aⱼ)·w⁽²⁾ⱼ·δ⁽²⁾ ={' '}
        ({pattern.layers[0].map((u) => v(u.delta)).join(', ')}).
      </p>
      <table className="lesson-table lesson-backprop__table">
        <thead>
          <tr>
            <th scope="col">gradient</th>
            <th scope="col" className="lesson-num">
              error from above
            </th>
            <th scope="col" className="lesson-num">
              × input from below
            </th>
            <th scope="col" className="lesson-num">
              = product
            </th>
            <th scope="col" className="lesson-num">
              engine (reverse mode)
            </th>
          </tr>
        </thead>
        <tbody>
          {pattern.weights.map((w) => (
            <tr key={w.index}>
              <td>{w.formula}</td>
              <td className="lesson-num">{v(w.errorFromAbove)}</td>
              <td className="lesson-num">{v(w.inputFromBelow)}</td>
              <td className="lesson-num">{v(w.gradient)}</td>
              <td className="lesson-num">{v(w.engine)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lesson-note lesson-muted">
        {pattern.agrees ? `Agrees with the engine's gradient (largest difference ${formatValue(pattern.maxDifference, 2)}).` : `Differs from the engine's gradient by up to ${formatValue(pattern.maxDifference, 3)}.`}
      </p>
    </div>
  );
}
