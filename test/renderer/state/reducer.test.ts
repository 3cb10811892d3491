import { describe, expect, it } from 'vitest';
import { defaultProject } from '../../../renderer/state/project.js';
import { MAX_LAYERS, MAX_WIDTH, projectReducer } from '../../../renderer/state/reducer.js';

const start = defaultProject();

describe('project reducer', () => {
  it('fills data, model and training settings from a preset', () => {
    const next = projectReducer(start, { type: 'preset', name: 'moons-batchnorm' });
    expect(next.data.source).toBe('synthetic');
    expect(next.data.synthetic).toEqual({ name: 'moons', samples: 400, noise: 0.15 });
    expect(next.model.hidden.map((h) => h.batchNorm)).toEqual([true, true]);
    expect(next.train).toMatchObject({ preset: 'moons-batchnorm', optimizer: 'momentum', lr: 0.05, batchSize: 32, epochs: 30 });
    expect(next.landscape).toBe(start.landscape);
  });

  it('leaves the preset behind when a run setting is edited, not when the view changes', () => {
    expect(start.train.preset).toBe('seed-iris');
    expect(projectReducer(start, { type: 'set', section: 'train', patch: { lr: 0.1 } }).train.preset).toBeNull();
    expect(projectReducer(start, { type: 'set', section: 'data', patch: { testFraction: 0.3 } }).train.preset).toBeNull();
    expect(projectReducer(start, { type: 'set', section: 'view', patch: { kind: 'contour' } }).train.preset).toBe('seed-iris');
    expect(projectReducer(start, { type: 'set', section: 'landscape', patch: { resolution: 81 } }).train.preset).toBe('seed-iris');
  });

  it('changes nothing when the value picked is already there', () => {
    expect(projectReducer(start, { type: 'set', section: 'data', patch: { source: 'builtin', builtin: 'iris' } })).toBe(start);
    expect(projectReducer(start, { type: 'set', section: 'train', patch: { lr: start.train.lr } })).toBe(start);
  });

  it('selects all features again when another data set is picked', () => {
    expect(start.data.features).toEqual([2, 3]);
    const wine = projectReducer(start, { type: 'set', section: 'data', patch: { source: 'builtin', builtin: 'wine' } });
    expect(wine.data.features).toBeNull();
    const same = projectReducer(start, { type: 'set', section: 'data', patch: { source: 'builtin', builtin: 'iris' } });
    expect(same.data.features).toEqual([2, 3]);
  });

  it('adds, edits and removes hidden layers within bounds', () => {
    let s = projectReducer(start, { type: 'layer/add' });
    expect(s.model.hidden).toHaveLength(2);
    expect(s.model.hidden[1]).toEqual(s.model.hidden[0]);
    s = projectReducer(s, { type: 'layer/set', index: 1, patch: { width: 1e6, activation: 'relu' } });
    expect(s.model.hidden[1]).toMatchObject({ width: MAX_WIDTH, activation: 'relu' });
    s = projectReducer(s, { type: 'layer/set', index: 0, patch: { width: 0.2 } });
    expect(s.model.hidden[0].width).toBe(1);
    for (let k = 0; k < 20; k++) s = projectReducer(s, { type: 'layer/add' });
    expect(s.model.hidden).toHaveLength(MAX_LAYERS);
    s = projectReducer(s, { type: 'layer/remove', index: 0 });
    expect(s.model.hidden).toHaveLength(MAX_LAYERS - 1);
  });

  it('drops residual blocks when too few layers remain for them', () => {
    let s = projectReducer(start, { type: 'layer/add' });
    s = projectReducer(s, { type: 'set', section: 'model', patch: { residual: 1 } });
    expect(s.model.residual).toBe(1);
    s = projectReducer(s, { type: 'layer/remove', index: 1 });
    expect(s.model.residual).toBe(0);
  });

  it('toggles sidebar sections and re-applies camera presets', () => {
    const closed = projectReducer(start, { type: 'section/toggle', id: 'data' });
    expect(closed.view.open.data).toBe(!start.view.open.data);
    const top = projectReducer(start, { type: 'camera', preset: 'top' });
    const again = projectReducer(top, { type: 'camera', preset: 'top' });
    expect(top.view.camera).toBe('top');
    expect(again.view.cameraNonce).toBe(top.view.cameraNonce + 1);
  });

  it('keeps the identity of sections it does not touch', () => {
    const next = projectReducer(start, { type: 'set', section: 'view', patch: { playback: 0.5 } });
    expect(next.data).toBe(start.data);
    expect(next.model).toBe(start.model);
    expect(next.landscape).toBe(start.landscape);
  });

  it('is serializable: a project survives JSON', () => {
    const s = projectReducer(start, { type: 'preset', name: 'digits-adam' });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(projectReducer(start, { type: 'load', state: JSON.parse(JSON.stringify(s)) })).toEqual(s);
  });

  it('gives a project saved before the paths settings their defaults, keeping its other analysis settings', () => {
    const { pathEnd, curveSteps, planeThird, ...older } = { ...start.analysis, symmetry: 'flip' as const, unit: 3 };
    const loaded = projectReducer(start, { type: 'load', state: { ...start, analysis: older as typeof start.analysis } });
    expect(loaded.analysis).toEqual({ ...start.analysis, symmetry: 'flip', unit: 3 });
    expect([pathEnd, curveSteps, planeThird]).toEqual(['image', 300, 'control']);
  });
});
