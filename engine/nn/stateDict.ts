// θ and the running statistics as named tensors, PyTorch's state_dict: `weight` is [out, in].
import { excerpt, ValueError } from '../errors.js';
import type { ParamLayout } from './layout.js';

export interface NamedTensor {
  shape: number[];
  data: number[];
}

export type StateDict = Record<string, NamedTensor>;

/** The named tensors of θ and the buffers, in layout order. */
export function toStateDict(layout: ParamLayout, theta: Float64Array, buffers: Readonly<Record<string, Float64Array>> = {}): StateDict {
  const dict: StateDict = {};
  for (const e of layout.entries) dict[e.name] = { shape: [...e.shape], data: Array.from(theta.subarray(e.offset, e.offset + e.size)) };
  for (const b of layout.buffers) if (buffers[b.name]) dict[b.name] = { shape: [...b.shape], data: Array.from(buffers[b.name]) };
  return dict;
}

/** θ and the buffers from named tensors; every missing, misshapen or unknown tensor is an error. */
export function fromStateDict(layout: ParamLayout, dict: StateDict): { theta: Float64Array; buffers: Record<string, Float64Array> } {
  const problems: string[] = [];
  const check = (name: string, shape: number[]) => {
    const t = dict[name];
    if (!t) return problems.push(`${name} is missing`), null;
    const size = shape.reduce((a, b) => a * b, 1);
    if (t.shape.join() !== shape.join() || t.data.length !== size) {
      return problems.push(`${name} has shape [${t.shape.join(', ')}], the model needs [${shape.join(', ')}]`), null;
    }
    return t.data;
  };
  const theta = new Float64Array(layout.size);
  for (const e of layout.entries) {
    const data = check(e.name, e.shape);
    if (data) theta.set(data, e.offset);
  }
  const buffers: Record<string, Float64Array> = {};
  for (const b of layout.buffers) {
    const data = check(b.name, b.shape);
    if (data) buffers[b.name] = Float64Array.from(data);
  }
  const known = new Set([...layout.entries.map((e) => e.name), ...layout.buffers.map((b) => b.name)]);
  for (const name of Object.keys(dict)) if (!known.has(name)) problems.push(`${excerpt(name)} is not a tensor of this model`);
  if (problems.length) throw new ValueError(`the weights do not fit the model: ${problems.join('; ')}`);
  return { theta, buffers };
}
