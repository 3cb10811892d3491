// The tape-free evaluator for grids: loss and accuracy of θ = c + α·d₁ + β·d₂ on a whole
// split, with every buffer allocated once. The first layer uses the problem's structure:
// its pre-activations are X·W_cᵀ + α·X·D₁ᵀ + β·X·D₂ᵀ (+ bias), three products computed
// once; the rest is the compiled network's forward pass.
import type { MlpSpec, NormMode, ParamLayout } from '../nn/index.js';
import { linearInto } from '../nn/fast/linear.js';
import type { Metrics } from '../nn/fast/loss.js';
import { compileMlp, createWorkspace, forwardPass } from '../nn/fast/network.js';

export type { Metrics };

export interface EvalData {
  /** Inputs [n, spec.inputs]. */
  x: Float64Array;
  n: number;
  /** Targets in the loss's shape [n, spec.outputs] (one-hot, 0/1 or values), as targetsFor makes. */
  targets: Float64Array;
}

export interface PlaneEvaluator {
  /** Metrics at θ = c + α·d₁ + β·d₂. */
  at(alpha: number, beta: number): Metrics;
}

/**
 * Compiles an evaluator of the plane through `center` spanned by d1 and d2 (d2 may be
 * null for a line). Batch norm uses the statistics of the whole split (`batch`) or the
 * running ones, as `mode` says.
 */
export function createPlaneEvaluator(
  spec: MlpSpec,
  layout: ParamLayout,
  data: EvalData,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array | null,
  mode: NormMode,
): PlaneEvaluator {
  const { n, x, targets } = data;
  const net = compileMlp(spec, layout);
  const ws = createWorkspace(net, n);
  const P = layout.size;
  const theta = new Float64Array(P);
  const second = d2 ?? new Float64Array(P);
  const h0 = net.widths[0];
  const b0 = net.biasAt[0];
  const project = (v: Float64Array) => {
    const out = new Float64Array(n * h0);
    linearInto(out, x, n, spec.inputs, v, net.weightAt[0], h0, v, -1);
    return out;
  };
  const base = project(center);
  const along1 = project(d1);
  const along2 = project(second);
  const first = ws.pre[0];

  return {
    at(alpha, beta) {
      for (let i = 0; i < P; i++) theta[i] = center[i] + alpha * d1[i] + beta * second[i];
      for (let r = 0; r < n; r++) {
        for (let o = 0, k = r * h0; o < h0; o++, k++) {
          first[k] = base[k] + alpha * along1[k] + beta * along2[k] + (b0 >= 0 ? theta[b0 + o] : 0);
        }
      }
      return forwardPass(net, ws, theta, x, n, targets, mode, true);
    },
  };
}
