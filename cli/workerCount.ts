/** How many worker threads a command starts: what `--workers` asks for, at most one per core. */
import { availableParallelism } from 'node:os';

/**
 * The workers for `--workers requested` (default: one per core). Threads beyond the cores
 * only compete for them, and each costs memory of its own (a million would exhaust it), so
 * a larger request is capped at the cores, with a warning on stderr, and the command goes on.
 */
export function workerCount(requested: number | undefined, cores = availableParallelism()): number {
  if (requested === undefined) return cores;
  if (requested <= cores) return requested;
  process.stderr.write(`losscape: warning: --workers ${requested} is more than the ${cores} cores available; using ${cores}\n`);
  return cores;
}
