// Training throughput, steps/s, of two presets as users run them:
//   seed-iris    150×3 → 16 logistic (no biases) → 3 softmax CE, full-batch GD lr 0.5
//   digits-adam  64 → 128 ReLU (biases) → 10 softmax CE, Adam lr 1e-3, minibatches of 32
// One step = forward + gradient + update (for Digits on one minibatch). Losscape: the
// engine's trainer (startRun + trainer.advance(1)), with its per-step bookkeeping. tfjs:
// the same network in float32, optimizer.minimize with tf.train.sgd / tf.train.adam. numpy:
// the lecture's hand-written backprop and the update rule written out.
//
// Check before timing: every contender starts from the trainer's initial θ and runs
// CHECK_STEPS steps on fixed batches (full batch; for Digits the first minibatches of the
// training split, in order); losses and final parameters are compared with a plain float64
// TypeScript trainer. For Digits, Losscape's check runs the trainer's own pieces (objective,
// vjp, applyUpdate) on those batches, as the trainer draws its batches from its own shuffle.
import type { Scalar, Tensor as TfTensor, Variable } from '@tensorflow/tfjs-core';
import { fromData, vjp } from '../../engine/index.js';
import { objective, targetsFor, type ParamLayout } from '../../engine/nn/index.js';
import { applyUpdate, initOptimizerState, presetRecipe, startRun, type RunRecipe, type Trainer } from '../../engine/train/index.js';
import { nd, rng } from '../data.js';
import type { Case, NumpyTask, Outputs, TF } from '../types.js';

/** Steps of the correctness check. */
const CHECK_STEPS = 5;
/** Epochs of the timed runs: long enough never to end while being timed. */
const TIMING_EPOCHS = 1e6;
/** Warm-up of every contender on these cases: the trainer's code path takes V8 longer to optimize. */
const WARMUP_SECONDS = 1;
/** Seed of the peers' per-epoch shuffles. */
const SHUFFLE_SEED = 7;

type Activation = 'sigmoid' | 'relu';
type Optimizer = { kind: 'gd'; lr: number } | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

/** The parameter tensors in the order of θ; biases only when the model has them. */
const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
type ParamName = (typeof PARAM_NAMES)[number];
const LAYOUT_NAME: Record<ParamName, string> = { W1: 'layers.0.weight', b1: 'layers.0.bias', W2: 'layers.1.weight', b2: 'layers.1.bias' };

interface Param {
  name: ParamName;
  shape: number[];
  data: Float64Array;
}

/** What every contender needs, read off the preset and a freshly started run. */
interface Setup {
  preset: string;
  n: number;
  d: number;
  h: number;
  c: number;
  /** Training inputs [n, d] and one-hot targets [n, c], as prepared by the engine. */
  x: Float64Array;
  y: Float64Array;
  activation: Activation;
  optimizer: Optimizer;
  /** Rows per step; n for full-batch training. */
  batch: number;
  /** Initial parameters (θ right after startRun), in θ's order. */
  params: Param[];
}

/** The preset's recipe with a run long enough to time. */
function timingRecipe(preset: string): RunRecipe {
  const recipe = presetRecipe(preset);
  recipe.epochs = TIMING_EPOCHS;
  delete recipe.steps;
  return recipe;
}

