// Imports: PyTorch weights (.npz, safetensors), ONNX MLPs, loss-landscape .h5 datasets. DOM-free.
export { ImportError } from './importError.js';
export { readNpy, type NpyTensor } from './npy.js';
export { readNpz, readNpzStateDict } from './npzWeights.js';
export { readSafetensors, readSafetensorsStateDict } from './safetensors.js';
export { readOnnxMlp, type OnnxMlp } from './onnx.js';
export { cleanStateDict, specFromStateDict, weightsFor, type RawTensor } from './stateDict.js';
export { importedRunFile, type ImportedWeights } from './importedRun.js';
export { readWeightsFile, weightsKindOf, type WeightsKind } from './weightsFile.js';
export { fromLossLandscape, lossLandscapeNames, type H5Dataset, type LossLandscapeDatasets } from './h5Surface.js';
