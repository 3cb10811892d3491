// Two directions read from JSON: a surface file's "directions" (d₁ and d₂ over θ's layout), or
// any file with that field, so a run is sliced in the plane another surface was computed in.
import { ValueError } from '../errors.js';
import { parseFile, type FileInput } from './schema.js';

/** The two directions in `json`, read from the file `name`; throws a ValueError saying what the file lacks. */
export function directionsOfJson(json: unknown, name: string): [Float64Array, Float64Array] {
  const d = (json as { directions?: unknown } | null)?.directions;
  if (!Array.isArray(d) || d.length !== 2 || !d.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    throw new ValueError(`${name} needs "directions": [[…], […]], two lists of finite numbers (a surface file has them)`);
  }
  return [Float64Array.from(d[0] as number[]), Float64Array.from(d[1] as number[])];
}

/** The two directions in the file `name` (JSON, or a surface file's binary form); throws a ValueError when it does not parse or lacks them. */
export function readDirectionsFile(text: FileInput, name: string): [Float64Array, Float64Array] {
  return directionsOfJson(parseFile(text, `${name} is not a surface or directions file`, (m) => new ValueError(m)), name);
}
