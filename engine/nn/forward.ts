// The forward pass of an MLP over a flat θ: every weight is a slice of θ, so derivatives
// with respect to θ (gradients, HVPs, directions) come out as vectors in R^P.
import { add } from '../autodiff/primitives/arithmetic.js';
import { matmul } from '../autodiff/primitives/linalg.js';
import { reshape, slice, transpose } from '../autodiff/primitives/structure.js';
import type { Tensor } from '../tensor/tensor.js';
import { activate } from './activations.js';
import { normalizeWithBatch, normalizeWithRunning, type BatchStats } from './batchnorm.js';
import { findEntry, type LayoutEntry, type ParamLayout } from './layout.js';
import { residualBlocks, type MlpSpec } from './spec.js';

/**
 * How batch norm normalizes: with the statistics of the batch at hand (the training
 * objective), or with the running statistics (evaluation, as PyTorch's model.eval()).
 */
export type NormMode = { kind: 'batch' } | { kind: 'running'; buffers: Readonly<Record<string, Float64Array>> };

export interface ForwardResult {
  /** Outputs before the final nonlinearity (logits), [N, outputs]. */
  output: Tensor;
  /** Per batch-norm layer, the batch's statistics (training mode only). */
  batchStats: Map<number, BatchStats>;
}

/** The tensor of one layout entry, as a differentiable view of θ. */
export function param(theta: Tensor, entry: LayoutEntry): Tensor {
  return reshape(slice(theta, entry.offset, entry.offset + entry.size), entry.shape);
}

function named(theta: Tensor, layout: ParamLayout, name: string): Tensor | null {
  const entry = findEntry(layout, name);
  return entry ? param(theta, entry) : null;
}

/** W·x (+ b) for every sample: x [N, in] → [N, out]. */
function linear(theta: Tensor, layout: ParamLayout, layer: number, x: Tensor): Tensor {
  const y = matmul(x, transpose(named(theta, layout, `layers.${layer}.weight`)!));
  const b = named(theta, layout, `layers.${layer}.bias`);
  return b ? add(y, b) : y;
}

/** Runs the network on inputs x [N, inputs]. */
export function forward(spec: MlpSpec, layout: ParamLayout, theta: Tensor, x: Tensor, mode: NormMode): ForwardResult {
  const batchStats = new Map<number, BatchStats>();
  const blockEnds = new Map(residualBlocks(spec).map((b) => [b.last, b.first]));
  const outputs: Tensor[] = [];
  let h = x;
  spec.hidden.forEach((layer, l) => {
    let pre = linear(theta, layout, l, h);
    if (layer.batchNorm) {
      const gamma = named(theta, layout, `layers.${l}.bn.weight`)!;
      const beta = named(theta, layout, `layers.${l}.bn.bias`)!;
      if (mode.kind === 'batch') {
        const { out, stats } = normalizeWithBatch(pre, gamma, beta);
        pre = out;
        batchStats.set(l, stats);
      } else {
        const prefix = `layers.${l}.bn.running_`;
        pre = normalizeWithRunning(pre, gamma, beta, mode.buffers[`${prefix}mean`], mode.buffers[`${prefix}var`]);
      }
    }
    const first = blockEnds.get(l);
    if (first !== undefined) pre = add(pre, outputs[first - 1]);
    h = activate(layer.activation, pre);
    outputs.push(h);
  });
  return { output: linear(theta, layout, spec.hidden.length, h), batchStats };
}
