// Which hidden layers share their units. Without residual connections every hidden layer's
// units are its own. With residual blocks, hidden layer 0 and the last layer of every block
// write one residual stream: x_{ℓ+k} = act(F(x_ℓ) + x_ℓ) adds unit j of the block's input to
// unit j of its output, so a permutation, flip or rescaling of the stream's unit j must be
// applied to all of those layers at once (and to every layer that reads one of them).
import { ValueError } from '../../errors.js';
import { residualBlocks, type MlpSpec } from '../../nn/index.js';

/** Hidden layers whose units are one set of units (a residual stream, or one layer). */
export interface UnitGroup {
  /** The hidden layers, ascending; the first one is the group's anchor (its inputs come before it). */
  layers: number[];
  /** Units per layer (M). */
  width: number;
  /** True for a residual stream. */
  residual: boolean;
}

/** The layers of the residual stream: hidden layer 0 and every block's last layer (empty without blocks). */
export function residualStream(spec: MlpSpec): number[] {
  const blocks = residualBlocks(spec);
  return blocks.length ? [0, ...blocks.map((b) => b.last)] : [];
}

/** The groups of hidden units, ordered by their first layer. */
export function unitGroups(spec: MlpSpec): UnitGroup[] {
  const stream = residualStream(spec);
  const groups: UnitGroup[] = [];
  spec.hidden.forEach((h, l) => {
    if (stream.includes(l)) {
      if (l === stream[0]) groups.push({ layers: stream, width: h.width, residual: true });
    } else groups.push({ layers: [l], width: h.width, residual: false });
  });
  return groups;
}

/** The group of hidden layer `layer`; an error says what a valid layer is. */
export function groupOf(spec: MlpSpec, layer: number): UnitGroup {
  const hidden = spec.hidden.length;
  if (!Number.isInteger(layer) || layer < 0 || layer > hidden) {
    throw new ValueError(`layer ${layer} does not exist: the hidden layers are 0 … ${hidden - 1} and layer ${hidden} is the output layer`);
  }
  if (layer === hidden) {
    throw new ValueError(`layer ${layer} is the output layer: its units are the outputs (classes), so permuting or flipping them changes the predictions`);
  }
  return unitGroups(spec).find((g) => g.layers.includes(layer))!;
}

/** For a stream layer, the stream layer whose output its skip connection adds (null for the first). */
export function skipSource(group: UnitGroup, layer: number): number | null {
  const i = group.layers.indexOf(layer);
  return group.residual && i > 0 ? group.layers[i - 1] : null;
}
