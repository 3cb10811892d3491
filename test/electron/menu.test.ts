import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuAction } from '../../electron/ipc/channels.js';
import { buildMenuTemplate } from '../../electron/menu.js';

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  expect(menu, `menu ${label}`).toBeDefined();
  return menu?.submenu as MenuItemConstructorOptions[];
}

const describeItem = (i: MenuItemConstructorOptions) => i.label ?? i.role ?? i.type;

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus (and the app menu only on macOS)', () => {
    const linux = buildMenuTemplate(() => undefined, { isDev: false, isMac: false });
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'help']);
    const mac = buildMenuTemplate(() => undefined, { isDev: false, isMac: true });
    expect(mac[0].role).toBe('appMenu');
  });

  it('File has New, Open…, Open Recent, Save, Save As…, Export… and Quit', () => {
    const file = submenu(buildMenuTemplate(() => undefined, { isDev: false, isMac: false }), 'File');
    expect(file.filter((i) => i.type !== 'separator').map(describeItem)).toEqual([
      'New',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export…',
      'quit',
    ]);
    expect(file.find((i) => i.label === 'Save')?.accelerator).toBe('CmdOrCtrl+S');
  });

  it('File items send their action to the renderer', () => {
    const onAction = vi.fn<(action: MenuAction) => void>();
    const file = submenu(buildMenuTemplate(onAction, { isDev: false, isMac: false }), 'File');
    for (const item of file) (item.click as (() => void) | undefined)?.();
    expect(onAction.mock.calls.map((c) => c[0])).toEqual(['new', 'open', 'save', 'saveAs', 'export']);
  });

  it('Open Recent lists the files newest first; picking one opens it, and Clear empties the list', () => {
    const recent = { files: ['/talks/a.json', '/talks/Q&A.json'], open: vi.fn<(path: string) => void>(), clear: vi.fn() };
    const file = submenu(buildMenuTemplate(() => undefined, { isDev: false, isMac: false, recent }), 'File');
    const items = submenu(file, 'Open Recent');
    // && shows one & (a single one would mark a keyboard mnemonic).
    expect(items.map(describeItem)).toEqual(['/talks/a.json', '/talks/Q&&A.json', 'separator', 'Clear Recently Opened']);
    (items[1].click as () => void)();
    expect(recent.open.mock.calls).toEqual([['/talks/Q&A.json']]);
    expect(items[3].enabled).toBe(true);
    (items[3].click as () => void)();
    expect(recent.clear).toHaveBeenCalledOnce();
  });

  it('Open Recent with no files has only a disabled Clear Recently Opened', () => {
    for (const recent of [undefined, { files: [], open: () => undefined, clear: () => undefined }]) {
      const items = submenu(submenu(buildMenuTemplate(() => undefined, { isDev: false, isMac: true, recent }), 'File'), 'Open Recent');
      expect(items.map((i) => [describeItem(i), i.enabled])).toEqual([['Clear Recently Opened', false]]);
    }
  });

  it('View sends the view and camera presets to the renderer', () => {
    const onAction = vi.fn<(action: MenuAction) => void>();
    const view = submenu(buildMenuTemplate(onAction, { isDev: false, isMac: false }), 'View');
    for (const item of view) (item.click as (() => void) | undefined)?.();
    expect(onAction.mock.calls.map((c) => c[0])).toEqual(['view:3d', 'view:contour', 'view:heatmap', 'camera:iso', 'camera:top', 'camera:side', 'camera:reset']);
    expect(view.find((i) => i.label === 'Contour Plot')?.accelerator).toBe('CmdOrCtrl+2');
  });

  it('View offers reload only in development, and always full screen and zoom', () => {
    const roles = (isDev: boolean) =>
      submenu(buildMenuTemplate(() => undefined, { isDev, isMac: false }), 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('reload');
    for (const isDev of [false, true]) {
      expect(roles(isDev)).toEqual(expect.arrayContaining(['togglefullscreen', 'resetZoom', 'zoomIn', 'zoomOut']));
    }
  });

  it('Help has Keyboard Shortcuts and About', () => {
    const onAction = vi.fn<(action: MenuAction) => void>();
    const help = buildMenuTemplate(onAction, { isDev: false, isMac: false }).find((m) => m.role === 'help');
    const items = help?.submenu as MenuItemConstructorOptions[];
    expect(items.map(describeItem)).toEqual(['Keyboard Shortcuts', 'About Losscape']);
    expect(items[1].role).toBe('about');
    (items[0].click as () => void)();
    expect(onAction).toHaveBeenCalledWith('shortcuts');
  });
});
