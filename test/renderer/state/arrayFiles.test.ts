// Array files in the project's data settings: the select offers them once opened, the
// DataSpec names them (never their numbers), and a new file resets the feature selection.
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../../engine/data/index.js';
import { datasetChoice, datasetOptionsOf, datasetTitle, withDataset } from '../../../renderer/state/options.js';
import { dataSpecOf, defaultProject } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';

const file: FileSource = { kind: 'file', data: { name: 'xy.npz', path: '/d/xy.npz', sha256: 'ab' }, n: 6, d: 3 };

describe('array files in the Data settings', () => {
  it('are offered in the select once opened, and named by the spec', () => {
    const base = defaultProject().data;
    expect(datasetOptionsOf(base).some((o) => o.value === 'file')).toBe(false);
    const data = { ...base, source: 'file' as const, file };
    expect(datasetOptionsOf(data).at(-1)).toEqual({ value: 'file', label: 'xy.npz', group: 'Opened' });
    expect([datasetChoice(data), datasetTitle(data)]).toEqual(['file', 'xy.npz']);
    expect(dataSpecOf(data).source).toEqual(file);
    expect(dataSpecOf({ ...data, ...withDataset(data, 'builtin:wine') }).source).toEqual({ kind: 'builtin', name: 'wine' });
    expect(withDataset(data, 'file')).toEqual({ source: 'file' });
  });

  it('opening another file resets the selected features', () => {
    let state = projectReducer(defaultProject(), { type: 'set', section: 'data', patch: { source: 'file', file } });
    state = projectReducer(state, { type: 'set', section: 'data', patch: { features: [0, 2] } });
    expect(state.data.features).toEqual([0, 2]);
    const other: FileSource = { ...file, data: { ...file.data, sha256: 'cd' } };
    expect(projectReducer(state, { type: 'set', section: 'data', patch: { source: 'file', file: other } }).data.features).toBeNull();
  });
});
