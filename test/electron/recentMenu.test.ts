import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { showRecentFiles } from '../../electron/recentMenu.js';

/** Fakes of Menu and app that record what they were asked; the "menu" is the template itself. */
function fakeUi(platform: NodeJS.Platform) {
  const menus: MenuItemConstructorOptions[][] = [];
  const app = { addRecentDocument: vi.fn<(path: string) => void>(), clearRecentDocuments: vi.fn() };
  const ui = {
    menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template, setApplicationMenu: (menu: MenuItemConstructorOptions[]) => void menus.push(menu) },
    app,
    platform,
    template: (files: readonly string[]): MenuItemConstructorOptions[] => [{ label: 'File', submenu: files.map((label) => ({ label })) }],
  };
  const labels = (k: number) => (menus[k][0].submenu as MenuItemConstructorOptions[]).map((i) => i.label);
  return { ui, app, menus, labels };
}

describe('showRecentFiles', () => {
  it('sets the menu for the initial list and rebuilds it for each new list', () => {
    const { ui, menus, labels } = fakeUi('linux');
    const show = showRecentFiles(ui, ['/a.json']);
    expect(menus).toHaveLength(1);
    expect(labels(0)).toEqual(['/a.json']);
    show(['/b.json', '/a.json']);
    show([]);
    expect(menus).toHaveLength(3);
    expect(labels(1)).toEqual(['/b.json', '/a.json']);
    expect(labels(2)).toEqual([]);
  });

  it('tells the shell of macOS and Windows about the newest file, and when the list is cleared', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { ui, app } = fakeUi(platform);
      const show = showRecentFiles(ui, ['/a.json']);
      expect(app.addRecentDocument).not.toHaveBeenCalled();
      show(['/b.json', '/a.json']);
      show(['/a.json', '/b.json']);
      expect(app.addRecentDocument.mock.calls).toEqual([['/b.json'], ['/a.json']]);
      show([]);
      expect(app.clearRecentDocuments).toHaveBeenCalledOnce();
    }
  });

  it('leaves the shell alone on Linux, which keeps no recent documents for apps', () => {
    const { ui, app } = fakeUi('linux');
    const show = showRecentFiles(ui, []);
    show(['/b.json']);
    show([]);
    expect(app.addRecentDocument).not.toHaveBeenCalled();
    expect(app.clearRecentDocuments).not.toHaveBeenCalled();
  });
});
