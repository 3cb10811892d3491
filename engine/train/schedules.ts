// Learning-rate schedules: the rate for step t (0-based) of a run of `total` steps.
import { ValueError } from '../errors.js';

export type ScheduleSpec =
  | { kind: 'constant'; warmupSteps?: number }
  | { kind: 'step'; every: number; factor: number; warmupSteps?: number }
  | { kind: 'cosine'; minLr?: number; warmupSteps?: number };

/** Checks a schedule; returns it. */
export function validateSchedule(s: ScheduleSpec): ScheduleSpec {
  if (s.kind === 'step' && (!(s.every >= 1) || !(s.factor > 0))) {
    throw new ValueError(`a step schedule needs every ≥ 1 and factor > 0, got every ${s.every}, factor ${s.factor}`);
  }
  if (!['constant', 'step', 'cosine'].includes(s.kind)) throw new ValueError(`unknown schedule "${(s as { kind: string }).kind}"; choose constant, step or cosine`);
  return s;
}

/**
 * The learning rate at step t: linear warm-up from lr/warmup to lr over the first
 * `warmupSteps`, then the schedule (step decay by `factor` every `every` steps, or cosine
 * annealing from lr to minLr over the remaining steps).
 */
export function learningRate(s: ScheduleSpec, lr: number, t: number, total: number): number {
  const warm = s.warmupSteps ?? 0;
  if (t < warm) return (lr * (t + 1)) / warm;
  const u = t - warm;
  switch (s.kind) {
    case 'constant':
      return lr;
    case 'step':
      return lr * Math.pow(s.factor, Math.floor(u / s.every));
    case 'cosine': {
      const span = Math.max(1, total - warm);
      const minLr = s.minLr ?? 0;
      return minLr + 0.5 * (lr - minLr) * (1 + Math.cos((Math.PI * Math.min(u, span)) / span));
    }
  }
}
