/**
 * `losscape critical`: finds and classifies a critical point near a run's parameters
 * (Levenberg–Marquardt on ½‖∇L‖², or saddle-free Newton for a minimum); with `--neb other.json`
 * first relaxes a nudged elastic band between the two runs' parameters and refines its highest
 * image into the saddle between them.
 */
import { Option, type Command } from 'commander';
import {
  criticalMethods,
  findCriticalPoint,
  hessianSpectrum,
  lossFunction,
  nudgedElasticBand,
  type CriticalMethod,
} from '../../engine/analysis/index.js';
import { RUN_FORMAT, type RunFile } from '../../engine/io/index.js';
import { norm } from '../../engine/linalg/index.js';
import { buildLayout, toStateDict } from '../../engine/nn/index.js';
import { CliError } from '../errors.js';
import { integerBetween, parsePositiveInteger } from '../options.js';
import { writeResult } from '../output.js';
import { progressBar } from '../progress.js';
import { parseInteger } from '../recipe/dataOptions.js';
import { loadRun, pointOf } from '../runInput.js';
import { parsePositive } from './hessian.js';

export const CRITICAL_FORMAT = 'losscape.critical/1';

/**
 * An elastic band's movable images, at most 1000: tens resolve a barrier (Draxler et al.
 * use 8 to 32), and the band holds a θ per image several times over, so a million would
 * exhaust the memory without a word.
 */
const parseBandImages = integerBetween(1, 1000, 'the number of band images');

interface CriticalOptions {
  run: string;
  from: string;
  neb?: string;
  images: number;
  nebTol: number;
  method: CriticalMethod;
  tol: number;
  maxIterations: number;
  top: number;
  bottom: number;
  zeroTol: number;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  seed: number;
  out?: string;
  outRun?: string;
}

async function runCritical(options: CriticalOptions): Promise<void> {
  const run = await loadRun(options.run);
  const split = run.data[options.split];
  if (split.n === 0) throw new CliError(`this run has no ${options.split} split; use --split train`);
  const loss = lossFunction(run.state, split, options.norm);
  const started = performance.now();
  let start = await pointOf(options.from, run);

  // Between two minima: the band's highest image is where the search starts.
  let neb: Record<string, unknown> | undefined;
  if (options.neb) {
    const end = await pointOf(options.neb, run);
    const bar = progressBar('band');
    const maxIterations = 1000;
    const band = nudgedElasticBand(loss, start, end, {
      images: options.images,
      tolerance: options.nebTol,
      maxIterations,
      onIteration: (i, force) => bar.update(i, maxIterations, `iteration ${i}, largest force ${force.toExponential(2)}`),
    });
    bar.finish();
    neb = {
      to: options.neb,
      images: options.images,
      converged: band.converged,
      iterations: band.iterations,
      maxForce: band.maxForce,
      message: band.message,
      losses: band.losses,
      highest: band.highest,
      path: band.path.map((p) => Array.from(p)),
    };
    start = band.path[band.highest];
  }

  const startGradient = loss.valueAndGradient(start);
  const bar = progressBar('critical');
  const result = findCriticalPoint(loss, start, {
    method: options.method,
    tolerance: options.tol,
    maxIterations: options.maxIterations,
    onIteration: (r) => bar.update(r.iteration, options.maxIterations, `iteration ${r.iteration}, ‖∇L‖ = ${r.gradientNorm.toExponential(2)}`),
  });
  bar.finish();
  if (!result.converged) process.stderr.write(`losscape: critical: ${result.message}\n`);
  const spectrum = hessianSpectrum(loss, result.theta, {
    top: options.top,
    bottom: options.bottom,
    trace: false,
    classify: { zero: options.zeroTol, gradient: options.tol },
    seed: options.seed,
  });
  const layout = buildLayout(run.state.spec);
  const seconds = (performance.now() - started) / 1000;
  await writeResult(
    {
      format: CRITICAL_FORMAT,
      run: { spec: run.file.spec, data: run.file.data, seed: run.file.seed },
      from: options.from,
      split: options.split,
      norm: options.norm,
      start: { loss: startGradient.value, gradientNorm: norm(startGradient.gradient) },
      ...(neb ? { neb } : {}),
      method: result.method,
      converged: result.converged,
      message: result.message,
      iterations: result.iterations,
      tolerance: result.tolerance,
      loss: result.loss,
      gradientNorm: result.gradientNorm,
      history: result.history,
      classification: spectrum.classification,
      eigenvalues: { top: spectrum.top, bottom: spectrum.bottom },
      theta: Array.from(result.theta),
      params: toStateDict(layout, result.theta, run.state.buffers),
      directions: spectrum.directions.choice.directions.map((d) => Array.from(d)),
      directionsInfo: { mode: spectrum.directions.mode, values: spectrum.directions.values, label: spectrum.directions.choice.label },
      timing: { seconds, hvps: result.hvps + spectrum.hvps, gradients: result.gradients },
    },
    options.out,
  );
  if (options.outRun) {
    const file: RunFile = { ...run.file, format: RUN_FORMAT, params: toStateDict(layout, result.theta, run.state.buffers) };
    await writeResult(file, options.outRun);
  }
}

/** Adds the `critical` command to `program`. */
export function registerCriticalCommand(program: Command): void {
  program
    .command('critical')
    .description(
      `find and classify a critical point (∇L = 0) near a run's parameters, or with --neb the saddle between two runs' parameters ` +
        `(nudged elastic band, then refined); writes ${CRITICAL_FORMAT} with the point, the classification and its curvature directions`,
    )
    .requiredOption('--run <run.json>', 'the run file')
    .option('--from <point>', "start: final (the run's parameters), init, or another run file's final parameters", 'final')
    .option('--neb <other.json>', "first relax an elastic band from the start to this run's final parameters (or init/final), and search from its highest image")
    .option('--images <n>', 'movable images of the band (at most 1000)', parseBandImages, 8)
    .option('--neb-tol <f>', 'the band has converged when every force is at most this', parsePositive, 1e-3)
    .addOption(
      new Option('--method <method>', 'lm: Levenberg–Marquardt on ½‖∇L‖² (finds saddles too); lm-cg: matrix-free; saddle-free: saddle-free Newton (finds minima); auto: lm up to 500 parameters, else lm-cg')
        .choices([...criticalMethods])
        .default('auto'),
    )
    .option('--tol <g>', 'converged when ‖∇L‖ ≤ tol', parsePositive, 1e-8)
    .option('--max-iterations <n>', 'give up after this many iterations', parsePositiveInteger, 100)
    .option('--top <k>', 'largest eigenvalues to report at the point', parsePositiveInteger, 5)
    .option('--bottom <k>', 'smallest eigenvalues to report at the point', parsePositiveInteger, 5)
    .option('--zero-tol <r>', 'eigenvalues with |λ| ≤ zero-tol·max|λ| count as near-zero (flat directions)', parsePositive, 1e-8)
    .addOption(new Option('--split <split>', 'data split').choices(['train', 'test']).default('train'))
    .addOption(new Option('--norm <mode>', "batch norm with the split's statistics or the running ones").choices(['batch', 'running']).default('batch'))
    .option('--seed <n>', 'seed of Lanczos (large models)', parseInteger, 0)
    .option('--out <file>', 'write here (atomically) instead of stdout')
    .option('--out-run <file>', 'also write the run with its parameters replaced by the point found (to slice the surface around it)')
    .action(runCritical);
}