/** Fails loudly when a preset drifts away from what the peers implement. */
function checkedRecipe(preset: string): { recipe: RunRecipe; activation: Activation; optimizer: Optimizer } {
  const recipe = presetRecipe(preset);
  const m = recipe.model;
  const o = recipe.optimizer;
  const fail = (what: string): never => {
    throw new Error(`bench/cases/train.ts: preset '${preset}' ${what}; the tfjs and numpy peers implement one hidden layer (logistic or ReLU), softmax CE, GD or Adam, constant learning rate`);
  };
  if (m.hidden.length !== 1) fail(`has ${m.hidden.length} hidden layers`);
  const layer = m.hidden[0];
  if (layer.activation !== 'logistic' && layer.activation !== 'relu') fail(`uses the activation '${layer.activation}'`);
  if (layer.batchNorm || m.residual || m.weightDecay) fail('uses batch norm, residual connections or weight decay');
  if ((m.loss ?? 'softmax-ce') !== 'softmax-ce') fail(`uses the loss '${m.loss}'`);
  if (recipe.schedule && (recipe.schedule.kind !== 'constant' || recipe.schedule.warmupSteps)) fail('uses a learning-rate schedule');
  if (o.clipNorm !== undefined) fail('clips gradients');
  let optimizer: Optimizer;
  if (o.kind === 'gd' || o.kind === 'sgd') optimizer = { kind: 'gd', lr: o.lr };
  else if (o.kind === 'adam') optimizer = { kind: 'adam', lr: o.lr, beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999, eps: o.eps ?? 1e-8 };
  else return fail(`uses the optimizer '${o.kind}'`);
  return { recipe, activation: layer.activation === 'relu' ? 'relu' : 'sigmoid', optimizer };
}

/** θ cut into the named parameter tensors. */
function unpack(theta: Float64Array, layout: ParamLayout): Param[] {
  const out: Param[] = [];
  for (const name of PARAM_NAMES) {
    const e = layout.entries.find((entry) => entry.name === LAYOUT_NAME[name]);
    if (e) out.push({ name, shape: e.shape, data: theta.slice(e.offset, e.offset + e.size) });
  }
  if (out.length !== layout.entries.length) throw new Error(`bench/cases/train.ts: unexpected θ layout ${layout.entries.map((e) => e.name).join(', ')}`);
  return out;
}

function paramOutputs(params: Param[]): Outputs {
  return Object.fromEntries(params.map((p) => [p.name, p.data]));
}

function makeSetup(preset: string): Setup {
  const { recipe, activation, optimizer } = checkedRecipe(preset);
  const { trainer, data } = startRun(recipe);
  const { n } = data.train;
  const d = data.d;
  const c = trainer.config.spec.outputs;
  const y = new Float64Array(n * c);
  for (let i = 0; i < n; i++) y[i * c + data.train.y[i]] = 1;
  const fullBatch = recipe.batchSize === 'full' || optimizer.kind === 'gd';
  const batch = fullBatch ? n : Math.min(n, recipe.batchSize as number);
  if (!fullBatch && n < CHECK_STEPS * batch) throw new Error(`bench/cases/train.ts: ${preset} has too few samples for ${CHECK_STEPS} check batches`);
  return {
    preset,
    n,
    d,
    h: recipe.model.hidden[0].width,
    c,
    x: data.train.x,
    y,
    activation,
    optimizer,
    batch,
    params: unpack(trainer.state.theta, trainer.layout),
  };
}

/** The check's batches as row ranges [start, end): the first ones of the split, in order. */
function checkBatches(s: Setup): [number, number][] {
  return Array.from({ length: CHECK_STEPS }, (_, k) => (s.batch === s.n ? [0, s.n] : [k * s.batch, (k + 1) * s.batch]));
}

/**
 * The float64 reference, plain TypeScript and independent of the engine: CHECK_STEPS steps
 * of forward, closed-form backprop and update; the loss of each step (at θ before its
 * update) and the final parameters.
 */
