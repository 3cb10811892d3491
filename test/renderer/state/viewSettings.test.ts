import { describe, expect, it } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile, type JsonValue } from '../../../engine/io/projectFile.js';
import { defaultProject, type ProjectState } from '../../../renderer/state/project.js';
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
});
