// The flat parameter vector θ and its layout: named tensors with PyTorch state_dict names
// (`layers.{i}.weight` is [out, in]), in the order of CONTRACTS.md.
import type { MlpSpec } from './spec.js';

export type ParamRole = 'weight' | 'bias' | 'bn';

export interface LayoutEntry {
  name: string;
  shape: number[];
  offset: number;
  size: number;
  role: ParamRole;
  /** Index of the layer (hidden layers first, the output layer last). */
  layer: number;
}

export interface BufferEntry {
  name: string;
  shape: number[];
  layer: number;
  /** Initial value: 0 for running means, 1 for running variances (as PyTorch). */
  initial: number;
}

export interface ParamLayout {
  entries: LayoutEntry[];
  /** Batch-norm running statistics: state, not parameters. */
  buffers: BufferEntry[];
  /** P, the length of θ. */
  size: number;
}

/** The layout of θ for a spec. */
export function buildLayout(spec: MlpSpec): ParamLayout {
  const entries: LayoutEntry[] = [];
  const buffers: BufferEntry[] = [];
  let offset = 0;
  const add = (layer: number, suffix: string, shape: number[], role: ParamRole) => {
    const size = shape.reduce((a, b) => a * b, 1);
    entries.push({ name: `layers.${layer}.${suffix}`, shape, offset, size, role, layer });
    offset += size;
  };
  let fanIn = spec.inputs;
  spec.hidden.forEach((h, i) => {
    add(i, 'weight', [h.width, fanIn], 'weight');
    if (spec.bias && !h.batchNorm) add(i, 'bias', [h.width], 'bias');
    if (h.batchNorm) {
      add(i, 'bn.weight', [h.width], 'bn');
      add(i, 'bn.bias', [h.width], 'bn');
      buffers.push({ name: `layers.${i}.bn.running_mean`, shape: [h.width], layer: i, initial: 0 });
      buffers.push({ name: `layers.${i}.bn.running_var`, shape: [h.width], layer: i, initial: 1 });
    }
    fanIn = h.width;
  });
  const out = spec.hidden.length;
  add(out, 'weight', [spec.outputs, fanIn], 'weight');
  if (spec.bias) add(out, 'bias', [spec.outputs], 'bias');
  return { entries, buffers, size: offset };
}

/** The entry of a layout with this name, or undefined. */
export function findEntry(layout: ParamLayout, name: string): LayoutEntry | undefined {
  return layout.entries.find((e) => e.name === name);
}

/** Running statistics at their initial values (means 0, variances 1), keyed by name. */
export function initialBuffers(layout: ParamLayout): Record<string, Float64Array> {
  return Object.fromEntries(layout.buffers.map((b) => [b.name, new Float64Array(b.shape[0]).fill(b.initial)]));
}
