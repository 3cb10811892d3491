// What the whole Jacobian costs each way, for the expression at hand: forward mode needs one
// pass per input, reverse mode one per output, and every pass visits each operation once.
import type { CostComparison } from '../../engine/lesson/index.js';

/** The two modes side by side, the cheaper one marked. */
export function CostPanel({ cost }: { cost: CostComparison }) {
  const cheaper = (mode: 'forward' | 'reverse') => (cost.cheaper === mode ? <span className="lesson-badge">cheaper</span> : null);
  return (
    <div className="lesson-cost">
      <table className="lesson-table lesson-cost__table">
        <thead>
          <tr>
            <th scope="col">
              the {cost.outputs}×{cost.inputs} Jacobian
            </th>
            <th scope="col" className="lesson-num lesson-pass--forward">
              forward mode
            </th>
            <th scope="col" className="lesson-num lesson-pass--reverse">
              reverse mode
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">passes</th>
            <td className="lesson-num" data-cell="forward-passes">
              {cost.forwardPasses}
              <div className="lesson-cost__why">one per input</div>
            </td>
            <td className="lesson-num" data-cell="reverse-passes">
              {cost.reversePasses}
              <div className="lesson-cost__why">one per output</div>
            </td>
          </tr>
          <tr>
            <th scope="row">× operations per pass</th>
            <td className="lesson-num">{cost.operations}</td>
            <td className="lesson-num">{cost.operations}</td>
          </tr>
          <tr>
            <th scope="row">= steps</th>
            <td className="lesson-num" data-cell="forward-total">
              {cheaper('forward')} {cost.forwardOperations}
            </td>
            <td className="lesson-num" data-cell="reverse-total">
              {cheaper('reverse')} {cost.reverseOperations}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="lesson-note">{cost.summary}</p>
      <p className="lesson-note lesson-muted">
        A loss has one output and many weights: reverse mode (backpropagation) gets the whole gradient in one pass, at a small multiple of the cost of evaluating the loss.
      </p>
    </div>
  );
}
