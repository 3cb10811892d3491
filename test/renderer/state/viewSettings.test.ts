import { describe, expect, it } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile, type JsonValue } from '../../../engine/io/projectFile.js';
import { defaultProject, type CameraView, type ProjectState } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';

const start = defaultProject();

describe('view settings: colormap, contours, wireframe, heatmap', () => {
  it('start as viridis, without contour lines or wireframe, in 3D', () => {
    expect(start.view).toMatchObject({ kind: '3d', colormap: 'viridis', contours: false, wireframe: false });
  });

  it('change through the reducer and survive a project file', () => {
    const styled = projectReducer(start, { type: 'set', section: 'view', patch: { colormap: 'magma', contours: true, wireframe: true, kind: 'heatmap' } });
    const file = readProjectFile(projectFileText(projectFileOf({ state: styled as unknown as JsonValue })));
    const opened = projectReducer(start, { type: 'load', state: file.state as unknown as ProjectState });
    expect(opened.view).toMatchObject({ kind: 'heatmap', colormap: 'magma', contours: true, wireframe: true });
  });

  it('take their defaults when a project saved before them is opened', () => {
    const { colormap, contours, wireframe, ...older } = start.view;
    expect([colormap, contours, wireframe]).toEqual(['viridis', false, false]);
    const saved = { ...start, view: { ...older, kind: 'contour', camera: 'top' } };
    const file = readProjectFile(projectFileText(projectFileOf({ state: saved as unknown as JsonValue })));
    const opened = projectReducer(start, { type: 'load', state: file.state as unknown as ProjectState });
    expect(opened.view).toMatchObject({ kind: 'contour', camera: 'top', colormap: 'viridis', contours: false, wireframe: false });
  });

  it('camera views: one kept per 3D view, the same again changes nothing, a preset replaces them all, older projects have none', () => {
    const view: CameraView = { position: [1, 2.5, -3], target: [0, 0.4, 0], fov: 38, zoom: 1 };
    const kept = projectReducer(start, { type: 'camera/view', name: 'landscape', view });
    const both = projectReducer(kept, { type: 'camera/view', name: 'compare', view: { ...view, fov: 19 } });
    expect(both.view.cameraViews).toEqual({ landscape: view, compare: { ...view, fov: 19 } });
    expect(both.view.cameraViews.landscape).toBe(kept.view.cameraViews.landscape);
    expect(projectReducer(both, { type: 'camera/view', name: 'landscape', view: { ...view } })).toBe(both);
    const preset = projectReducer(both, { type: 'camera', preset: 'side' });
    expect(preset.view).toMatchObject({ camera: 'side', cameraNonce: both.view.cameraNonce + 1, cameraViews: {} });
    const { cameraViews, ...older } = both.view;
    expect(Object.keys(cameraViews)).toEqual(['landscape', 'compare']);
    expect(projectReducer(both, { type: 'load', state: { ...start, view: older } as ProjectState }).view.cameraViews).toEqual({});
  });
});
