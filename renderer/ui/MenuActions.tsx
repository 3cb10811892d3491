// Listens for the desktop menu's commands (through the preload bridge; nothing in a plain web
// page) and carries them out with the in-app menus' handlers; shows the keyboard shortcuts.
import { useEffect, useRef, useState } from 'react';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../electron/menu.js';
import { useServices } from '../AppContext.js';
import { runMenuAction, type MenuHandlers } from '../io/menuActions.js';
import { defaultProject } from '../state/project.js';
import './menuActions.css';

/** The part of `window.losscape` (electron/bridge.ts) used here. */
interface MenuBridge {
  onMenuAction(listener: (action: unknown) => void): () => void;
  onOpenRecent(listener: (path: string) => void): () => void;
}

interface MenuActionsProps {
  open: () => void;
  save: () => void;
  /** Opens a file picked in File → Open Recent (the Project menu's open of a recent project). */
  openRecent: (path: string) => void;
}

/** The menu's keyboard shortcuts, read from the menu itself so the list cannot drift from it. */
function menuShortcuts(): { label: string; keys: string }[] {
  const walk = (items: MenuItemConstructorOptions[]): { label: string; keys: string }[] =>
    items.flatMap((item) => [
      ...(item.label && typeof item.accelerator === 'string' ? [{ label: item.label, keys: item.accelerator.replace('CmdOrCtrl', 'Ctrl') }] : []),
      ...(Array.isArray(item.submenu) ? walk(item.submenu) : []),
    ]);
  return walk(buildMenuTemplate(() => undefined, { isDev: false, isMac: false }));
}

/** Wires the menu's commands to `open`, `save` and `openRecent` (the Project menu's) and to the project store. */
export function MenuActions({ open, save, openRecent }: MenuActionsProps) {
  const { project, session } = useServices();
  const [shortcuts, setShortcuts] = useState(false);
  const handlers = useRef<MenuHandlers | null>(null);
  const openRecentRef = useRef(openRecent);
  useEffect(() => {
    openRecentRef.current = openRecent;
    handlers.current = {
      newProject() {
        project.dispatch({ type: 'load', state: defaultProject() });
        session.restore(() => ({ training: null, surface: null }));
      },
      openProject: open,
      saveProject: save,
      saveProjectAs: save,
      openExportMenu: () => document.getElementById('export-menu')?.setAttribute('open', ''),
      showShortcuts: () => setShortcuts(true),
      dispatch: project.dispatch,
    };
  });
  useEffect(() => {
    const bridge = (window as unknown as { losscape?: MenuBridge }).losscape;
    if (!bridge) return;
    const unsubscribe = [
      bridge.onMenuAction((action) => handlers.current && runMenuAction(action, handlers.current)),
      bridge.onOpenRecent((path) => openRecentRef.current(path)),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, []);
  if (!shortcuts) return null;
  return (
    <div className="shortcuts" role="dialog" aria-label="keyboard shortcuts">
      <table>
        <tbody>
          {menuShortcuts().map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--small" onClick={() => setShortcuts(false)}>
        Close
      </button>
    </div>
  );
}
