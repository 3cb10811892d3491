// The model and θ* in a weights file, for the CLI's `import` and the app's Open model…: PyTorch
// state_dicts (safetensors, .npz) and ONNX MLPs. A state_dict does not say its activations, so
// the caller gives them; an ONNX graph names its own.
import type { Activation, LossKind } from '../../nn/index.js';
import type { ImportedWeights } from './importedRun.js';
import { ImportError } from './importError.js';
import { readNpzStateDict } from './npzWeights.js';
import { readOnnxMlp } from './onnx.js';
import { readSafetensorsStateDict } from './safetensors.js';
import { specFromStateDict, weightsFor } from './stateDict.js';

export type WeightsKind = 'safetensors' | 'npz' | 'onnx';

/** The kind of weights file `name` is, by its extension; null for none of them. */
export function weightsKindOf(name: string): WeightsKind | null {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  return extension === 'safetensors' || extension === 'npz' || extension === 'onnx' ? extension : null;
}

/**
 * Reads `bytes`, a weights file of `kind`. A state_dict's hidden layers take `activations`: one
 * for all, or one per layer (default tanh); throws ImportError when the file is unreadable or
 * the activations do not fit its layers.
 */
export function readWeightsFile(bytes: Uint8Array, kind: WeightsKind, options: { activations?: Activation[]; loss?: LossKind } = {}): ImportedWeights {
  if (kind === 'onnx') return readOnnxMlp(bytes, { loss: options.loss });
  const dict = kind === 'npz' ? readNpzStateDict(bytes) : readSafetensorsStateDict(bytes);
  const list = options.activations ?? ['tanh'];
  const spec = specFromStateDict(dict, { activation: list[0], loss: options.loss });
  if (list.length !== 1 && list.length !== spec.hidden.length) {
    throw new ImportError(`${list.length} activations are given for ${spec.hidden.length} hidden layers: give one for all, or one per layer`);
  }
  spec.hidden.forEach((layer, i) => (layer.activation = list[list.length === 1 ? 0 : i]));
  return { spec, ...weightsFor(spec, dict) };
}
