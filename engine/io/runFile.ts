// The run file (losscape.run/1): the recipe, the final parameters as named tensors, the
// history and the trajectory — JSON that Python loads with json.load.
import { excerpt, LosscapeError, ValueError } from '../errors.js';
import { buildLayout, fromStateDict, toStateDict, type MlpSpec, type StateDict } from '../nn/index.js';
import type { HistoryEntry, RunRecipe, Trainer, TrainStatus } from '../train/index.js';
import type { RunState } from '../landscape/surface.js';
import { checkDataSpec, checkModel } from './recipeSchema.js';
import { parseFile, schema, type FileInput, type Schema } from './schema.js';

export const RUN_FORMAT = 'losscape.run/1';

export interface RunFile {
  format: typeof RUN_FORMAT;
  spec: MlpSpec;
  data: RunRecipe['data'];
  init: RunRecipe['init'];
  optimizer: RunRecipe['optimizer'];
  seed: number;
  /** The rest of the recipe: schedule, batch size, length, snapshot cadence, precision (absent: float64). */
  training: Pick<RunRecipe, 'schedule' | 'batchSize' | 'epochs' | 'steps' | 'snapshotEvery' | 'precision'>;
  layout: { name: string; shape: number[]; offset: number; role: string }[];
  /** Final parameters and batch-norm buffers, by PyTorch state_dict name. */
  params: StateDict;
  status: TrainStatus;
  message?: string;
  history: HistoryEntry[];
  /** Minibatch loss of every step. */
  stepLosses: number[];
  /** θ snapshots (flat, in layout order) at the listed steps. */
  trajectory: { steps: number[]; params: number[][] };
}

/** A run file that cannot be read; the message says what is wrong with it. */
export class RunFileError extends LosscapeError {}

/** The run file of a trainer's current state. */
export function runFileOf(recipe: RunRecipe, trainer: Trainer): RunFile {
  const { state, layout, config } = trainer;
  return {
    format: RUN_FORMAT,
    spec: config.spec,
    data: recipe.data,
    init: recipe.init,
    optimizer: recipe.optimizer,
    seed: recipe.seed,
    training: {
      schedule: recipe.schedule, batchSize: recipe.batchSize, epochs: recipe.epochs, steps: recipe.steps, snapshotEvery: recipe.snapshotEvery,
      ...(recipe.precision ? { precision: recipe.precision } : {}),
    },
    layout: layout.entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
    params: toStateDict(layout, state.theta, state.buffers),
    status: state.status,
    ...(state.message ? { message: state.message } : {}),
    history: state.history,
    stepLosses: Array.from(state.stepLosses.values()),
    trajectory: { steps: [...state.trajectory.steps], params: state.trajectory.params.map((p) => Array.from(p)) },
  };
}

const STATUSES: readonly TrainStatus[] = ['running', 'done', 'diverged', 'stopped'];

/** Parses and checks a run file (JSON text or the binary form); returns the file with θ and buffers decoded. */
export function readRunFile(input: FileInput): RunFile & { theta: Float64Array; buffers: Record<string, Float64Array> } {
  return runFileFrom(parseFile(input, 'this is not a run file', (m) => new RunFileError(m)));
}

/** Checks a run file's parsed JSON (as `readRunFile` does, e.g. a run inside a project). */
export function runFileFrom(json: unknown): RunFile & { theta: Float64Array; buffers: Record<string, Float64Array> } {
  const file = json as Partial<RunFile>;
  if (typeof file !== 'object' || file === null || typeof file.format !== 'string') {
    throw new RunFileError('this is not a run file: it has no "format" field');
  }
  if (file.format !== RUN_FORMAT) {
    const newer = /^losscape\.run\/(\d+)$/.exec(file.format);
    throw new RunFileError(
      newer && Number(newer[1]) > 1
        ? `this run file has format ${excerpt(file.format)}, newer than this Losscape reads (${RUN_FORMAT}); update Losscape`
        : `this is not a run file: format is "${excerpt(file.format)}", expected ${RUN_FORMAT}`,
    );
  }
  for (const key of ['spec', 'data', 'training', 'params', 'history', 'trajectory'] as const) {
    if (typeof file[key] !== 'object' || file[key] === null) throw new RunFileError(`the run file is incomplete: "${key}" is missing`);
  }
  const checked = checkRunFile(file as Record<string, unknown>);
  try {
    const { theta, buffers } = runStateOf(checked);
    return { ...checked, theta, buffers };
  } catch (e) {
    if (e instanceof ValueError) throw new RunFileError(`the run file's parameters do not fit its model: ${e.message}`);
    throw e;
  }
}

