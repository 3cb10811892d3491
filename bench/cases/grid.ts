// Grid throughput of loss-landscape scans, in grid points × samples per second:
//   seed-iris  101×101 grid, 150 samples, 3 → 16 logistic (no biases) → 3, softmax CE
//   digits     51×51 grid, all 1,797 samples, 64 → 128 ReLU (biases) → 10, softmax CE
// θ = θ* + α·d₁ + β·d₂, α, β ∈ [−1, 1], d₁, d₂ random and filter-normalized (seed 0, biases
// zeroed as Li et al.), θ* the preset trained; the loss (mean softmax CE) on the whole
// training split at every grid point.
//
// Losscape runs the code path users run: planSurface → planEvaluator → scanTile, in this
// thread (one call = one full row of the grid), and as a second row the worker pool on all
// cores (one call = pool.scan of the whole grid). The peers
// do what Li et al.'s plotting code does at every point: assemble θ, unpack it into the
// weight matrices and run a full forward pass over all samples (numpy in float64, tfjs in
// float32); one call = one grid point. Every contender visits the grid in a strided order,
// so however many calls the harness's time budget allows, they spread over the whole grid.
//
// Check before timing: the loss at 4×4 grid points (α and β at the grid indices 0, 30%,
// the middle (= 0) and the last: the corners and (0,0) included) against a plain-TypeScript
// float64 forward pass.
import { planEvaluator, type ScanPlan } from '../../engine/landscape/plan.js';
import { scanTile } from '../../engine/landscape/scan.js';
import { planSurface } from '../../engine/landscape/surface.js';
import type { RunRecipe } from '../../engine/train/index.js';
import { createNodeLandscapePool } from '../../workers/node/landscapePool.js';
import { consume, nd } from '../data.js';
import type { AsyncRunner, Case, NumpyTask, Outputs, Runner, TF } from '../types.js';
import { digitsOneEpoch, trainPeerModel, type PeerActivation, type ParamSlot } from './peerModel.js';

/** Fractions of an axis at which the check evaluates (rounded to grid indices; 0.5 is α or β = 0). */
const CHECK_AT = [0, 0.3, 0.5, 1];
/** The directions' seed (random, filter-normalized). */
const DIRECTION_SEED = 0;

interface GridSetup {
  n: number;
  d: number;
  h: number;
  c: number;
  activation: PeerActivation;
  /** The scan plan as users get it from planSurface: θ*, d₁, d₂, the axes and the data (x, one-hot targets). */
  plan: ScanPlan;
  d2: Float64Array;
  params: ParamSlot[];
  checkAlpha: Float64Array;
  checkBeta: Float64Array;
  /** Milliseconds planEvaluator(plan) took here (the evaluator's setup, outside the single-thread timing). */
  evaluatorSetupMs: number | null;
  /** Milliseconds of a one-point pool.scan here (median of 3): about the setup every pool scan pays. */
  poolPointMs: number | null;
}

interface GridSpec {
  preset: string;
  id: string;
  title: string;
  /** Points per axis. */
  count: number;
  /** Training samples the scan must see (the figure counts them). */
  samples: number;
  /** Turns the preset's recipe into the run whose θ* the grid surrounds. */
  recipe(r: RunRecipe): void;
  note: string;
}

/** gcd, for a stride coprime with the number of items. */
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * An endless visiting order of 0 … N−1: index (k·s) mod N with s ≈ N/φ coprime with N,
 * so every N consecutive calls visit each item once and any prefix spreads over all of them.
 */
function stridedOrder(N: number): () => number {
  let s = Math.max(1, Math.round(N * 0.6180339887498949));
  while (gcd(s, N) !== 1) s++;
  let k = 0;
  return () => {
    const i = (k * s) % N;
    k = (k + 1) % N;
    return i;
  };
}

function checkValues(axis: Float64Array): Float64Array {
  return Float64Array.from(CHECK_AT, (f) => axis[Math.round(f * (axis.length - 1))]);
}