function referenceTrain(s: Setup): Outputs {
  const { d, h, c, x, y, activation, optimizer: opt } = s;
  const P = new Map(s.params.map((p) => [p.name, p.data.slice()]));
  const W1 = P.get('W1')!;
  const W2 = P.get('W2')!;
  const b1 = P.get('b1') ?? null;
  const b2 = P.get('b2') ?? null;
  const m = new Map([...P].map(([k, v]) => [k, new Float64Array(v.length)]));
  const v = new Map([...P].map(([k, a]) => [k, new Float64Array(a.length)]));
  const losses = new Float64Array(CHECK_STEPS);
  checkBatches(s).forEach(([start, end], t) => {
    const B = end - start;
    const G = new Map([...P].map(([k, a]) => [k, new Float64Array(a.length)]));
    const gW1 = G.get('W1')!;
    const gW2 = G.get('W2')!;
    const gb1 = G.get('b1') ?? null;
    const gb2 = G.get('b2') ?? null;
    const z = new Float64Array(h);
    const dz = new Float64Array(h);
    const u = new Float64Array(c);
    let loss = 0;
    for (let i = start; i < end; i++) {
      for (let j = 0; j < h; j++) {
        let a = b1 ? b1[j] : 0;
        for (let k = 0; k < d; k++) a += W1[j * d + k] * x[i * d + k];
        z[j] = activation === 'relu' ? Math.max(a, 0) : 1 / (1 + Math.exp(-a));
      }
      let mx = -Infinity;
      for (let k = 0; k < c; k++) {
        let a = b2 ? b2[k] : 0;
        for (let j = 0; j < h; j++) a += W2[k * h + j] * z[j];
        u[k] = a;
        mx = Math.max(mx, a);
      }
      let se = 0;
      for (let k = 0; k < c; k++) se += Math.exp(u[k] - mx);
      const lse = mx + Math.log(se);
      dz.fill(0);
      for (let k = 0; k < c; k++) {
        const yk = y[i * c + k];
        loss -= (yk * (u[k] - lse)) / B;
        const du = (Math.exp(u[k] - lse) - yk) / B;
        if (gb2) gb2[k] += du;
        for (let j = 0; j < h; j++) {
          gW2[k * h + j] += du * z[j];
          dz[j] += du * W2[k * h + j];
        }
      }
      for (let j = 0; j < h; j++) {
        const da = dz[j] * (activation === 'relu' ? (z[j] > 0 ? 1 : 0) : z[j] * (1 - z[j]));
        if (gb1) gb1[j] += da;
        for (let k = 0; k < d; k++) gW1[j * d + k] += da * x[i * d + k];
      }
    }
    losses[t] = loss;
    for (const [name, p] of P) {
      const g = G.get(name)!;
      if (opt.kind === 'gd') {
        for (let i = 0; i < p.length; i++) p[i] -= opt.lr * g[i];
        continue;
      }
      const mm = m.get(name)!;
      const vv = v.get(name)!;
      const c1 = 1 - opt.beta1 ** (t + 1);
      const c2 = 1 - opt.beta2 ** (t + 1);
      for (let i = 0; i < p.length; i++) {
        mm[i] = opt.beta1 * mm[i] + (1 - opt.beta1) * g[i];
        vv[i] = opt.beta2 * vv[i] + (1 - opt.beta2) * g[i] * g[i];
        p[i] -= (opt.lr * (mm[i] / c1)) / (Math.sqrt(vv[i] / c2) + opt.eps);
      }
    }
  });
  return { losses, ...Object.fromEntries(P) };
}

