// Commands from the desktop app's menu (File, View, Help): checked against the IPC contract's
// schema as they arrive, then carried out by the same handlers as the in-app menus.
import { menuActionCheck, menuActionChannel, type MenuAction } from '../../electron/ipc/channels.js';
import type { CameraPreset, ViewKind } from '../state/project.js';
import type { ProjectAction } from '../state/reducer.js';

/** What the menu's commands do in the app. */
export interface MenuHandlers {
  newProject(): void;
  openProject(): void;
  saveProject(): void;
  saveProjectAs(): void;
  openExportMenu(): void;
  showShortcuts(): void;
  dispatch(action: ProjectAction): void;
}

const fileCommands = {
  new: 'newProject',
  open: 'openProject',
  save: 'saveProject',
  saveAs: 'saveProjectAs',
  export: 'openExportMenu',
  shortcuts: 'showShortcuts',
} as const satisfies Partial<Record<MenuAction, keyof MenuHandlers>>;

/** The project actions of a View command: a view shows the plane's surface, so it leaves the line plot; a camera preset is applied again. */
export function viewActionsOf(action: MenuAction): ProjectAction[] {
  const [group, name] = action.split(':');
  if (group === 'view') {
    return [
      { type: 'set', section: 'view', patch: { kind: name as ViewKind } },
      { type: 'set', section: 'line', patch: { slice: 'plane' } },
    ];
  }
  if (group === 'camera') return [{ type: 'camera', preset: name === 'reset' ? 'iso' : (name as CameraPreset) }];
  return [];
}

/** Carries out a menu command; anything that is not one (wrong type, unknown name) is ignored and answers false. */
export function runMenuAction(payload: unknown, handlers: MenuHandlers): boolean {
  let action: MenuAction;
  try {
    action = menuActionCheck(payload, menuActionChannel);
  } catch {
    return false;
  }
  if (action in fileCommands) handlers[fileCommands[action as keyof typeof fileCommands]]();
  else viewActionsOf(action).forEach(handlers.dispatch);
  return true;
}
