// Seeded training: optimizers, schedules, the loop, presets.
export * from './optimizers.js';
export * from './schedules.js';
export { growable, type Growable } from './growable.js';
export { createTrainer, train, defaultSnapshotEvery, SNAPSHOT_BUDGET, type TrainConfig, type Trainer, type TrainState, type HistoryEntry, type SplitData, type TrainStatus } from './trainer.js';
export { specFor, startRun, type RunRecipe, type ModelRecipe } from './recipe.js';
export { presets, presetRecipe, type Preset } from './presets.js';
