// The mnist-mlp case (issue 14): an MNIST-sized MLP, 784 → 256 → 256 → 10 ReLU (biases), trained
// one epoch with Adam (batch 128, lr 1e-3) by `losscape train` on 10,000 seeded samples (Gaussian
// class clusters, 10 classes), every contender then working on the same θ* and data:
//   (a) a 21 × 21 filter-normalized surface: wall time of the CLI child process `losscape surface`
//       (files in, file out) and its scan time (the surface file's timing.seconds); PyTorch runs
//       Li et al.'s per-point method (θ assembled, a full forward pass over all samples);
//   (b) training steps/s at batch 128 with Adam: Losscape's trainer in this process, in float64
//       and in its float32 mode (recipe precision float32), vs a plain PyTorch loop in each;
//   (c) the top Hessian eigenvalue at θ*: Losscape's Lanczos vs PyHessian-style power iteration.
// Not a throughput Case (../types.ts): it measures whole commands once, so run.ts calls it on its
// own and it prints its own table and the issue's targets as ratios.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRun } from '../../cli/runInput.js';
import { extremeEigenpairs, hessianAt, lossFunction } from '../../engine/analysis/index.js';
import { readSurfaceFile, recipeOf } from '../../engine/io/index.js';
import { npzBytes } from '../../engine/io/export/npz.js';
import { startRun } from '../../engine/train/index.js';
import { normal, rng } from '../data.js';
import { measure, type TimingOptions } from '../harness.js';
import { runTorch, torchUnavailable, type TorchReply } from '../peers/torch.js';
import { formatFigure, markdownTable } from '../table.js';

export const MNIST_MLP_ID = 'mnist-mlp';

const CLI = fileURLToPath(new URL('../../cli/losscape.js', import.meta.url));
const FEATURES = 784;
const CLASSES = 10;
/** σ of the class means around 0 (the samples have unit noise): about 60 % accuracy after one epoch. */
const MEAN_SCALE = 0.06;
const BATCH = 128;
const LR = 1e-3;
/** Relative tolerance of both eigenvalue solvers: power iteration's change per step, Lanczos's residual ÷ ‖H‖. */
const EIGEN_TOLERANCE = 1e-3;
const POWER_ITERATIONS = 50;

export interface MnistOptions {
  quick: boolean;
  /** Why the PyTorch rows are skipped (--no-torch), or null to run them. */
  noTorch: string | null;
  timing: TimingOptions;
  progress(msg: string): void;
}

export interface MnistResult {
  table: string;
  notes: string[];
  failures: string[];
  json: unknown;
}

/** 10 Gaussian class clusters in 784 dimensions, X [n, 784] and one-hot y [n, 10], from fixed seeds. */
function writeData(file: string, n: number): void {
  const means = normal(CLASSES * FEATURES, 1, MEAN_SCALE);
  const noise = normal(n * FEATURES, 2);
  const pick = rng(3);
  const X = new Float64Array(n * FEATURES);
  const Y = new Float64Array(n * CLASSES);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(pick() * CLASSES);
    Y[i * CLASSES + k] = 1;
    for (let j = 0; j < FEATURES; j++) X[i * FEATURES + j] = means[k * FEATURES + j] + noise[i * FEATURES + j];
  }
  // One-hot float rows: the .npz writer writes float64, and `--dataset` reads one-hot rows as class labels.
  writeFileSync(file, npzBytes({ X: { data: X, shape: [n, FEATURES] }, y: { data: Y, shape: [n, CLASSES] } }));
}

/** Runs the CLI with `args` in `cwd`; its wall time in seconds. Throws with its stderr when it fails. */
function cli(args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error || r.status !== 0) throw new Error(`losscape ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}`);
  return wall;
}

const seconds = (s: number): string => `${s.toPrecision(3)} s`;
const ratio = (x: number): string => `${x.toFixed(2)}×`;
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

