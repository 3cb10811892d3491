// Data for Losscape's runs: bundled sets, seeded synthetic sets, CSV and array-file import, and the
// preparation (feature selection, seeded split, standardization, x₀ = 1) a run trains on.
export type { Dataset, Task } from './dataset.js';
export { builtinDatasets, builtinNames, loadBuiltin, type BuiltinInfo, type BuiltinName } from './builtin.js';
export { synthetic, syntheticNames, MAX_SYNTHETIC_SAMPLES, type SyntheticName, type SyntheticOptions } from './synthetic.js';
export { parseCsv, CsvError, MAX_INFERRED_CLASSES, type CsvOptions, type CsvProblem } from './csv.js';
export { readArrayDataset, datasetFromArrays, MAX_LABEL_CLASSES, type NamedArray, type NamedBytes } from './arrays.js';
export { readIdx } from './idx.js';
export {
  fileSourceKey,
  heldDataset,
  heldDatasets,
  holdArrayFiles,
  holdDatasets,
  isHeld,
  type DataFile,
  type FileSource,
  type HeldDataset,
} from './fileSource.js';
export { randomSplit, stratifiedSplit, type SplitIndices } from './split.js';
export { fitStandardization, applyStandardization, prependConstant, type Standardization } from './standardize.js';
export {
  loadDataset,
  prepareData,
  oneHot,
  CONSTANT_INPUT_NAME,
  type DataSource,
  type DataSpec,
  type PreparedData,
  type Split,
} from './prepare.js';
