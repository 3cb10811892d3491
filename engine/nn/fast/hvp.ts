// Exact Hessian-vector products on the compiled network by Pearlmutter's R-operator: one
// forward pass carries the tangent ż = R{z} of every layer along v beside z, one backward pass
// carries R{∂L/∂z} beside ∂L/∂z, and R{∂L/∂θ} = H·v. Forward over reverse like the autodiff
// hvp (engine/autodiff/transforms.ts), which tests hold it to, but with no tape.
import type { NormMode } from '../forward.js';
import { multiplySlope, multiplySlopeTangent } from './activation.js';
import { batchNormBackwardTangent, batchNormTangent } from './batchnorm.js';
import { accumulateLinearGradient, backpropInput, linearInto } from './linear.js';
import { lossCurvatureInto, type Metrics } from './loss.js';
import { createWorkspace, forwardPass, type CompiledMlp, type Workspace } from './network.js';

/** The forward workspace plus, per layer, tangents (ż, ȧ, ẋ̂, σ̇/σ) and adjoints (∂L/∂·, R{∂L/∂·}). */
export interface HvpWorkspace {
  base: Workspace;
  dotPre: Float64Array[];
  dotAct: Float64Array[];
  dotXhat: Float64Array[];
  dotLogStd: Float64Array[];
  adj: Float64Array[];
  dotAdj: Float64Array[];
  /** One layer's W·ȧ before it is added to ż. */
  scratch: Float64Array;
}

/** An HVP workspace for up to n samples. */
export function createHvpWorkspace(net: CompiledMlp, n: number): HvpWorkspace {
  const perLayer = (rows: number) => net.widths.map((w) => new Float64Array(rows * w));
  const base = createWorkspace(net, n);
  return {
    base,
    dotPre: perLayer(n),
    dotAct: perLayer(n),
    dotXhat: perLayer(n),
    dotLogStd: perLayer(1),
    adj: perLayer(n),
    dotAdj: perLayer(n),
    scratch: new Float64Array(n * Math.max(...net.widths)),
  };
}

/**
 * out ← H(θ)·v (length P) for the loss on x [n, inputs] and targets [n, outputs], batch norm
 * with the batch's statistics or the running ones as `mode` says; returns L(θ) and accuracy.
 */
export function hessianVectorProduct(
  net: CompiledMlp, hw: HvpWorkspace, theta: Float64Array, v: Float64Array, x: Float64Array, n: number, targets: Float64Array, mode: NormMode, out: Float64Array,
): Metrics {
  const { spec, widths } = net;
  const layers = spec.hidden.length;
  const ws = hw.base;
  const metrics = forwardPass(net, ws, theta, x, n, targets, mode, false, hw.adj[layers]);
  const batch = mode.kind === 'batch';

  // Forward tangents: ż = ȧ_below·Wᵀ + a_below·Vᵀ + v_b, then batch norm, the skip and φ′.
  for (let l = 0; l <= layers; l++) {
    const m = widths[l];
    const dz = hw.dotPre[l];
    const below = l === 0 ? x : ws.act[l - 1];
    const inner = l === 0 ? spec.inputs : widths[l - 1];
    linearInto(dz, below, n, inner, v, net.weightAt[l], m, v, net.biasAt[l]);
    if (l > 0) {
      linearInto(hw.scratch, hw.dotAct[l - 1], n, inner, theta, net.weightAt[l], m, theta, -1);
      for (let k = 0; k < n * m; k++) dz[k] += hw.scratch[k];
    }
    if (l === layers) break;
    const hidden = spec.hidden[l];
    if (hidden.batchNorm) {
      batchNormTangent(dz, n, m, theta, v, net.gammaAt[l], net.betaAt[l], batch, ws.xhat[l], ws.invStd[l], hw.dotXhat[l], hw.dotLogStd[l]);
    }
    const first = net.blockStart.get(l);
    if (first !== undefined) {
      const skip = hw.dotAct[first - 1];
      for (let k = 0; k < n * m; k++) dz[k] += skip[k];
    }
    const da = hw.dotAct[l];
    da.set(dz.subarray(0, n * m));
    multiplySlope(hidden.activation, da, ws.pre[l], ws.act[l], n * m);
  }

  // Backward: adj holds ∂L/∂a (then ∂L/∂z), dotAdj its tangent; parameter tangents go to out.
  out.fill(0);
  lossCurvatureInto(spec, ws.pre[layers], hw.dotPre[layers], n, hw.dotAdj[layers]);
  for (let l = 0; l < layers; l++) {
    hw.adj[l].fill(0, 0, n * widths[l]);
    hw.dotAdj[l].fill(0, 0, n * widths[l]);
  }
  for (let l = layers; l >= 0; l--) {
    const m = widths[l];
    const g = hw.adj[l];
    const dg = hw.dotAdj[l];
    if (l < layers) {
      const hidden = spec.hidden[l];
      multiplySlopeTangent(hidden.activation, dg, g, ws.pre[l], ws.act[l], hw.dotPre[l], n * m);
      multiplySlope(hidden.activation, g, ws.pre[l], ws.act[l], n * m);
      const first = net.blockStart.get(l);
      if (first !== undefined) {
        const skip = hw.adj[first - 1];
        const dSkip = hw.dotAdj[first - 1];
        for (let k = 0; k < n * m; k++) {
          skip[k] += g[k];
          dSkip[k] += dg[k];
        }
      }
      if (hidden.batchNorm) {
        batchNormBackwardTangent(g, dg, n, m, theta, v, net.gammaAt[l], net.betaAt[l], batch, ws.xhat[l], ws.invStd[l], hw.dotXhat[l], hw.dotLogStd[l], out);
      }
    }
    // R{dW} = ġᵀ·a_below + gᵀ·ȧ_below, R{db} = Σ ġ; R{∂L/∂a_below} = ġ·W + g·V.
    const below = l === 0 ? x : ws.act[l - 1];
    const inner = l === 0 ? spec.inputs : widths[l - 1];
    accumulateLinearGradient(out, net.weightAt[l], net.biasAt[l], dg, below, n, m, inner);
    if (l === 0) continue; // the inputs have no tangent and need no adjoint
    accumulateLinearGradient(out, net.weightAt[l], -1, g, hw.dotAct[l - 1], n, m, inner);
    backpropInput(hw.adj[l - 1], g, theta, net.weightAt[l], n, m, inner);
    backpropInput(hw.dotAdj[l - 1], dg, theta, net.weightAt[l], n, m, inner);
    backpropInput(hw.dotAdj[l - 1], g, v, net.weightAt[l], n, m, inner);
  }
  if (spec.weightDecay > 0) {
    for (const e of net.weights) for (let i = e.offset; i < e.offset + e.size; i++) out[i] += spec.weightDecay * v[i];
  }
  return metrics;
}
