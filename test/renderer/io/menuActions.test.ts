import { describe, expect, it, vi } from 'vitest';
import { menuActions } from '../../../electron/ipc/channels.js';
import { buildMenuTemplate } from '../../../electron/menu.js';
import { runMenuAction, type MenuHandlers } from '../../../renderer/io/menuActions.js';
import { defaultProject } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';

function fakeHandlers() {
  return {
    newProject: vi.fn(),
    openProject: vi.fn(),
    saveProject: vi.fn(),
    saveProjectAs: vi.fn(),
    openExportMenu: vi.fn(),
    showShortcuts: vi.fn(),
    dispatch: vi.fn(),
  } satisfies MenuHandlers;
}

describe('menu commands in the renderer', () => {
  it('File and Help commands call the in-app menus’ handlers', () => {
    const handlers = fakeHandlers();
    for (const action of ['new', 'open', 'save', 'saveAs', 'export', 'shortcuts']) expect(runMenuAction(action, handlers)).toBe(true);
    for (const name of ['newProject', 'openProject', 'saveProject', 'saveProjectAs', 'openExportMenu', 'showShortcuts'] as const) expect(handlers[name], name).toHaveBeenCalledTimes(1);
    expect(handlers.dispatch).not.toHaveBeenCalled();
  });

  it('View commands change the project: the view shown (leaving the line plot) and the camera preset', () => {
    const handlers = fakeHandlers();
    let state = projectReducer(defaultProject(), { type: 'set', section: 'line', patch: { slice: 'line' } });
    handlers.dispatch.mockImplementation((action) => (state = projectReducer(state, action)));
    runMenuAction('view:contour', handlers);
    expect([state.view.kind, state.line.slice]).toEqual(['contour', 'plane']);
    runMenuAction('view:heatmap', handlers);
    expect(state.view.kind).toBe('heatmap');
    const nonce = state.view.cameraNonce;
    runMenuAction('camera:top', handlers);
    expect([state.view.camera, state.view.cameraNonce]).toEqual(['top', nonce + 1]);
    runMenuAction('camera:reset', handlers);
    expect([state.view.camera, state.view.cameraNonce]).toEqual(['iso', nonce + 2]);
  });

  it('ignores payloads that are not menu commands, as the IPC schema does', () => {
    const handlers = fakeHandlers();
    for (const payload of ['rm -rf', 'view:', 'camera:front', '', 42, null, { action: 'save' }, ['save'], 'constructor', 'toString']) {
      expect(runMenuAction(payload, handlers), String(payload)).toBe(false);
    }
    expect(Object.values(handlers).every((h) => h.mock.calls.length === 0)).toBe(true);
  });

  it('handles every command the desktop menu sends', () => {
    const sent: string[] = [];
    const walk = (items: unknown[]): void =>
      items.forEach((item) => {
        const { click, submenu } = item as { click?: () => void; submenu?: unknown[] };
        click?.();
        if (Array.isArray(submenu)) walk(submenu);
      });
    walk(buildMenuTemplate((action) => sent.push(action), { isDev: false, isMac: false }));
    expect([...sent].sort()).toEqual([...menuActions].sort());
    for (const action of sent) expect(runMenuAction(action, fakeHandlers()), action).toBe(true);
  });
});
