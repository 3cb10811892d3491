// Sharded surfaces: `losscape surface --shard i/n` computes block i of n of the α rows and
// writes a part file (losscape.surface-part/1); `losscape merge` joins the parts into the
// surface file the unsharded command writes. Every grid point is computed on its own, so the
// merged values are bit-identical to an unsharded run's.
import { LosscapeError, shown } from '../errors.js';
import type { ScanPlan } from '../landscape/plan.js';
import { parseFile, schema, type FileInput } from './schema.js';
import { checkSurfaceValues, SURFACE_FORMAT, type SurfaceFile } from './surfaceFile.js';

export const SURFACE_PART_FORMAT = 'losscape.surface-part/1';

/** Block `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** A surface file holding rows rows[0] … rows[1]−1 of the full grid's values (alpha is the full axis). */
export type SurfacePart = Omit<SurfaceFile, 'format'> & {
  format: typeof SURFACE_PART_FORMAT;
  shard: Shard & { rows: [number, number] };
};

/** Shards that cannot be made or merged; the message says which part is wrong. */
export class ShardError extends LosscapeError {}

/** Parses `i/n` (0 ≤ i < n), as Slurm's SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or a Kubernetes indexed Job give them. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index < count)) {
    throw new ShardError(`a shard is i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "${text}"`);
  }
  return { index, count };
}

/** The α rows [i0, i1) of `shard` among `rows`: contiguous, as even as can be, covering every row once. */
export function shardRows(rows: number, { index, count }: Shard): [number, number] {
  return [Math.floor((index * rows) / count), Math.floor(((index + 1) * rows) / count)];
}

/** The plan of a shard's rows (the same centre, directions and data; α cut to its block). */
export function shardPlan(plan: ScanPlan, shard: Shard): { plan: ScanPlan; rows: [number, number] } {
  const rows = shardRows(plan.alpha.length, shard);
  return { plan: { ...plan, alpha: plan.alpha.slice(rows[0], rows[1]) }, rows };
}

/** A part file from the surface file of a shard's plan: the full α axis and which rows it holds. */
export function surfacePartOf(file: SurfaceFile, fullAlpha: ArrayLike<number>, shard: Shard, rows: [number, number]): SurfacePart {
  return { ...file, format: SURFACE_PART_FORMAT, alpha: Array.from(fullAlpha), shard: { index: shard.index, count: shard.count, rows } };
}

/** Parses and checks a part file's text: a surface file's fields, with only its block of rows. */
export function readSurfacePart(text: FileInput, name = 'the part'): SurfacePart {
  const fail = (m: string) => new ShardError(m);
  const part = parseFile(text, `${name} is not a surface part`, fail) as { format?: unknown; shard?: unknown; alpha?: unknown } | null;
  if (typeof part !== 'object' || part === null || part.format !== SURFACE_PART_FORMAT) {
    const format = part?.format;
    throw new ShardError(
      format === SURFACE_FORMAT
        ? `${name} is a whole surface file, not a part: it needs no merging`
        : `${name} is not a ${SURFACE_PART_FORMAT} file (format: ${shown(format)})`,
    );
  }
  const s = schema(name, fail);
  const shard = s.object(part.shard, 'shard');
  const count = s.number(shard.count, 'shard.count', { whole: true, min: 1 });
  const index = s.number(shard.index, 'shard.index', { whole: true, min: 0 });
  if (index >= count) s.wrong('shard.index', `below its count (${count})`, index);
  const rows = s.list(shard.rows, 'shard.rows', 2).map((r, k) => s.number(r, `shard.rows[${k}]`, { whole: true, min: 0 })) as [number, number];
  const alpha = s.axis(part.alpha, 'alpha');
  if (!(rows[0] <= rows[1] && rows[1] <= alpha.length)) s.wrong('shard.rows', `[first, end] rows within the ${alpha.length} of alpha`, `[${rows.join(', ')}]`);
  const surface = checkSurfaceValues(part, s, rows[1] - rows[0]);
  return { ...surface, format: SURFACE_PART_FORMAT, shard: { index, count, rows } };
}

/** The settings every part must share: all but its values, its shard and its timing. */
function settings(part: SurfacePart): Record<string, string> {
  const own = Object.entries(part).filter(([key]) => key !== 'values' && key !== 'shard' && key !== 'timing');
  return Object.fromEntries(own.map(([k, v]) => [k, JSON.stringify(v)]));
}

/**
 * Joins the parts of one sharded surface, in any order, into its surface file. Timing adds
 * up the parts' seconds, workers and points; every other field is the unsharded file's.
 */
export function mergeSurfaceParts(parts: SurfacePart[], names: string[] = parts.map((_, k) => `part ${k + 1}`)): SurfaceFile {
  if (parts.length === 0) throw new ShardError('merge needs the part files of a sharded surface');
  const count = parts[0].shard.count;
  const byIndex = new Map<number, number>();
  parts.forEach((p, k) => {
    if (p.shard.count !== count) throw new ShardError(`${names[k]} is shard ${p.shard.index}/${p.shard.count}, but ${names[0]} is one of ${count}`);
    if (byIndex.has(p.shard.index)) throw new ShardError(`shard ${p.shard.index}/${count} is given twice (${names[byIndex.get(p.shard.index)!]} and ${names[k]})`);
    byIndex.set(p.shard.index, k);
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) throw new ShardError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  const reference = settings(parts[0]);
  parts.forEach((p, k) => {
    const own = settings(p);
    const keys = new Set([...Object.keys(reference), ...Object.keys(own)]);
    const differ = [...keys].filter((key) => reference[key] !== own[key]);
    if (differ.length) throw new ShardError(`${names[k]} was not computed with the same settings as ${names[0]} (they differ in ${differ.join(', ')})`);
  });
  const ordered = Array.from({ length: count }, (_, i) => parts[byIndex.get(i)!]);
  const rows = ordered[0].alpha.length;
  const metrics = Object.keys(ordered[0].values) as (keyof SurfaceFile['values'])[];
  const values: Record<string, number[][]> = Object.fromEntries(metrics.map((m) => [m, []]));
  ordered.forEach((p, i) => {
    const [i0, i1] = shardRows(rows, p.shard);
    const name = names[byIndex.get(i)!];
    if (p.shard.rows[0] !== i0 || p.shard.rows[1] !== i1) throw new ShardError(`${name} holds rows ${p.shard.rows.join('–')}, but shard ${i}/${count} of ${rows} rows is ${i0}–${i1}`);
    for (const m of metrics) {
      const block = p.values[m];
      if (!Array.isArray(block)) throw new ShardError(`${name} has no ${m} values, but ${names[byIndex.get(0)!]} has`);
      // An empty block is a metric left out (losscape surface --metrics); keep it empty.
      if (block.length !== i1 - i0 && !(block.length === 0 && ordered.every((q) => q.values[m]?.length === 0))) {
        throw new ShardError(`${name} has ${block.length} rows of ${m}, its shard needs ${i1 - i0}`);
      }
      values[m].push(...block);
    }
  });
  const rest = Object.fromEntries(Object.entries(ordered[0]).filter(([key]) => key !== 'shard')) as Omit<SurfacePart, 'shard'>;
  const sum = (key: 'seconds' | 'workers' | 'points') => ordered.reduce((total, p) => total + (Number(p.timing?.[key]) || 0), 0);
  const timing = { seconds: sum('seconds'), workers: sum('workers'), points: sum('points') };
  return { ...rest, format: SURFACE_FORMAT, values: values as SurfaceFile['values'], timing };
}
