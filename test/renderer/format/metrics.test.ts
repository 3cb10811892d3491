import { describe, expect, it } from 'vitest';
import { describeEntry, formatLoss, formatPercent, sentence } from '../../../renderer/format/metrics.js';
import { formatCount } from '../../../renderer/state/parameters.js';

describe('metrics as the panels print them', () => {
  it('prints accuracies as percentages and unknown values as a dash', () => {
    expect(formatPercent(0.96)).toBe('96.0 %');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatLoss(Number.NaN)).toBe('–');
    expect(formatLoss(0.118199)).toBe('0.1182');
  });

  it('summarizes a history entry in one line', () => {
    expect(describeEntry({ step: 300, epoch: 300, loss: 0.1182, accuracy: 0.96 })).toBe('epoch 300 · loss 0.1182 · accuracy 96.0 %');
    expect(describeEntry({ step: 45, epoch: 1, loss: 0.77, testLoss: 0.84 })).toBe('epoch 1 · loss 0.77 · test loss 0.84');
    expect(describeEntry(undefined)).toBe('');
  });

  it('capitalizes messages and groups thousands', () => {
    expect(sentence('training diverged at step 3')).toBe('Training diverged at step 3');
    expect(formatCount(9610)).toBe('9\u2009610');
    expect(formatCount(96)).toBe('96');
  });
});
