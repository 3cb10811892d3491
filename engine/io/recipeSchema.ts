// What run, surface and project files share of a recipe: the model (checked by validateSpec,
// the one place every model is checked) and the data spec (its shape here; what its source
// names is checked by prepareData, where the data is loaded).
import type { DataSpec } from '../data/index.js';
import { ValueError } from '../errors.js';
import { validateSpec, type MlpSpec } from '../nn/index.js';
import type { Schema } from './schema.js';

/** The model at `path`; an impossible one is refused with validateSpec's reason. */
export function checkModel(s: Schema, value: unknown, path: string): MlpSpec {
  try {
    return validateSpec(value);
  } catch (e) {
    throw e instanceof ValueError ? s.fail(`${s.field(path)} is not a model Losscape can build: ${e.message}`) : e;
  }
}

/** The data spec at `path`, as the file has it: a source with a kind, a whole-number seed, optional settings of the right kinds. */
export function checkDataSpec(s: Schema, value: unknown, path: string): DataSpec {
  const data = s.json(s.object(value, path), path) as Record<string, unknown>;
  s.string(s.object(data.source, `${path}.source`).kind, `${path}.source.kind`);
  s.number(data.seed, `${path}.seed`, { whole: true });
  if (data.features !== undefined) s.list(data.features, `${path}.features`).forEach((f, k) => s.number(f, `${path}.features[${k}]`, { whole: true, min: 0 }));
  if (data.testFraction !== undefined) s.number(data.testFraction, `${path}.testFraction`, { min: 0 });
  for (const flag of ['stratify', 'standardize', 'constantInput'] as const) {
    if (data[flag] !== undefined) s.boolean(data[flag], `${path}.${flag}`);
  }
  return data as unknown as DataSpec;
}
