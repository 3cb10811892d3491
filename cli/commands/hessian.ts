/**
 * `losscape hessian`: the Hessian spectrum at a run's parameters — the extreme eigenvalues
 * (dense or Lanczos), Hutchinson's trace, optionally the spectral density (SLQ), the
 * classification of the point, and curvature directions that `losscape surface --directions
 * file:hessian.json` slices along; with --over-run, sharpness along the run (./sharpness.ts).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { hessianSpectrum, lossFunction, type SpectrumReport, type SpectrumStage } from '../../engine/analysis/index.js';
import { CliError } from '../errors.js';
import { integerBetween, parsePositiveInteger } from '../options.js';
import { writeResult } from '../output.js';
import { progressBar } from '../progress.js';
import { parseInteger, parseNumber } from '../recipe/dataOptions.js';
import { loadRun, pointOf } from '../runInput.js';
import { writeSharpness } from './sharpness.js';

export const HESSIAN_FORMAT = 'losscape.hessian/1';

interface HessianOptions {
  run: string;
  at: string;
  top: number;
  bottom: number;
  method: 'auto' | 'full' | 'lanczos';
  density?: boolean;
  probes: number;
  densityProbes: number;
  steps: number;
  sigma?: number;
  points: number;
  tol: number;
  lanczosSteps: number;
  zeroTol: number;
  gradTol: number;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  seed: number;
  out?: string;
  overRun?: boolean;
  snapshots?: number;
}

/** The density's grid points, at most 100 000: far finer than any plot, and the curve (a Gaussian per point, probe and step) stays quick. */
const parseDensityPoints = integerBetween(2, 100_000, 'the number of density points');

/** A number > 0 (a tolerance, a width). */
export function parsePositive(value: string): number {
  const n = parseNumber(value);
  if (!(n > 0)) throw new InvalidArgumentError(`expected a number > 0, got ${value}`);
  return n;
}

/** The report as plain JSON: typed arrays become lists, eigenvectors only as the two directions. */
function reportJson(report: SpectrumReport) {
  const { density, directions, eigenvalues, top, bottom, ...rest } = report;
  return {
    ...rest,
    eigenvalues: { top, bottom, ...(eigenvalues ? { all: Array.from(eigenvalues) } : {}) },
    ...(density
      ? {
          density: {
            grid: Array.from(density.grid),
            density: Array.from(density.density),
            sigma: density.sigma,
            mass: density.mass,
            probes: density.probes,
            steps: density.steps,
            nodes: density.rules.map((r) => Array.from(r.nodes)),
            weights: density.rules.map((r) => Array.from(r.weights)),
          },
        }
      : {}),
    directions: directions.choice.directions.map((d) => Array.from(d)),
    directionsInfo: { mode: directions.mode, values: directions.values, label: directions.choice.label },
  };
}

async function runHessian(options: HessianOptions): Promise<void> {
  const run = await loadRun(options.run);
  const split = run.data[options.split];
  if (split.n === 0) throw new CliError(`this run has no ${options.split} split; use --split train`);
  const loss = lossFunction(run.state, split, options.norm);
  const header = { run: { spec: run.file.spec, data: run.file.data, seed: run.file.seed }, split: options.split, norm: options.norm, seed: options.seed };
  if (options.overRun) return writeSharpness(loss, run.state, header, { ...options, points: options.snapshots });
  const theta = await pointOf(options.at, run);
  const bars = new Map<SpectrumStage, ReturnType<typeof progressBar>>();
  const started = performance.now();
  const report = hessianSpectrum(loss, theta, {
    top: options.top,
    bottom: options.bottom,
    method: options.method,
    lanczos: { tolerance: options.tol, maxSteps: options.lanczosSteps },
    trace: { probes: options.probes },
    density: options.density ? { probes: options.densityProbes, steps: options.steps, sigma: options.sigma, points: options.points } : false,
    classify: { zero: options.zeroTol, gradient: options.gradTol },
    seed: options.seed,
    onProgress: (stage, done, total) => {
      if (!bars.has(stage)) bars.set(stage, progressBar(stage));
      bars.get(stage)!.update(done, total, `${done}/${total}`);
    },
  });
  for (const bar of bars.values()) bar.finish();
  if (report.lanczos && !report.lanczos.converged) {
    process.stderr.write(
      `losscape: hessian: Lanczos stopped after ${report.lanczos.steps} steps before every residual was ≤ ${report.lanczos.residualTolerance.toExponential(2)}; ` +
        `the eigenvalues are approximate (see lanczos.residuals): raise --lanczos-steps or --tol\n`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await writeResult(
    {
      format: HESSIAN_FORMAT,
      ...header,
      point: options.at,
      ...reportJson(report),
      timing: { seconds, hvps: report.hvps },
    },
    options.out,
  );
}

/** Adds the `hessian` command to `program`. */
export function registerHessianCommand(program: Command): void {
  program
    .command('hessian')
    .description(
      `the Hessian spectrum at a run's parameters: extreme eigenvalues, trace (Hutchinson), density (stochastic Lanczos quadrature), ` +
        `the classification of the point, and curvature directions (use with surface --directions file:PATH). Writes ${HESSIAN_FORMAT}`,
    )
    .requiredOption('--run <run.json>', 'the run file')
    .option('--at <point>', "where: final (the run's parameters), init, or another run file's final parameters", 'final')
    .option('--top <k>', 'how many of the largest eigenvalues', parsePositiveInteger, 5)
    .option('--bottom <k>', 'how many of the smallest eigenvalues', parsePositiveInteger, 5)
    .addOption(new Option('--method <method>', 'full: dense Hessian (P HVPs) and every eigenvalue; lanczos: the extremes only; auto: full up to 500 parameters').choices(['auto', 'full', 'lanczos']).default('auto'))
    .option('--density', 'also the spectral density by stochastic Lanczos quadrature')
    .option('--probes <n>', "Hutchinson's probes for the trace", parsePositiveInteger, 32)
    .option('--density-probes <n>', 'probes of the density', parsePositiveInteger, 8)
    .option('--steps <m>', 'Lanczos steps per density probe', parsePositiveInteger, 80)
    .option('--sigma <σ>', 'Gaussian broadening of the density (default 1% of the spectrum’s spread)', parsePositive)
    .option('--points <n>', 'grid points of the density', parseDensityPoints, 256)
    .option('--tol <r>', 'Lanczos: residual ‖H·y − λ·y‖ ≤ tol·‖H‖', parsePositive, 1e-10)
    .option('--lanczos-steps <m>', 'Lanczos: most steps (HVPs)', parsePositiveInteger, 300)
    .option('--zero-tol <r>', 'eigenvalues with |λ| ≤ zero-tol·max|λ| count as near-zero (flat directions)', parsePositive, 1e-8)
    .option('--grad-tol <g>', '‖∇L‖ at or below this makes the point critical', parsePositive, 1e-6)
    .addOption(new Option('--split <split>', 'data split').choices(['train', 'test']).default('train'))
    .addOption(new Option('--norm <mode>', "batch norm with the split's statistics or the running ones").choices(['batch', 'running']).default('batch'))
    .option('--seed <n>', 'seed of the Lanczos start and the probes', parseInteger, 0)
    .option('--over-run', 'instead: λ_max and the Hessian index at every recorded snapshot of the run (sharpness over training); JSON, or CSV for --out *.csv')
    .option('--snapshots <n>', 'with --over-run: at most this many snapshots, evenly spaced', parsePositiveInteger)
    .option('--out <file>', 'write here (atomically) instead of stdout')
    .action(runHessian);
}