/** Every field of a run file, checked; the layout is the model's (the file's copy is for readers outside Losscape). */
function checkRunFile(file: Record<string, unknown>): RunFile {
  const s = schema('the run file', (m) => new RunFileError(m));
  const spec = checkModel(s, file.spec, 'spec');
  const layout = buildLayout(spec);
  const params = checkParams(s, file.params, layout.size);
  const trajectory = s.object(file.trajectory, 'trajectory');
  const steps = s.list(trajectory.steps, 'trajectory.steps').map((v, k) => s.number(v, `trajectory.steps[${k}]`, { whole: true, min: 0 }));
  const snapshots = s.list(trajectory.params, 'trajectory.params', steps.length).map((p, k) => s.numbers(p, `trajectory.params[${k}]`, { length: layout.size }));
  const history = s.list(file.history, 'history').map((entry, k) => {
    const e = s.json(s.object(entry, `history[${k}]`), `history[${k}]`) as Record<string, unknown>;
    s.number(e.step, `history[${k}].step`, { whole: true, min: 0 });
    // A run given in steps can end mid-epoch: its last entry's epoch is a fraction.
    s.number(e.epoch, `history[${k}].epoch`, { min: 0 });
    // A diverged run's last metrics are NaN, which JSON writes as null.
    for (const metric of ['loss', 'accuracy', 'testLoss', 'testAccuracy']) {
      if ((metric === 'loss' || e[metric] !== undefined) && e[metric] !== null) s.number(e[metric], `history[${k}].${metric}`);
    }
    return e as unknown as HistoryEntry;
  });
  const message = file.message === undefined ? {} : { message: s.string(file.message, 'message') };
  return {
    format: RUN_FORMAT,
    spec,
    data: checkDataSpec(s, file.data, 'data'),
    init: s.json(s.object(file.init, 'init'), 'init') as RunFile['init'],
    optimizer: s.json(s.object(file.optimizer, 'optimizer'), 'optimizer') as RunFile['optimizer'],
    seed: s.number(file.seed, 'seed', { whole: true }),
    training: s.json(s.object(file.training, 'training'), 'training') as RunFile['training'],
    layout: layout.entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
    params,
    status: s.oneOf(file.status, 'status', STATUSES),
    ...message,
    history,
    stepLosses: s.numbers(file.stepLosses, 'stepLosses', { nulls: true }) as number[],
    trajectory: { steps, params: snapshots },
  };
}

/** Named tensors of finite numbers, each as many as its shape says, and at least the `size` numbers θ needs. */
function checkParams(s: Schema, value: unknown, thetaSize: number): StateDict {
  const params: StateDict = {};
  let count = 0;
  for (const [name, tensor] of Object.entries(s.object(value, 'params'))) {
    const t = s.object(tensor, `params.${name}`);
    const shape = s.list(t.shape, `params.${name}.shape`).map((d, k) => s.number(d, `params.${name}.shape[${k}]`, { whole: true, min: 0 }));
    const data = s.numbers(t.data, `params.${name}.data`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size) throw s.fail(`${s.field(`params.${name}`)} holds ${data.length} numbers, its shape [${shape.join(', ')}] needs ${size}`);
    params[name] = { shape, data };
    count += data.length;
  }
  // Checked before θ is allocated: a model far larger than the file's numbers is refused here.
  if (count < thetaSize) throw new RunFileError(`the run file's parameters do not fit its model: "params" holds ${count} numbers, its model ("spec") has ${thetaSize} parameters`);
  return params;
}

/** The recipe that made a run, to rerun or extend it. */
export function recipeOf(file: RunFile): RunRecipe {
  const { hidden, loss, bias, residual, weightDecay } = file.spec;
  return { data: file.data, model: { hidden, loss, bias, residual, weightDecay }, init: file.init, optimizer: file.optimizer, seed: file.seed, ...file.training };
}

/** `value` as JSON with every object's keys sorted, so equal values give equal text whatever order they were written in. */
const sortedJson = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** Whether `recipe` made the run in `file`: all the file keeps of a recipe agrees (a recipe without a loss took its data's default). */
export function madeBy(file: RunFile, recipe: RunRecipe): boolean {
  const made = recipeOf(file);
  const loss = recipe.model.loss === undefined ? undefined : made.model.loss;
  return sortedJson({ ...made, model: { ...made.model, loss } }) === sortedJson(recipe);
}

/** What the landscape tools need of a run file: the model, θ*, the buffers and the path. */
export function runStateOf(file: RunFile): RunState {
  const { theta, buffers } = fromStateDict(buildLayout(file.spec), file.params);
  const trajectory = { steps: [...file.trajectory.steps], params: file.trajectory.params.map((p) => Float64Array.from(p)) };
  return { spec: file.spec, theta, buffers, trajectory };
}