/** The peers' minibatch order while timed: a fresh seeded permutation each epoch, like the trainer. */
function shuffledBatches(n: number, batch: number): () => Int32Array {
  const u = rng(SHUFFLE_SEED);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const perEpoch = Math.ceil(n / batch);
  let k = 0;
  return () => {
    if (k === 0) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(u() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const rows = order.subarray(k * batch, Math.min(n, (k + 1) * batch));
    k = (k + 1) % perEpoch;
    return rows;
  };
}

/** Losscape's check when the trainer's batches are the fixed ones (full batch): the trainer itself. */
function trainerCheck(trainer: Trainer, step: () => void): Outputs {
  if (trainer.state.step !== 0) throw new Error('the trainer has already stepped');
  for (let t = 0; t < CHECK_STEPS; t++) step();
  return { losses: trainer.state.stepLosses.values().slice(0, CHECK_STEPS), ...paramOutputs(unpack(trainer.state.theta, trainer.layout)) };
}

/**
 * Losscape's check on fixed minibatches: what the trainer's step does (the engine's
 * objective, vjp, applyUpdate) from the trainer's initial θ, on the check's batches.
 */
function engineCheck(trainer: Trainer, s: Setup): Outputs {
  const { spec, optimizer, train } = trainer.config;
  const theta = trainer.state.theta.slice();
  const opt = initOptimizerState(optimizer, theta.length);
  const losses = new Float64Array(CHECK_STEPS);
  checkBatches(s).forEach(([start, end], t) => {
    const rows = end - start;
    const batch = {
      x: fromData(train.x.slice(start * s.d, end * s.d), [rows, s.d]),
      targets: targetsFor(spec, train.y.slice(start, end), rows),
    };
    const [loss, pullback] = vjp((th) => objective(spec, trainer.layout, th, batch, { kind: 'batch' }).loss, [fromData(theta, [theta.length])]);
    losses[t] = loss.data[0];
    const g = pullback(fromData(Float64Array.of(1), []))[0].data.slice();
    applyUpdate(optimizer, opt, theta, g, optimizer.lr);
  });
  return { losses, ...paramOutputs(unpack(theta, trainer.layout)) };
}

function trainCase(preset: string, id: string, title: string, note: string): Case {
  let cached: Setup | null = null;
  const setup = (): Setup => (cached ??= makeSetup(preset));
  let numpyTask: NumpyTask | null = null;
  return {
    id,
    title,
    unit: 'steps/s',
    figure: (seconds) => 1 / seconds,
    reference: () => referenceTrain(setup()),
    // Errors grow over the check's steps (Adam divides by √v, which magnifies float32
    // rounding in small gradients), so float32 gets more room than a single evaluation.
    tolerance: { float64: 1e-9, float32: 1e-4 },
    warmupSeconds: WARMUP_SECONDS,
    note: `${note} Every contender warms up for ${WARMUP_SECONDS} s here (not with --quick).`,

    losscape() {
      const s = setup();
      const { trainer } = startRun(timingRecipe(preset));
      const step = (): void => {
        if (!trainer.advance(1)) throw new Error(`the timed run ended (${trainer.state.status}${trainer.state.message ? `: ${trainer.state.message}` : ''})`);
      };
      return {
        run: step,
        outputs: () => (s.batch === s.n ? trainerCheck(trainer, step) : engineCheck(trainer, s)),
      };
    },

    tfjs(tf: TF) {
      const s = setup();
      const x = tf.tensor2d(Float32Array.from(s.x), [s.n, s.d]);
      const y = tf.tensor2d(Float32Array.from(s.y), [s.n, s.c]);
      const vars = new Map<ParamName, Variable>(s.params.map((p) => [p.name, tf.variable(tf.tensor(Float32Array.from(p.data), p.shape), true)]));
      const varList = [...vars.values()];
      const [w1, b1, w2, b2] = PARAM_NAMES.map((k) => vars.get(k) ?? null);
      const o = s.optimizer;
      // tfjs's Adam adds ε after the square root of the bias-corrected second moment, as
      // PyTorch and the engine do, but its default ε is the backend's (1e-7): pass it.
      const optimizer = o.kind === 'gd' ? tf.train.sgd(o.lr) : tf.train.adam(o.lr, o.beta1, o.beta2, o.eps);
      const loss = (xb: TfTensor, yb: TfTensor): Scalar => {
        let a = tf.matMul(xb, w1!, false, true);
        if (b1) a = tf.add(a, b1);
        const z = s.activation === 'relu' ? tf.relu(a) : tf.sigmoid(a);
        let u = tf.matMul(z, w2!, false, true);
        if (b2) u = tf.add(u, b2);
        return tf.neg(tf.mean(tf.sum(tf.mul(yb, tf.logSoftmax(u, -1)), -1))) as Scalar;
      };
      /** One step on the given rows (all of them when null); the loss when asked for. */
      const step = (rows: Int32Array | null, cost: boolean): number =>
        tf.tidy(() => {
          let xb = x;
          let yb = y;
          if (rows) {
            const idx = tf.tensor1d(rows, 'int32');
            xb = tf.gather(x, idx);
            yb = tf.gather(y, idx);
          }
          const value = optimizer.minimize(() => loss(xb, yb), cost, varList);
          return value ? value.dataSync()[0] : NaN;
        });
      const next = s.batch === s.n ? () => null : shuffledBatches(s.n, s.batch);
      return {
        run: () => void step(next(), false),
        outputs: () => {
          const losses = checkBatches(s).map(([start, end]) =>
            step(s.batch === s.n ? null : Int32Array.from({ length: end - start }, (_, i) => start + i), true),
          );
          return { losses, ...Object.fromEntries([...vars].map(([k, v]) => [k, v.dataSync()])) };
        },
        dispose: () => {
          tf.dispose([x, y, ...varList]);
          optimizer.dispose();
        },
      };
    },

    get numpy(): NumpyTask {
      if (numpyTask) return numpyTask;
      const s = setup();
      numpyTask = {
        kind: 'train-mlp',
        inputs: {
          X: nd([s.n, s.d], s.x),
          Y: nd([s.n, s.c], s.y),
          ...Object.fromEntries(s.params.map((p) => [p.name, nd(p.shape, p.data)])),
        },
        params: { activation: s.activation, optimizer: s.optimizer, batch: s.batch, checkSteps: CHECK_STEPS, shuffleSeed: SHUFFLE_SEED },
      };
      return numpyTask;
    },
  };
}

const LOSSCAPE_TIMED =
  "Losscape times trainer.advance(1) of the engine's trainer, started with startRun(presetRecipe(…)) and lengthened to " +
  `${TIMING_EPOCHS.toExponential(0)} epochs, with all its per-step bookkeeping (step loss, history; trajectory snapshots every 1% of the lengthened run, i.e. rarely)`;

export const trainCases: Case[] = [
  trainCase(
    'seed-iris',
    'train-seed-iris',
    'train seed-iris: 150×3 → 16 sigmoid → 3, full-batch GD',
    'train seed-iris: one step = forward, gradient and update on all 150 samples. ' +
      `${LOSSCAPE_TIMED}; the history entry it records each epoch (= each step here) reuses the step's forward pass. ` +
      'tfjs: tf.train.sgd(0.5).minimize in tf.tidy; numpy: hand-written backprop, W −= lr·dW. ' +
      `Check: losses and parameters after ${CHECK_STEPS} steps from the trainer's initial θ (Losscape: the trainer itself).`,
  ),
  trainCase(
    'digits-adam',
    'train-digits-adam',
    'train digits-adam: 64 → 128 ReLU → 10, Adam, batch 32',
    'train digits-adam: one step = forward, gradient and Adam update on one minibatch of 32 of the 1,438 training ' +
      'samples (the last of each epoch is smaller), each epoch reshuffled by every contender. ' +
      `${LOSSCAPE_TIMED}; once per epoch (45 steps) that includes the loss and accuracy on the full training and test splits, ` +
      'which the peers do not compute. tfjs: tf.gather of the batch and tf.train.adam(1e-3, 0.9, 0.999, 1e-8).minimize ' +
      "(ε passed: tfjs's default is 1e-7; like PyTorch it adds ε after √v̂); numpy: fancy-indexed batch, hand-written backprop, " +
      `Adam written out. Check: losses and parameters after the first ${CHECK_STEPS} minibatches of the split in order, from the ` +
      "trainer's initial θ; for Losscape via the trainer's own objective, vjp and applyUpdate (the trainer shuffles), the timed path being trainer.advance.",
  ),
];
