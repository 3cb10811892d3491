// The trajectory's default cadence: about 100 snapshots, fewer where 100 of them would pass the
// 64 MiB budget (a 784→256→256→10 MLP has P = 269,322: 100 snapshots are 215 MB).
import { describe, expect, it } from 'vitest';
import { defaultSnapshotEvery, SNAPSHOT_BUDGET } from '../../../engine/train/index.js';

describe('default trajectory snapshots', () => {
  it('keep about 100 snapshots of small models, as before', () => {
    expect(defaultSnapshotEvery(300, 96)).toBe(3);
    expect(defaultSnapshotEvery(50, 96)).toBe(1);
    expect(defaultSnapshotEvery(20_000, 2_000)).toBe(200);
  });

  it('stay within the byte budget for large models', () => {
    const P = 269_322;
    for (const steps of [79, 790, 7_900]) {
      const every = defaultSnapshotEvery(steps, P);
      const snapshots = Math.floor(steps / every);
      expect(snapshots * 8 * P).toBeLessThanOrEqual(SNAPSHOT_BUDGET.bytes);
      // …and not much sparser than the budget requires (it allows 31).
      expect(snapshots).toBeGreaterThanOrEqual(26);
    }
    expect(defaultSnapshotEvery(79, P)).toBe(3); // 26 snapshots (plus the first and the last), 56 MB
  });
});
