// A run's weights as safetensors, for PyTorch: `model.load_state_dict(safetensors.torch.load_file(path))`
// with the model's state_dict names (layers.{i}.weight [out, in], …).
import { strToU8 } from 'fflate';
import type { StateDict } from '../../nn/index.js';

/** The tensors of a state_dict as safetensors bytes (F32 by default, or F64). */
export function safetensorsBytes(dict: StateDict, dtype: 'F32' | 'F64' = 'F32', metadata: Record<string, string> = {}): Uint8Array {
  const size = dtype === 'F32' ? 4 : 8;
  const header: Record<string, unknown> = { __metadata__: { format: 'pt', ...metadata } };
  let offset = 0;
  for (const [name, t] of Object.entries(dict)) {
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + t.data.length * size] };
    offset += t.data.length * size;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + strToU8(json).length) % 8)) % 8); // data starts 8-byte aligned
  const head = strToU8(json);
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.length, true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of Object.values(dict)) {
    for (const v of t.data) {
      if (size === 4) view.setFloat32(at, v, true);
      else view.setFloat64(at, v, true);
      at += size;
    }
  }
  return out;
}