function makeSetup(g: GridSpec): GridSetup {
  const { run, data, activation, params } = trainPeerModel(g.preset, g.recipe, 'bench/cases/grid.ts');
  const axis = { min: -1, max: 1, count: g.count };
  const { plan } = planSurface(run, data, {
    directions: { kind: 'random', normalization: 'filter', seed: DIRECTION_SEED },
    alpha: axis,
    beta: axis,
    split: 'train',
    norm: 'batch',
  });
  const { spec } = run;
  if (plan.data.n !== g.samples) throw new Error(`bench/cases/grid.ts: ${g.preset} scans ${plan.data.n} samples, the case says ${g.samples}`);
  if (plan.data.targets.length !== plan.data.n * spec.outputs) throw new Error('bench/cases/grid.ts: the targets are not one-hot [n, C]');
  if (!plan.d2) throw new Error('bench/cases/grid.ts: the plan has no second direction');
  return {
    n: plan.data.n,
    d: spec.inputs,
    h: spec.hidden[0].width,
    c: spec.outputs,
    activation,
    plan,
    d2: plan.d2,
    params,
    checkAlpha: checkValues(plan.alpha),
    checkBeta: checkValues(plan.beta),
    evaluatorSetupMs: null,
    poolPointMs: null,
  };
}

/** θ* + α·d₁ + β·d₂. */
function thetaAt(s: GridSetup, alpha: number, beta: number): Float64Array {
  const { center, d1 } = s.plan;
  return center.map((v, i) => v + alpha * d1[i] + beta * s.d2[i]);
}

/** The float64 reference, plain TypeScript and independent of the engine: the mean softmax CE at θ. */
function referenceLoss(s: GridSetup, theta: Float64Array): number {
  const { n, d, h, c, activation } = s;
  const { x, targets: y } = s.plan.data;
  const at = new Map(s.params.map((p) => [p.name, p.offset]));
  const W1 = at.get('W1')!;
  const W2 = at.get('W2')!;
  const b1 = at.get('b1') ?? -1;
  const b2 = at.get('b2') ?? -1;
  const z = new Float64Array(h);
  const u = new Float64Array(c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) {
      let a = b1 >= 0 ? theta[b1 + j] : 0;
      for (let k = 0; k < d; k++) a += theta[W1 + j * d + k] * x[i * d + k];
      z[j] = activation === 'relu' ? Math.max(a, 0) : 1 / (1 + Math.exp(-a));
    }
    let mx = -Infinity;
    for (let k = 0; k < c; k++) {
      let a = b2 >= 0 ? theta[b2 + k] : 0;
      for (let j = 0; j < h; j++) a += theta[W2 + k * h + j] * z[j];
      u[k] = a;
      mx = Math.max(mx, a);
    }
    let se = 0;
    for (let k = 0; k < c; k++) se += Math.exp(u[k] - mx);
    const lse = mx + Math.log(se);
    for (let k = 0; k < c; k++) loss -= y[i * c + k] * (u[k] - lse);
  }
  return loss / n;
}

/** The check's losses, row-major over checkAlpha × checkBeta (the layout of a scan's output). */
function referenceGrid(s: GridSetup): Outputs {
  const loss = new Float64Array(s.checkAlpha.length * s.checkBeta.length);
  let k = 0;
  for (const a of s.checkAlpha) for (const b of s.checkBeta) loss[k++] = referenceLoss(s, thetaAt(s, a, b));
  return { loss };
}

