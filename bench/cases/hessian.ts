// Time for the top-5 Hessian eigenvalues of the Digits model (acceptance 6 of issue 6):
//   digits-adam trained 1 epoch on all 1,797 samples (the grid-digits model), 64 → 128 ReLU
//   (biases) → 10, mean softmax CE, P = 9,610; the Hessian of the loss on all samples at θ*.
//
// Losscape runs what `losscape hessian` runs: extremeEigenpairs (Lanczos with full
// reorthogonalization, stopped once the top 5 Ritz pairs have residual ≤ 1e-10·‖H‖) over
// hessianAt(lossFunction(…)), one exact HVP per step. numpy/scipy: scipy.sparse.linalg.eigsh
// (ARPACK) on a LinearOperator whose matvec is the HVP written out in numpy (R-operator), from the
// same θ*, the same start vector, ncv + 1 = Losscape's number of HVPs and ARPACK's tolerance set
// to Losscape's criterion, maxiter 1: Krylov spaces of the same size, so the same HVP count, which
// the check enforces (output `hvps`). One call = one whole top-5 solve.
//
// Check before timing: the top-5 eigenvalues against a plain-TypeScript float64 Lanczos (its own
// HVP, start vector and twice Losscape's steps; see hessianReference.ts).
import { countingOperator, extremeEigenpairs, gaussian, hessianAt, lossFunction, type LossFunction } from '../../engine/analysis/index.js';
import { targetsFor } from '../../engine/nn/index.js';
import { createRng } from '../../engine/random.js';
import { consume, nd, normal } from '../data.js';
import type { Case, NumpyTask, Outputs, Runner } from '../types.js';
import { reluNetHvp, topEigenvalues, type ReluNet } from './hessianReference.js';
import { digitsOneEpoch, trainPeerModel } from './peerModel.js';

const TOP = 5;
/** Losscape's Lanczos seed (its start vector is gaussian(P, createRng(SEED, 'lanczos')), as lanczos.ts draws it). */
const SEED = 0;

interface HessianSetup {
  net: ReluNet;
  loss: LossFunction;
  /** Losscape's top-5 solve once: its eigenvalues and HVP count, and its Lanczos start vector. */
  values: Float64Array;
  hvps: number;
  start: Float64Array;
}

function solve(s: Pick<HessianSetup, 'loss' | 'net'>): { values: Float64Array; hvps: number } {
  const op = countingOperator(hessianAt(s.loss, s.net.theta));
  const result = extremeEigenpairs(op, { top: TOP, seed: SEED });
  if (!result.converged) throw new Error(`bench/cases/hessian.ts: Lanczos did not converge in ${result.steps} steps`);
  return { values: Float64Array.from(result.top, (p) => p.value), hvps: op.count };
}

function makeSetup(): HessianSetup {
  const caller = 'bench/cases/hessian.ts';
  const { run, data, activation, params } = trainPeerModel('digits-adam', digitsOneEpoch, caller);
  const at = Object.fromEntries(params.map((p) => [p.name, p.offset]));
  if (activation !== 'relu' || params.length !== 4) throw new Error(`${caller}: the peers implement a ReLU layer with biases`);
  const { spec } = run;
  const { x, y, n } = data.train;
  const net: ReluNet = {
    n,
    d: spec.inputs,
    h: spec.hidden[0].width,
    c: spec.outputs,
    X: x,
    Y: targetsFor(spec, y, n).data,
    theta: run.theta,
    at: { W1: at.W1, b1: at.b1, W2: at.W2, b2: at.b2 },
  };
  const loss = lossFunction(run, data.train);
  return { net, loss, ...solve({ net, loss }), start: gaussian(loss.size, createRng(SEED, 'lanczos')) };
}

let cached: HessianSetup | null = null;
const setup = (): HessianSetup => (cached ??= makeSetup());

export const hessianCase: Case = {
  id: 'hessian-digits',
  title: 'top-5 Hessian eigenvalues, digits: 1,797 samples, 64 → 128 ReLU → 10, P = 9,610',
  unit: 'solves/s',
  figure: (seconds) => 1 / seconds,
  reference(): Outputs {
    const s = setup();
    const values = topEigenvalues((v) => reluNetHvp(s.net, v), normal(s.loss.size, 61), TOP, 2 * s.hvps);
    return { values, hvps: [s.hvps] };
  },
  tolerance: { float64: 1e-9 },

  losscape(): Runner {
    const s = setup();
    let last = { values: s.values, hvps: s.hvps };
    return {
      run: () => {
        last = solve(s);
        consume(last.values);
      },
      outputs: () => ({ values: last.values, hvps: [last.hvps] }),
    };
  },

  get numpy(): NumpyTask {
    const s = setup();
    const { net } = s;
    return {
      kind: 'hessian-top-eigenvalues',
      inputs: {
        X: nd([net.n, net.d], net.X),
        Y: nd([net.n, net.c], net.Y),
        theta: nd([net.theta.length], net.theta),
        v0: nd([s.start.length], s.start),
      },
      params: {
        k: TOP,
        // ARPACK applies OP once to v0 before its ncv-step factorization (dgetv0 puts the start in OP's range).
        ncv: s.hvps - 1,
        // ARPACK's test is ‖r‖·|s_j| ≤ tol·|θ_j|, Losscape's ≤ 1e-10·|θ_1|: the same for θ_5 with this tol.
        tol: (1e-10 * s.values[0]) / s.values[TOP - 1],
        shapes: { W1: [net.h, net.d], b1: [net.h], W2: [net.c, net.h], b2: [net.c] },
        offsets: net.at,
      },
    };
  },

  get note(): string {
    const hvps = cached ? `${cached.hvps} HVPs` : 'HVPs as Losscape needed';
    return (
      `hessian-digits: figure = top-5 eigenvalue solves per second; θ* = digits-adam trained 1 epoch on all 1,797 samples. ` +
      `Losscape: extremeEigenpairs(hessianAt(lossFunction(run, train)), { top: 5 }) (Lanczos, full reorthogonalization, ` +
      `residual ≤ 1e-10·‖H‖), HVPs by the R-operator on the compiled network (engine/nn/fast/hvp.ts). numpy: scipy.sparse.linalg.eigsh ` +
      `(k = 5, which = 'LA') on a LinearOperator whose matvec is the R-operator HVP in numpy (BLAS matmuls), Losscape's start vector, ` +
      `ncv = Losscape's HVP count − 1 (ARPACK applies H to v0 first), tol = Losscape's criterion, maxiter = 1; both used ${hvps} (checked). ` +
      `Check: the top-5 eigenvalues against a plain-TypeScript Lanczos with its own HVP and start vector (twice the steps).`
    );
  },
};
