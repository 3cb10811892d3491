// The MNIST-sized model and data of the large-model e2e test, made at run time: a 784 → 256 →
// 256 → 10 ReLU MLP (P = 269,322) as PyTorch saves it (a float32 safetensors state_dict,
// `layers.{i}.weight` [out, in], nn.Linear's default init U(±1/√fan_in)), and N seeded samples
// as a user saves them with `np.savez(path, X=X.astype(np.float32), y=y)` (X float32 [N, 784],
// y int64 [N]). The labels are the model's own argmax on X, so θ* is a good fit: the surface has
// its low region around the centre rather than being noise.
import { zipSync } from 'fflate';
import { safetensorsBytes } from '../../engine/io/export/safetensors.js';
import { fromData } from '../../engine/index.js';
import { buildLayout, forward, mlp, toStateDict, type MlpSpec } from '../../engine/nn/index.js';
import { createRng } from '../../engine/random.js';

export const LARGE_SPEC: MlpSpec = mlp(784, [256, 256], 10, { activation: 'relu', loss: 'softmax-ce' });

/** θ as nn.Linear initializes it, rounded to float32 (what the safetensors file holds). */
export function largeTheta(seed = 14): Float64Array {
  const layout = buildLayout(LARGE_SPEC);
  const rng = createRng(seed, 'large-model-theta');
  const theta = new Float64Array(layout.size);
  let fanIn = LARGE_SPEC.inputs;
  for (const entry of layout.entries) {
    if (entry.role === 'weight') fanIn = entry.shape[1]; // a layer's bias follows its weight
    const bound = 1 / Math.sqrt(fanIn);
    for (let k = 0; k < entry.size; k++) theta[entry.offset + k] = Math.fround((2 * rng.uniform() - 1) * bound);
  }
  return theta;
}

/** The model's weights as a float32 safetensors file. */
export function largeSafetensors(theta: Float64Array): Uint8Array {
  return safetensorsBytes(toStateDict(buildLayout(LARGE_SPEC), theta), 'F32');
}

/** X [n, 784] float32 (standard normal, rounded), y [n] int64 the model's argmax: the .npz bytes. */
export function largeNpz(theta: Float64Array, n: number, seed = 14): Uint8Array {
  const rng = createRng(seed, 'large-model-data');
  const x = new Float32Array(n * LARGE_SPEC.inputs);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  const logits = forward(LARGE_SPEC, buildLayout(LARGE_SPEC), fromData(theta, [theta.length]), fromData(Float64Array.from(x), [n, LARGE_SPEC.inputs]), { kind: 'batch' }).output.data;
  const y = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < LARGE_SPEC.outputs; c++) if (logits[i * LARGE_SPEC.outputs + c] > logits[i * LARGE_SPEC.outputs + best]) best = c;
    y[i] = BigInt(best);
  }
  return zipSync({ 'X.npy': [npy('<f4', [n, LARGE_SPEC.inputs], x), { level: 0 }], 'y.npy': [npy('<i8', [n], y), { level: 0 }] });
}

/** A .npy (version 1.0) of a little-endian typed array. */
function npy(descr: string, shape: number[], data: Float32Array | BigInt64Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + data.byteLength);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  bytes.set(new TextEncoder().encode(header), 10);
  bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return bytes;
}
