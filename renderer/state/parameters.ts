// The parameter count of the model the settings describe (cheap: walks the layers once).
import { buildLayout } from '../../engine/nn/layout.js';
import { validateSpec } from '../../engine/nn/spec.js';
import type { ModelSettings } from './project.js';

/** P for a model between `inputs` and `outputs`, or the engine's message when the model is impossible. */
export function parameterCount(model: ModelSettings, inputs: number, outputs: number): { count: number } | { error: string } {
  try {
    const spec = validateSpec({ inputs, outputs, hidden: model.hidden, loss: outputs >= 2 ? 'softmax-ce' : 'mse', bias: model.bias, residual: model.residual, weightDecay: model.weightDecay });
    return { count: buildLayout(spec).size };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A count with thin-space thousands separators: 9 610 → "9 610". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}