export async function runMnistMlp(o: MnistOptions): Promise<MnistResult> {
  const n = o.quick ? 2000 : 10_000;
  const grid = o.quick ? 11 : 21;
  const points = grid * grid;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'losscape-bench-mnist-'));
  const failures: string[] = [];
  const notes: string[] = [];
  try {
    o.progress(`${MNIST_MLP_ID}: ${n} samples, training one epoch with losscape train`);
    writeData(path.join(dir, 'data.npz'), n);
    // digits-adam is the base for its biases (a run without a preset has none) and He init.
    const trainArgs = ['train', '--preset', 'digits-adam', '--dataset', 'data.npz', '--no-standardize', '--hidden', '256,256', '--activation', 'relu'];
    trainArgs.push('--optimizer', 'adam', '--lr', String(LR), '--batch-size', String(BATCH), '--epochs', '1', '--test-fraction', '0');
    trainArgs.push('--snapshot-every', '1000000', '--out', 'run.npz');
    cli(trainArgs, dir);
    const run = await loadRun(path.join(dir, 'run.npz'));
    const stateDict = Object.fromEntries(Object.entries(run.file.params).map(([name, p]) => [name, { data: p.data, shape: p.shape }]));
    writeFileSync(path.join(dir, 'theta.npz'), npzBytes(stateDict));

    // (a) the surface command, end to end, on all cores (its default), in float64 and in its float32 mode.
    const surfaceRun = (precision: 'float64' | 'float32') => {
      o.progress(`${MNIST_MLP_ID}: losscape surface --grid ${grid} --precision ${precision}`);
      const out = `surface-${precision}.npz`;
      const wall = cli(['surface', '--run', 'run.npz', '--grid', String(grid), '--precision', precision, '--out', out], dir);
      const file = readSurfaceFile(readFileSync(path.join(dir, out)));
      const mid = (grid - 1) / 2;
      return { wall, scan: file.timing.seconds, workers: file.timing.workers, centerLoss: file.values.loss[mid][mid] };
    };
    const f64 = surfaceRun('float64');
    const f32 = surfaceRun('float32');
    const { wall, scan, workers, centerLoss } = f64;

    // (b) training steps/s: the trainer of the same recipe, lengthened so it never ends while timed.
    const trainSteps = (precision: 'float64' | 'float32') => {
      o.progress(`${MNIST_MLP_ID}: Losscape training steps, ${precision}`);
      const recipe = recipeOf(run.file);
      recipe.epochs = 1e6;
      delete recipe.steps;
      if (precision === 'float32') recipe.precision = 'float32';
      const { trainer } = startRun(recipe);
      return measure(() => void trainer.advance(1), { ...o.timing, warmupSeconds: Math.max(o.timing.warmupSeconds, o.quick ? 0.2 : 1) });
    };
    const steps = trainSteps('float64');
    const steps32 = trainSteps('float32');

    // (c) the top Hessian eigenvalue at θ* on all samples.
    o.progress(`${MNIST_MLP_ID}: Losscape top Hessian eigenvalue`);
    const loss = lossFunction(run.state, run.data.train);
    const h0 = process.hrtime.bigint();
    const eig = extremeEigenpairs(hessianAt(loss, run.state.theta), { top: 1, seed: 0, tolerance: EIGEN_TOLERANCE });
    const hessianSeconds = Number(process.hrtime.bigint() - h0) / 1e9;
    const lambda = eig.top[0].value;

    // The PyTorch peer: one thread, then all cores (the Hessian on all cores only: its solves are long).
    const cores = os.cpus().length;
    const threadCounts = cores > 1 ? [1, cores] : [1];
    const torchRuns = new Map<number, TorchReply>();
    const missing = o.noTorch ?? torchUnavailable();
    if (missing) notes.push(`${MNIST_MLP_ID}: PyTorch rows skipped: ${missing}.`);
    else {
      const timedPoints = o.quick ? 5 : grid;
      for (const threads of threadCounts) {
        o.progress(`${MNIST_MLP_ID}: PyTorch, ${threads} thread(s)`);
        try {
          const hessian = threads === cores ? { iterations: POWER_ITERATIONS, tol: EIGEN_TOLERANCE } : null;
          const reply = runTorch({ data: path.join(dir, 'data.npz'), theta: path.join(dir, 'theta.npz'), threads, timing: o.timing, grid, points: timedPoints, batch: BATCH, lr: LR, hessian });
          torchRuns.set(threads, reply);
        } catch (e) {
          failures.push(`${MNIST_MLP_ID}: ${(e as Error).message}`);
        }
      }
      const info = [...torchRuns.values()][0]?.info;
      if (info) {
        notes.push(
          `${MNIST_MLP_ID}: PyTorch ${info.torch} on Python ${info.python}, BLAS ${info.blas}; every thread pool (torch.set_num_threads, OMP/OpenBLAS/MKL) pinned to the row's count. ` +
            `Its surface time = load (X to the dtype, the model built) + ${points} × its mean per-point time over ${timedPoints} points spread over the grid (a point costs the same anywhere), ` +
            'not a run over all points; its own filter-normalized directions (torch.randn, seed 0), so only the loss at (0, 0) is compared.',
        );
      }
    }

    // Rows.
    const header = ['row', 'contender', 'precision', 'threads', 'figure', 'Losscape ÷ contender', 'note'];
    const rows: string[][] = [];
    const torchSurface = (t: number, p: 'float32' | 'float64'): number | null => {
      const r = torchRuns.get(t)?.[p];
      return r ? r.loadSeconds + points * r.surface.secondsPerPoint : null;
    };
    rows.push([`(a) ${grid}×${grid} surface, end to end`, 'Losscape CLI', 'float64', String(workers), seconds(wall), '—', `scan ${seconds(scan)} = ${((100 * scan) / wall).toFixed(0)} % of the wall time`]);
    rows.push(['', 'Losscape CLI', 'float32', String(f32.workers), seconds(f32.wall), '—', `scan ${seconds(f32.scan)} = ${((100 * f32.scan) / f32.wall).toFixed(0)} %; loss at θ* off by ${relative(f32.centerLoss, centerLoss).toExponential(1)}`]);
    for (const t of threadCounts) {
      for (const p of ['float32', 'float64'] as const) {
        const r = torchRuns.get(t)?.[p];
        const time = torchSurface(t, p);
        if (!r || time === null) continue;
        const err = relative(r.surface.centerLoss, centerLoss);
        const tol = p === 'float64' ? 1e-9 : 1e-4;
        if (!(err <= tol)) failures.push(`${MNIST_MLP_ID}: PyTorch ${p} loss at θ* ${r.surface.centerLoss} vs Losscape's ${centerLoss} (relative ${err.toExponential(1)} > ${tol})`);
        const ours = p === 'float32' ? f32.wall : wall;
        rows.push(['', 'PyTorch, per point', p, String(t), seconds(time), t === workers ? ratio(ours / time) : '—', `loss at θ* off by ${err.toExponential(1)}`]);
      }
    }
    rows.push([`(b) training, batch ${BATCH}, Adam`, 'Losscape trainer', 'float64', '1', `${formatFigure(1 / steps.secondsPerCall)} steps/s`, '—', `±${((steps.spread / 2) * 100).toFixed(0)}%`]);
    rows.push(['', 'Losscape trainer', 'float32', '1', `${formatFigure(1 / steps32.secondsPerCall)} steps/s`, '—', `±${((steps32.spread / 2) * 100).toFixed(0)}%`]);
    for (const t of threadCounts) {
      for (const p of ['float32', 'float64'] as const) {
        const r = torchRuns.get(t)?.[p];
        if (!r) continue;
        const sps = 1 / r.train.secondsPerCall;
        const ours = p === 'float32' ? steps32 : steps;
        rows.push(['', 'PyTorch loop', p, String(t), `${formatFigure(sps)} steps/s`, t === 1 ? ratio(1 / ours.secondsPerCall / sps) : '—', `±${((r.train.spread / 2) * 100).toFixed(0)}%`]);
      }
    }
    rows.push(['(c) top Hessian eigenvalue', 'Losscape Lanczos', 'float64', '1', seconds(hessianSeconds), '—', `λ₁ = ${lambda.toPrecision(6)}, ${eig.steps} HVPs`]);
    for (const p of ['float32', 'float64'] as const) {
      const h = torchRuns.get(cores)?.[p].hessian;
      if (!h) continue;
      rows.push(['', 'PyTorch power iteration', p, String(cores), seconds(h.seconds), ratio(hessianSeconds / h.seconds), `λ₁ = ${h.value.toPrecision(6)} (off by ${relative(h.value, lambda).toExponential(1)}), ${h.hvps} HVPs`]);
    }
    const table = markdownTable(header, rows, [false, false, false, true, true, true, false]);

    // The issue's targets (acceptance 4), as ratios.
    const targets: string[] = [];
    const target = (what: string, value: number | null, limit: string, pass: (v: number) => boolean, note = ''): void => {
      if (value === null) targets.push(`${what}: — (no PyTorch figure)${note}`);
      else targets.push(`${what}: ${ratio(value)} (target ${limit}): ${pass(value) ? 'PASS' : 'MISS'}${note}`);
    };
    const all = torchSurface(workers, 'float64');
    const all32 = torchSurface(workers, 'float32');
    target(`surface end-to-end ÷ PyTorch float64, ${workers} threads`, all === null ? null : wall / all, '≤ 1×', (v) => v <= 1);
    target(`surface end-to-end ÷ PyTorch float32, ${workers} threads (Losscape --precision float32)`, all32 === null ? null : f32.wall / all32, '≤ 1×', (v) => v <= 1);
    targets.push(`scan ÷ CLI wall time: ${((100 * scan) / wall).toFixed(2)} % (target ≥ 90 %): ${scan / wall >= 0.9 ? 'PASS' : 'MISS'}`);
    const train32 = torchRuns.get(1)?.float32.train.secondsPerCall;
    target('training steps/s ÷ PyTorch float32, 1 thread (Losscape --precision float32)', train32 === undefined ? null : train32 / steps32.secondsPerCall, '≥ 0.5×', (v) => v >= 0.5);
    const train64 = torchRuns.get(1)?.float64.train.secondsPerCall;
    targets.push(`training steps/s ÷ PyTorch float64, 1 thread (Losscape float64): ${train64 === undefined ? '— (no PyTorch figure)' : ratio(train64 / steps.secondsPerCall)} (no target)`);

    notes.push(
      `${MNIST_MLP_ID}: "Losscape ÷ contender" divides Losscape's figure by the contender's in the row's own unit: for times (a, c) below 1× means Losscape is faster, ` +
        'for steps/s (b) above 1× does; it is given where the thread counts match (the training row: Losscape\'s one thread against PyTorch\'s; the Hessian: Losscape\'s one thread against all cores, as PyTorch\'s one-thread solve is not run).',
    );
    notes.push(
      `${MNIST_MLP_ID}${o.quick ? ' (--quick: ' + n + ' samples, ' + grid + '×' + grid + ' grid)' : ''}: ${n} seeded samples, 784 → 256 → 256 → 10 ReLU with biases, ` +
        `trained 1 epoch by \`losscape train --preset digits-adam --dataset data.npz --no-standardize --hidden 256,256 --optimizer adam --lr ${LR} --batch-size ${BATCH} --epochs 1 --test-fraction 0\`. ` +
        `(a) wall time of the child process \`losscape surface --run run.npz --grid ${grid} --out surface.npz\` (filter-normalized random directions, loss and accuracy, ${workers} workers: the default; ` +
        'not repeated with --workers 1, which would double the case\'s time); scan = the surface file\'s timing.seconds. ' +
        `(b) Losscape: trainer.advance(1) of the run's recipe in this process (one thread; float64, and float32 with the recipe's precision float32); PyTorch: nn.Sequential, CrossEntropyLoss, torch.optim.Adam on a per-epoch shuffle. ` +
        `(c) Losscape: extremeEigenpairs(top 1, residual ≤ ${EIGEN_TOLERANCE}·‖H‖) on the exact HVP, one thread; PyTorch: power iteration on double-backward HVPs (create_graph), ` +
        `stopped when λ changes by ≤ ${EIGEN_TOLERANCE} relative or after ${POWER_ITERATIONS} HVPs, on all cores. Each figure is one run except the training rows (median of timed batches).`,
    );
    return {
      table: [table, '', ...targets.map((t) => `- ${t}`)].join('\n'),
      notes,
      failures,
      json: { id: MNIST_MLP_ID, samples: n, grid, surface: { wall, scan, workers, centerLoss }, surfaceFloat32: f32, trainStepsPerSecond: 1 / steps.secondsPerCall, trainStepsPerSecondFloat32: 1 / steps32.secondsPerCall, hessian: { seconds: hessianSeconds, value: lambda, hvps: eig.steps }, torch: Object.fromEntries(torchRuns) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