function gridCase(g: GridSpec): Case {
  let cached: GridSetup | null = null;
  const setup = (): GridSetup => (cached ??= makeSetup(g));
  let numpyTask: NumpyTask | null = null;
  return {
    id: g.id,
    title: g.title,
    unit: 'M point·samples/s',
    figure: (secondsPerPoint) => g.samples / secondsPerPoint / 1e6,
    reference: () => referenceGrid(setup()),
    tolerance: { float64: 1e-10, float32: 1e-4 },
    get note(): string {
      const ms = (v: number | null | undefined): string => (v != null ? `${v.toFixed(v < 10 ? 1 : 0)} ms here` : 'not measured');
      return g.note.replace('{setup}', ms(cached?.evaluatorSetupMs)).replace('{poolPoint}', ms(cached?.poolPointMs));
    },

    losscape(): Runner {
      const s = setup();
      const { plan } = s;
      const t0 = performance.now();
      const evaluator = planEvaluator(plan);
      s.evaluatorSetupMs = performance.now() - t0;
      const nextRow = stridedOrder(plan.alpha.length);
      return {
        unitsPerCall: plan.beta.length,
        run: () => {
          const i = nextRow();
          consume(scanTile(evaluator, plan.alpha, plan.beta, i, i + 1));
        },
        outputs: () => ({ loss: scanTile(evaluator, s.checkAlpha, s.checkBeta, 0, s.checkAlpha.length).loss }),
      };
    },

    losscapePool(): AsyncRunner {
      const s = setup();
      const { plan } = s;
      const pool = createNodeLandscapePool();
      return {
        contender: `Losscape (pool, ${pool.size} worker${pool.size === 1 ? '' : 's'})`,
        unitsPerCall: plan.alpha.length * plan.beta.length,
        run: async () => consume(await pool.scan(plan)),
        outputs: async () => {
          const { loss } = await pool.scan({ ...plan, alpha: s.checkAlpha, beta: s.checkBeta });
          const one = { ...plan, alpha: s.checkAlpha.subarray(2, 3), beta: s.checkBeta.subarray(2, 3) };
          const times: number[] = [];
          for (let k = 0; k < 3; k++) {
            const t0 = performance.now();
            consume(await pool.scan(one));
            times.push(performance.now() - t0);
          }
          s.poolPointMs = times.sort((a, b) => a - b)[1];
          return { loss };
        },
        dispose: () => pool.close(),
      };
    },

    tfjs(tf: TF): Runner {
      const s = setup();
      const { plan } = s;
      const f32 = (a: ArrayLike<number>): Float32Array => Float32Array.from(a);
      const x = tf.tensor2d(f32(plan.data.x), [s.n, s.d]);
      const y = tf.tensor2d(f32(plan.data.targets), [s.n, s.c]);
      // θ*, d₁ and d₂ cut per tensor once, weight matrices transposed to [in, out] (Keras's
      // kernel layout: no matMul transposes); a grid point combines them with tf.mul and tf.add.
      const parts = s.params.map((p) => {
        const cut = (v: Float64Array) =>
          tf.tidy(() => {
            const t = tf.tensor(f32(v.subarray(p.offset, p.offset + p.size)), p.shape);
            return p.shape.length === 2 ? tf.transpose(t) : t;
          });
        return { name: p.name, c: cut(plan.center), d1: cut(plan.d1), d2: cut(s.d2) };
      });
      const lossAt = (alpha: number, beta: number): number =>
        tf.tidy(() => {
          const P = new Map(parts.map((p) => [p.name, tf.add(tf.add(p.c, tf.mul(p.d1, alpha)), tf.mul(p.d2, beta))]));
          const b1 = P.get('b1');
          const b2 = P.get('b2');
          let a = tf.matMul(x, P.get('W1')!);
          if (b1) a = tf.add(a, b1);
          const z = s.activation === 'relu' ? tf.relu(a) : tf.sigmoid(a);
          let u = tf.matMul(z, P.get('W2')!);
          if (b2) u = tf.add(u, b2);
          return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(u, -1)), -1))).dataSync()[0];
        });
      const nb = plan.beta.length;
      const nextPoint = stridedOrder(plan.alpha.length * nb);
      return {
        run: () => {
          const p = nextPoint();
          consume(lossAt(plan.alpha[Math.floor(p / nb)], plan.beta[p % nb]));
        },
        outputs: () => ({ loss: Array.from(s.checkAlpha).flatMap((a) => Array.from(s.checkBeta, (b) => lossAt(a, b))) }),
        dispose: () => tf.dispose([x, y, ...parts.flatMap((p) => [p.c, p.d1, p.d2])]),
      };
    },

    get numpy(): NumpyTask {
      if (numpyTask) return numpyTask;
      const s = setup();
      const { plan } = s;
      const N = plan.alpha.length * plan.beta.length;
      let stride = Math.max(1, Math.round(N * 0.6180339887498949));
      while (gcd(stride, N) !== 1) stride++;
      numpyTask = {
        kind: 'grid-loss',
        inputs: {
          X: nd([s.n, s.d], plan.data.x),
          Y: nd([s.n, s.c], plan.data.targets),
          center: nd([plan.center.length], plan.center),
          d1: nd([plan.d1.length], plan.d1),
          d2: nd([s.d2.length], s.d2),
          alpha: nd([plan.alpha.length], plan.alpha),
          beta: nd([plan.beta.length], plan.beta),
          checkAlpha: nd([s.checkAlpha.length], s.checkAlpha),
          checkBeta: nd([s.checkBeta.length], s.checkBeta),
        },
        params: { activation: s.activation, params: s.params.map(({ name, shape, offset }) => ({ name, shape, offset })), stride },
      };
      return numpyTask;
    },
  };
}

