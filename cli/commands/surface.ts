/** `losscape surface`: a 2D slice of the loss around a run's parameters, on a worker pool. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { readDirectionsFile } from '../../engine/io/directionsFile.js';
import { parseShard, shardPlan, surfaceFileOf, surfacePartOf, type Shard } from '../../engine/io/index.js';
import { normalizations, type Normalization } from '../../engine/landscape/directions.js';
import type { Precision } from '../../engine/nn/fast/linear.js';
import { planSurface, type DirectionChoice } from '../../engine/landscape/surface.js';
import { createNodeLandscapePool } from '../../workers/node/landscapePool.js';
import { CliError } from '../errors.js';
import { parseGridSize, parsePositiveInteger, parseRange, precisionOption, type Range } from '../options.js';
import { writeResult } from '../output.js';
import { progressBar } from '../progress.js';
import { parseInteger } from '../recipe/dataOptions.js';
import { readInput } from '../readInput.js';
import { loadRun } from '../runInput.js';
import { addSampleOptions, sampleChoice, type SampleOptions } from '../sampleOptions.js';
import { workerCount } from '../workerCount.js';

interface SurfaceOptions extends SampleOptions {
  run: string;
  directions: string;
  ignore: 'biasbn' | 'none';
  orthogonalize?: boolean;
  range: Range;
  xrange?: Range;
  yrange?: Range;
  grid: number;
  metrics: string;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  precision: Precision;
  workers?: number;
  seed: number;
  shard?: Shard;
  out?: string;
}

/** Reads two directions from a JSON file with `directions: [d₁, d₂]` (a surface file will do). */
async function directionsFromFile(path: string): Promise<[Float64Array, Float64Array]> {
  return readDirectionsFile(await readInput(path), path);
}

/** The direction choice `--directions` names. */
async function directionChoice(options: SurfaceOptions): Promise<DirectionChoice> {
  const name = options.directions;
  if (name === 'pca') return { kind: 'pca' };
  if (name.startsWith('file:')) return { kind: 'given', directions: await directionsFromFile(name.slice(5)), label: name };
  // `random` means Gaussian directions as drawn: the same as normalization `none`.
  const normalization = (name === 'random' ? 'none' : name) as Normalization;
  if (!normalizations.includes(normalization)) {
    throw new InvalidArgumentError(`unknown directions "${name}": use random, ${normalizations.join(', ')}, pca or file:PATH`);
  }
  return { kind: 'random', normalization, ignore: options.ignore, seed: options.seed, orthogonalize: options.orthogonalize };
}

async function runSurface(options: SurfaceOptions): Promise<void> {
  const run = await loadRun(options.run);
  const metrics = options.metrics.split(',').map((m) => m.trim());
  const unknown = metrics.filter((m) => m !== 'loss' && m !== 'accuracy');
  if (unknown.length) throw new CliError(`unknown metric ${unknown.join(', ')}: use loss and/or accuracy`);
  const x = options.xrange ?? options.range;
  const y = options.yrange ?? options.range;
  const samples = sampleChoice(options, run.data[options.split].n, options.split);
  if (samples && options.shard) throw new CliError('--samples is a quick preview of a whole grid and does not combine with --shard: leave one out');
  const { plan, info } = planSurface(run.state, run.data, {
    directions: await directionChoice(options),
    alpha: { ...x, count: options.grid },
    beta: { ...y, count: options.grid },
    split: options.split,
    norm: options.norm,
    precision: options.precision,
    samples,
  });
  // A shard scans only its block of α rows; every grid point is computed on its own, so the
  // merged parts are bit-identical to the whole grid.
  const shard = options.shard ? { ...options.shard, ...shardPlan(plan, options.shard) } : null;
  const scanned = shard ? shard.plan : plan;
  const pool = createNodeLandscapePool(workerCount(options.workers));
  const bar = progressBar(options.shard ? `surface ${options.shard.index}/${options.shard.count}` : 'surface');
  const started = performance.now();
  try {
    const path = run.state.trajectory;
    const { trajectory, ...values } = await pool.scan(scanned, { path, onProgress: (done, total) => bar.update(done, total, `${done}/${total} tiles and path points`) });
    const seconds = (performance.now() - started) / 1000;
    bar.finish();
    const file = surfaceFileOf({
      plan: scanned,
      info,
      split: options.split,
      norm: options.norm,
      values,
      trajectory,
      run: { spec: run.file.spec, data: run.file.data, seed: run.file.seed },
      timing: { seconds, workers: pool.size, points: scanned.alpha.length * scanned.beta.length },
    });
    if (!metrics.includes('accuracy')) delete file.values.accuracy;
    if (!metrics.includes('loss')) file.values.loss = [];
    await writeResult(shard ? surfacePartOf(file, plan.alpha, { index: shard.index, count: shard.count }, shard.rows) : file, options.out);
  } finally {
    await pool.close();
  }
}

/** Parses `--shard i/n` for commander. */
function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** Adds the `surface` command to `program`. */
export function registerSurfaceCommand(program: Command): void {
  const command = program
    .command('surface')
    .description("a 2D slice L(θ* + α·d₁ + β·d₂) around a run's parameters; writes a surface file (losscape.surface/1)")
    .requiredOption('--run <run.json>', 'the run file')
    .option('--directions <kind>', `random, ${normalizations.join(', ')} (normalized random directions), pca (of the path) or file:PATH`, 'filter')
    .addOption(new Option('--ignore <what>', 'biasbn: zero the directions on biases and batch-norm parameters').choices(['biasbn', 'none']).default('biasbn'))
    .option('--orthogonalize', 'make the second direction perpendicular to the first')
    .option('--range <min:max>', 'range of both α and β', parseRange, parseRange('-1:1'))
    .option('--xrange <min:max>', 'range of α', parseRange)
    .option('--yrange <min:max>', 'range of β', parseRange)
    .option('--grid <points>', 'points along each axis', parseGridSize, 51)
    .option('--metrics <list>', 'loss, accuracy or both', 'loss,accuracy')
    .addOption(new Option('--split <split>', 'data split').choices(['train', 'test']).default('train'))
    .addOption(new Option('--norm <mode>', "batch norm with the split's statistics or the running ones").choices(['batch', 'running']).default('batch'))
    .addOption(precisionOption())
    .option('--workers <n>', 'worker threads (default and most: one per core)', parsePositiveInteger)
    .option('--seed <n>', 'seed of the random directions', parseInteger, 0)
    .option('--shard <i/n>', 'compute only block i of n (0 ≤ i < n) of the α rows and write a part file; join the parts with losscape merge', shardOption)
    .option('--out <file>', 'write here (atomically) instead of stdout');
  addSampleOptions(command).action(runSurface);
}
