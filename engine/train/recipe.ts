// A run recipe: everything that decides a training run, as plain JSON (run files, project
// files, the CLI and the app all start runs from one of these).
import { ValueError } from '../errors.js';
import { prepareData, type DataSpec, type PreparedData } from '../data/index.js';
import { validateSpec, type HiddenLayerSpec, type LossKind, type MlpSpec } from '../nn/index.js';
import { createTrainer, type TrainConfig, type Trainer } from './trainer.js';

/** The model without its input and output widths, which the data decide. */
export interface ModelRecipe {
  hidden: HiddenLayerSpec[];
  /** Default: softmax-ce for classification, mse for regression. */
  loss?: LossKind;
  bias: boolean;
  residual: number;
  weightDecay: number;
}

/** How a run trains: the trainer's settings that are not data or model. */
export type TrainingSettings = Pick<TrainConfig, 'init' | 'optimizer' | 'schedule' | 'batchSize' | 'epochs' | 'steps' | 'seed' | 'snapshotEvery' | 'precision'>;

export interface RunRecipe extends TrainingSettings {
  data: DataSpec;
  model: ModelRecipe;
}

/** The full model spec for a recipe's model on prepared data. */
export function specFor(model: ModelRecipe, data: PreparedData): MlpSpec {
  const loss = model.loss ?? (data.task === 'classification' ? 'softmax-ce' : 'mse');
  if (loss === 'mse' && data.task === 'classification') {
    throw new ValueError(`${data.name} is a classification data set; use softmax-ce (or bce for two classes), not mse`);
  }
  if (loss !== 'mse' && data.task === 'regression') {
    throw new ValueError(`${data.name} is a regression data set; use the mse loss`);
  }
  if (loss === 'bce' && data.classes !== 2) {
    throw new ValueError(`binary cross-entropy needs two classes; ${data.name} has ${data.classes}: use softmax-ce`);
  }
  const outputs = loss === 'mse' ? data.targetDim : loss === 'bce' ? 1 : data.classes;
  return validateSpec({ inputs: data.d, hidden: model.hidden, outputs, loss, bias: model.bias, residual: model.residual, weightDecay: model.weightDecay });
}

/** Prepares the data and starts a trainer for a recipe. */
export function startRun(recipe: RunRecipe): { trainer: Trainer; data: PreparedData } {
  const { data: dataSpec, model, ...settings } = recipe;
  const data = prepareData(dataSpec);
  const trainer = createTrainer({ ...settings, spec: specFor(model, data), train: data.train, test: data.test.n > 0 ? data.test : undefined });
  return { trainer, data };
}