const TIMED =
  'Losscape: planEvaluator(plan) from planSurface (filter-normalized random directions, seed 0), compiled once beforehand ' +
  '(its setup, which precomputes the first layer’s X·W*ᵀ, X·D₁ᵀ, X·D₂ᵀ, took {setup} and is not in this row), then one call = ' +
  'scanTile of one whole row of the grid, loss and accuracy at every point (one-hidden-layer ReLU nets take the exact breakpoint sweep of breakpointRows.ts, logistic first layers the e^{−z} recurrence of logisticRows.ts; their inner loops and the softmax run in the WebAssembly kernels of engine/kernels, float64 with f64x2 SIMD). ' +
  'Losscape (pool): pool.scan of the whole grid on one worker_thread per core (started by the check); ' +
  'every scan sends the plan to every worker and compiles its evaluator there (a one-point scan takes {poolPoint}). tfjs and numpy evaluate every ' +
  'point as Li et al.’s code does: θ = θ* + α·d₁ + β·d₂ (numpy: one vector, then reshaped views; tfjs: tf.mul/tf.add per tensor, float32, weights as [in, out]), ' +
  'a full forward pass X·W₁ᵀ + b₁ → activation → ·W₂ᵀ + b₂ and the mean CE from log-softmax, the loss read back; one call = one point. ' +
  'Every contender visits rows/points in a strided order, so the calls its time budget allows spread over the whole grid. ' +
  'Check: the loss at 4×4 grid points (indices 0, 30%, middle = (0,0), last on each axis) against a plain-TypeScript float64 forward pass.';

export const gridCases: Case[] = [
  gridCase({
    preset: 'seed-iris',
    id: 'grid-seed-iris',
    title: 'grid seed-iris 101×101: 150 samples, 3 → 16 sigmoid → 3',
    count: 101,
    samples: 150,
    recipe: () => undefined,
    note: 'grid seed-iris: figure = grid points × samples per second (M = 10⁶), θ* = the preset trained (300 epochs). ' + TIMED,
  }),
  gridCase({
    preset: 'digits-adam',
    id: 'grid-digits',
    title: 'grid digits 51×51: 1,797 samples, 64 → 128 ReLU → 10',
    count: 51,
    samples: 1797,
    recipe: digitsOneEpoch,
    note: 'grid digits: figure = grid points × samples per second (M = 10⁶), θ* = digits-adam trained 1 epoch on all 1,797 samples (testFraction 0). ' + TIMED,
  }),
];
