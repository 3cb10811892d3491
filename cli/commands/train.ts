/** `losscape train`: trains a model in a worker thread and writes a run file (losscape.run/1). */
import { Option, type Command } from 'commander';
import { proxy } from 'comlink';
import { activations, lossKinds, weightInits, type Activation, type LossKind, type WeightInit } from '../../engine/nn/index.js';
import type { Precision } from '../../engine/nn/fast/linear.js';
import { optimizerKinds, presetRecipe, presets, type OptimizerKind, type RunRecipe } from '../../engine/train/index.js';
import { withNodeWorker } from '../../workers/node/spawn.js';
import type { TrainingEndpoint, TrainProgress } from '../../workers/training.js';
import { CliError } from '../errors.js';
import { parseBatchSize, parsePositiveInteger, precisionOption } from '../options.js';
import { writeResult } from '../output.js';
import { progressBar } from '../progress.js';
import { addDataOptions, dataSpecFrom, parseInteger, parseIntegerList, parseNumber, type DataOptions } from '../recipe/dataOptions.js';

interface TrainOptions extends DataOptions {
  preset?: string;
  hidden?: number[];
  activation?: Activation;
  loss?: LossKind;
  bias?: boolean;
  batchnorm?: boolean;
  residual?: number;
  weightDecay?: number;
  init?: WeightInit;
  initScale?: number;
  biasInit?: number;
  optimizer?: OptimizerKind;
  lr?: number;
  momentum?: number;
  clipNorm?: number;
  batchSize?: number | 'full';
  epochs?: number;
  steps?: number;
  snapshotEvery?: number;
  precision?: Precision;
  out?: string;
}

const trainingWorker = new URL('../../workers/node/training.worker.ts', import.meta.url);

/** The recipe the options describe: a preset (or seed-iris's shape) with the options on top. */
export async function recipeFrom(options: TrainOptions): Promise<RunRecipe> {
  const base = presetRecipe(options.preset ?? 'seed-iris');
  const usesPreset = options.preset !== undefined;
  const recipe: RunRecipe = usesPreset
    ? base
    : { ...base, data: { source: { kind: 'builtin', name: 'iris' }, seed: 0 }, init: { weights: 'xavier-normal' }, epochs: 100 };
  recipe.data = await dataSpecFrom(options, recipe.data);
  const model = recipe.model;
  if (options.hidden) {
    const activation = options.activation ?? model.hidden[0]?.activation ?? 'tanh';
    model.hidden = options.hidden.map((width) => ({ width, activation, batchNorm: options.batchnorm ?? false }));
  } else if (options.activation || options.batchnorm) {
    model.hidden = model.hidden.map((h) => ({ ...h, activation: options.activation ?? h.activation, batchNorm: options.batchnorm ?? h.batchNorm }));
  }
  if (!usesPreset && !options.loss) delete model.loss;
  if (options.loss) model.loss = options.loss;
  if (options.bias === false) model.bias = false;
  if (options.residual !== undefined) model.residual = options.residual;
  if (options.weightDecay !== undefined) model.weightDecay = options.weightDecay;
  if (options.init) recipe.init = { weights: options.init };
  if (options.initScale !== undefined) recipe.init.scale = options.initScale;
  if (options.biasInit !== undefined) recipe.init.bias = options.biasInit;
  if (options.optimizer) recipe.optimizer = { kind: options.optimizer, lr: recipe.optimizer.lr };
  if (options.lr !== undefined) recipe.optimizer.lr = options.lr;
  if (options.momentum !== undefined) recipe.optimizer.momentum = options.momentum;
  if (options.clipNorm !== undefined) recipe.optimizer.clipNorm = options.clipNorm;
  if (options.batchSize !== undefined) recipe.batchSize = options.batchSize;
  if (options.steps !== undefined) {
    recipe.steps = options.steps;
    delete recipe.epochs;
  }
  if (options.epochs !== undefined) {
    recipe.epochs = options.epochs;
    delete recipe.steps;
  }
  if (options.snapshotEvery !== undefined) recipe.snapshotEvery = options.snapshotEvery;
  if (options.seed !== undefined) recipe.seed = options.seed;
  // Recorded only for float32, so float64 run files are as before.
  if (options.precision === 'float32') recipe.precision = 'float32';
  return recipe;
}

async function runTrain(options: TrainOptions): Promise<void> {
  const recipe = await recipeFrom(options);
  const bar = progressBar('training');
  const run = await withNodeWorker<TrainingEndpoint, Awaited<ReturnType<TrainingEndpoint['train']>>>(trainingWorker, (remote) =>
    remote.train(
      recipe,
      proxy((p: TrainProgress) => bar.update(p.step, p.totalSteps, `step ${p.step}/${p.totalSteps} loss ${p.stepLosses.at(-1)?.toPrecision(4) ?? '–'}`)),
    ),
  );
  bar.finish();
  await writeResult(run, options.out);
  if (run.status === 'diverged') throw new CliError(run.message ?? 'training diverged');
}

/** Adds the `train` command to `program`. */
export function registerTrainCommand(program: Command): void {
  const command = program
    .command('train')
    .description('train a model and write a run file (losscape.run/1): parameters by state_dict name, history, trajectory')
    .addOption(new Option('--preset <name>', 'start from a preset').choices(Object.keys(presets)));
  addDataOptions(command)
    .option('--hidden <widths>', 'hidden layer widths, e.g. 16,16', parseIntegerList)
    .addOption(new Option('--activation <name>', 'hidden activation').choices(activations))
    .addOption(new Option('--loss <name>', 'output and loss').choices(lossKinds))
    .option('--no-bias', 'no biases')
    .option('--batchnorm', 'batch norm on every hidden layer')
    .option('--residual <k>', 'residual blocks of k hidden layers', parseInteger)
    .option('--weight-decay <λ>', 'L2 penalty on the weights', parseNumber)
    .addOption(new Option('--init <scheme>', 'weight initializer').choices(weightInits))
    .option('--init-scale <s>', "the initializer's constant, bound, σ or gain", parseNumber)
    .option('--bias-init <b>', 'initial value of every bias', parseNumber)
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(optimizerKinds))
    .option('--lr <rate>', 'learning rate', parseNumber)
    .option('--momentum <μ>', 'momentum of momentum/Nesterov', parseNumber)
    .option('--clip-norm <c>', 'clip gradients to this norm', parseNumber)
    .option('--batch-size <n|full>', 'minibatch size (at most the training split: larger is the whole split), or full', parseBatchSize)
    .option('--epochs <n>', 'length in epochs', parsePositiveInteger)
    .option('--steps <n>', 'length in steps', parsePositiveInteger)
    .option('--snapshot-every <n>', 'keep θ every n steps for the trajectory (default: about 100 snapshots, at most 64 MiB of them)', parsePositiveInteger)
    .addOption(precisionOption())
    .option('--out <file>', 'write the run file here (atomically) instead of stdout')
    .action(runTrain);
}
