// The numerical proof that a symmetry is one: the loss and the network's outputs before and
// after, through the autodiff objective (the reference path).
import { fromData } from '../../tensor/tensor.js';
import { buildLayout, objective, type Batch, type MlpSpec, type NormMode } from '../../nn/index.js';
import type { NetworkState } from './network.js';
import { describeTransform, isExactSymmetry, symmetryNote, transformNetwork, type SymmetryTransform } from './transform.js';

/** How batch norm normalizes when the loss is compared: the batch's statistics, or each state's running ones. */
export type NormChoice = 'batch' | 'running';

/** The loss and outputs of two states on one batch. */
export interface InvarianceCheck {
  lossBefore: number;
  lossAfter: number;
  /** L(after) − L(before). */
  lossChange: number;
  /** |lossChange| / |L(before)|. */
  relativeChange: number;
  /** max |f_after(x) − f_before(x)| / max |f_before(x)| over the batch's outputs (logits). */
  outputChange: number;
}

function evaluate(spec: MlpSpec, state: NetworkState, batch: Batch, norm: NormChoice) {
  const layout = buildLayout(spec);
  const mode: NormMode = norm === 'batch' ? { kind: 'batch' } : { kind: 'running', buffers: state.buffers };
  return objective(spec, layout, fromData(state.theta, [layout.size]), batch, mode);
}

/** Compares the loss and the outputs (logits) of two states on a batch. */
export function checkInvariance(spec: MlpSpec, before: NetworkState, after: NetworkState, batch: Batch, norm: NormChoice = 'batch'): InvarianceCheck {
  const a = evaluate(spec, before, batch, norm);
  const b = evaluate(spec, after, batch, norm);
  const lossBefore = a.loss.data[0];
  const lossAfter = b.loss.data[0];
  let scale = 0;
  let diff = 0;
  a.output.data.forEach((v, i) => {
    scale = Math.max(scale, Math.abs(v));
    diff = Math.max(diff, Math.abs(b.output.data[i] - v));
  });
  return {
    lossBefore,
    lossAfter,
    lossChange: lossAfter - lossBefore,
    relativeChange: Math.abs(lossAfter - lossBefore) / Math.max(Math.abs(lossBefore), Number.MIN_VALUE),
    outputChange: scale > 0 ? diff / scale : diff,
  };
}

/** A transform applied: the new state, the loss change, and whether it is an exact symmetry. */
export interface SymmetryResult extends InvarianceCheck {
  transform: SymmetryTransform;
  description: string;
  state: NetworkState;
  /** False for bn-scale with |a| ≠ 1, exact only up to batch norm's ε. */
  exact: boolean;
  /** When exact is false: why the loss moves a little ("approximate because of batch norm's ε …"). */
  note: string | null;
}

/** Applies a symmetry (or throws SymmetryRefused with the reason) and measures the loss change on a batch. */
export function applySymmetry(spec: MlpSpec, state: NetworkState, transform: SymmetryTransform, batch: Batch, norm: NormChoice = 'batch'): SymmetryResult {
  const image = transformNetwork(spec, state, transform);
  return { transform, description: describeTransform(transform), state: image, exact: isExactSymmetry(transform), note: symmetryNote(transform), ...checkInvariance(spec, state, image, batch, norm) };
}
