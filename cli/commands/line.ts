/** `losscape line`: a 1D slice, between two parameter vectors or along a direction through θ*. */
import { Option, type Command } from 'commander';
import { buildLayout } from '../../engine/nn/index.js';
import { normalizations, normalizeDirection, randomDirection, type Normalization } from '../../engine/landscape/directions.js';
import { planLine } from '../../engine/landscape/line.js';
import type { Precision } from '../../engine/nn/fast/linear.js';
import { createNodeLandscapePool } from '../../workers/node/landscapePool.js';
import { CliError } from '../errors.js';
import { parseGridSize, parsePositiveInteger, parseRange, precisionOption, type Range } from '../options.js';
import { writeResult } from '../output.js';
import { parseInteger } from '../recipe/dataOptions.js';
import { loadRun, pointOf, type LoadedRun } from '../runInput.js';
import { addSampleOptions, sampleChoice, type SampleOptions } from '../sampleOptions.js';
import { workerCount } from '../workerCount.js';

interface LineOptions extends SampleOptions {
  run: string;
  from?: string;
  to?: string;
  direction?: Normalization;
  range?: Range;
  steps: number;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  precision: Precision;
  seed: number;
  workers?: number;
  out?: string;
}

/** The line's start and direction: θ_from + t·(θ_to − θ_from), or θ* + t·d. */
async function lineOf(options: LineOptions, run: LoadedRun): Promise<{ center: Float64Array; direction: Float64Array; label: string }> {
  if (options.direction) {
    if (options.from || options.to) throw new CliError('give either --from/--to or --direction, not both');
    const layout = buildLayout(run.state.spec);
    const raw = randomDirection(layout, options.seed, 0);
    return { center: run.state.theta, direction: normalizeDirection(raw, run.state.theta, layout, { normalization: options.direction }), label: `${options.direction} direction` };
  }
  const from = await pointOf(options.from ?? 'init', run);
  const to = await pointOf(options.to ?? 'final', run);
  return { center: from, direction: to.map((v, i) => v - from[i]), label: `${options.from ?? 'init'} → ${options.to ?? 'final'}` };
}

async function runLine(options: LineOptions): Promise<void> {
  const run = await loadRun(options.run);
  const { center, direction, label } = await lineOf(options, run);
  const split = run.data[options.split];
  if (split.n === 0) throw new CliError(`this run has no ${options.split} split; use --split train`);
  const range = options.range ?? (options.direction ? { min: -1, max: 1 } : { min: -0.5, max: 1.5 });
  const samples = sampleChoice(options, split.n, options.split);
  const plan = planLine(run.state, run.data, { start: center, direction }, { t: { ...range, count: options.steps }, split: options.split, norm: options.norm, precision: options.precision, samples });
  const pool = createNodeLandscapePool(workerCount(options.workers));
  try {
    const values = await pool.scan(plan);
    await writeResult(
      {
        format: 'losscape.line/1',
        line: label,
        center: Array.from(center),
        direction: Array.from(direction),
        split: options.split,
        norm: options.norm,
        ...(options.precision === 'float32' ? { precision: 'float32' } : {}),
        ...(plan.samples ? { samples: plan.samples } : {}),
        t: Array.from(plan.alpha),
        values: {
          loss: Array.from(values.loss),
          ...(run.state.spec.loss === 'mse' ? {} : { accuracy: Array.from(values.accuracy) }),
          ...(values.lossStdError ? { lossStdError: Array.from(values.lossStdError) } : {}),
        },
      },
      options.out,
    );
  } finally {
    await pool.close();
  }
}

/** Adds the `line` command to `program`. */
export function registerLineCommand(program: Command): void {
  const command = program
    .command('line')
    .description('a 1D slice: L(θ_from + t·(θ_to − θ_from)) (Goodfellow et al. 2015) or L(θ* + t·d); writes losscape.line/1')
    .requiredOption('--run <run.json>', 'the run file')
    .option('--from <point>', 'init, final, or another run file (its final θ); default init')
    .option('--to <point>', 'init, final, or another run file; default final')
    .addOption(new Option('--direction <normalization>', 'a random direction through θ*, normalized').choices(normalizations))
    .option('--range <min:max>', 'range of t (default -0.5:1.5 between points, -1:1 along a direction)', parseRange)
    .option('--steps <n>', 'points along the line', parseGridSize, 101)
    .addOption(new Option('--split <split>', 'data split').choices(['train', 'test']).default('train'))
    .addOption(new Option('--norm <mode>', 'batch-norm statistics').choices(['batch', 'running']).default('batch'))
    .addOption(precisionOption())
    .option('--seed <n>', 'seed of the random direction', parseInteger, 0)
    .option('--workers <n>', 'worker threads (default and most: one per core)', parsePositiveInteger)
    .option('--out <file>', 'write here (atomically) instead of stdout');
  addSampleOptions(command).action(runLine);
}
