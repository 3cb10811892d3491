// The large parts of a scan plan (θ*, the two directions, the data) cross to a pool worker once:
// the pool names every part by an id, a worker keeps the parts it was sent with their ids, and a
// part is sent again only when it changed (compared bit for bit, so a recompute of the same plane,
// or a new plane of the same model and data, sends only what is new). A worker that lacks a part
// the pool thought it held (another pool used it) says so and is sent it. A worker whose plane is
// unchanged also keeps its evaluator, whose set-up (the first layer's products with θ*, d₁, d₂)
// is the costly part of a scan's start.
import type { ScanPlan } from '../engine/landscape/plan.js';

const HEAVY = ['center', 'd1', 'd2', 'data'] as const;
export type HeavyPart = (typeof HEAVY)[number];

/** A plan as sent to a worker: the large parts it holds are left out; `ids` names the plan's parts. */
export type PlanParts = Omit<ScanPlan, HeavyPart> & Partial<Pick<ScanPlan, HeavyPart>> & { ids: Record<HeavyPart, number> };

/** What a worker holds: the last plan it was set up with, and its parts' ids. */
export interface HeldPlan {
  plan: ScanPlan;
  ids: Record<HeavyPart, number>;
}

/** A worker's setup as the pool sees it: it answers the parts it lacks (none once set up). */
interface SetupTarget {
  setup(parts: PlanParts): HeavyPart[] | Promise<HeavyPart[]>;
}

/** The pool's side: sets workers up with the parts of a plan they do not hold yet. */
export function planSender(): { setup(worker: SetupTarget, plan: ScanPlan): Promise<void> } {
  let last: ScanPlan | null = null;
  const held = new WeakMap<SetupTarget, Set<number>>();
  const interned = new WeakMap<ScanPlan, ScanPlan>();
  /** The plan with each large part that equals the last plan's replaced by that very object. */
  const intern = (plan: ScanPlan): ScanPlan => {
    const known = interned.get(plan);
    if (known) return known;
    const out = { ...plan };
    for (const key of HEAVY) if (last && sameValue(last[key], plan[key])) Object.assign(out, { [key]: last[key] });
    interned.set(plan, out);
    last = out;
    return out;
  };
  const partsOf = (plan: ScanPlan, send: (key: HeavyPart) => boolean): PlanParts => {
    const parts: PlanParts = { ...plan, ids: Object.fromEntries(HEAVY.map((key) => [key, idOf(plan[key] ?? NO_PART)])) as Record<HeavyPart, number> };
    for (const key of HEAVY) if (!send(key)) delete parts[key];
    return parts;
  };
  return {
    async setup(worker, plan) {
      const full = intern(plan);
      const holds = held.get(worker) ?? new Set<number>();
      const first = partsOf(full, (key) => !holds.has(idOf(full[key] ?? NO_PART)));
      held.set(worker, new Set(Object.values(first.ids)));
      const missing = await worker.setup(first);
      if (missing.length > 0 && (await worker.setup(partsOf(full, (key) => missing.includes(key)))).length > 0) {
        throw new Error('a landscape worker could not be set up with the scan plan');
      }
    },
  };
}

/** Stands for an absent part (a 1D scan's d₂). */
const NO_PART = {};

/** Ids of parts, one for every array or object, shared by all pools (so one worker can serve several). */
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (part: object): number => ids.get(part) ?? (ids.set(part, nextId), nextId++);

/**
 * The worker's side: the whole plan from the parts sent and the ones held, and whether its
 * evaluator still serves (only the axes changed); or the parts it lacks.
 */
export function mergePlan(last: HeldPlan | null, parts: PlanParts): { held: HeldPlan; sameEvaluator: boolean } | { missing: HeavyPart[] } {
  const { ids, ...rest } = parts;
  const missing = HEAVY.filter((key) => !(key in parts) && last?.ids[key] !== ids[key]);
  if (missing.length > 0) return { missing };
  const plan = { ...rest } as ScanPlan;
  for (const key of HEAVY) if (!(key in parts)) Object.assign(plan, { [key]: last!.plan[key] });
  const settings = ({ alpha: _a, beta: _b, center: _c, d1: _1, d2: _2, data: _d, ...others }: ScanPlan) => JSON.stringify(others);
  const sameEvaluator = last !== null && HEAVY.every((key) => last.ids[key] === ids[key]) && settings(last.plan) === settings(plan);
  return { held: { plan, ids }, sameEvaluator };
}

/** Whether two plan parts hold the same values: typed arrays bit for bit, objects field by field. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    if (a.byteLength !== b.byteLength || a.constructor !== b.constructor) return false;
    // Whole words where the views allow (a Float64Array's always do): a quarter of the steps.
    const words = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && a.byteLength % 4 === 0;
    const x = wordsOf(a, words);
    const y = wordsOf(b, words);
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The bytes of a typed array as 32-bit words, or as bytes. */
function wordsOf(v: ArrayBufferView, words: boolean): Int32Array | Uint8Array {
  return words ? new Int32Array(v.buffer, v.byteOffset, v.byteLength / 4) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}
