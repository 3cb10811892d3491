/**
 * The main process: wires Electron's objects into the plain functions of the other files.
 * The only file that imports `electron` at runtime besides the preload.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type WebContents } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../cli/atomicWrite.js';
import { appIndexUrl, appScheme, createAppProtocolHandler } from './appProtocol.js';
import { showOpenDialog, showSaveDialog } from './dialogs.js';
import { createSenderCheck, registerIpc } from './ipc.js';
import { menuActionChannel, openRecentChannel } from './ipc/channels.js';
import { createIpcHandlers } from './ipc/handlers.js';
import { createUserPaths } from './ipc/userPaths.js';
import { buildMenuTemplate, type RecentMenu } from './menu.js';
import { createRecentFiles, loadRecentFiles, saveRecentFiles } from './recentFiles.js';
import { showRecentFiles } from './recentMenu.js';
import { denyAllPermissions, hardenWebContents } from './security.js';
import { createMainWindow } from './windows.js';
import { keepOnScreen, loadWindowState, saveWindowState, trackWindowState } from './windowState.js';

const devServerUrl = process.env.VITE_DEV_SERVER_URL;
const preloadPath = path.join(import.meta.dirname, 'preload.cjs');
const distRoot = path.join(import.meta.dirname, '../dist');
// The built renderer comes over app://, the dev server (when there is one) over http.
const pageUrl = devServerUrl ?? appIndexUrl;
const windowStateFile = path.join(app.getPath('userData'), 'window-state.json');
const recentFilesFile = path.join(app.getPath('userData'), 'recent-files.json');

// Privileged schemes can only be registered before the app is ready.
protocol.registerSchemesAsPrivileged([appScheme]);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

async function start(): Promise<void> {
  protocol.handle(appScheme.scheme, createAppProtocolHandler(distRoot, { realpath, readFile }));
  denyAllPermissions(session.defaultSession);

  const parentOf = (sender: WebContents) => BrowserWindow.fromWebContents(sender);
  // The menu follows the list (showRecent, set up below, before any change can happen).
  const recentFiles = createRecentFiles(
    await loadRecentFiles(recentFilesFile, { readFile }),
    (list) => saveRecentFiles(recentFilesFile, list),
    (list) => showRecent(list),
  );
  registerIpc(ipcMain, {
    isTrustedSender: createSenderCheck(() => BrowserWindow.getAllWindows(), pageUrl),
    handlers: createIpcHandlers({
      showOpenDialog: (request, sender) => showOpenDialog(dialog, parentOf(sender), request),
      showSaveDialog: (request, sender) =>
        showSaveDialog(dialog, parentOf(sender), request, app.getPath('documents')),
      readTextFile: (file) => readFile(file, 'utf8'),
      readFileBytes: async (file) => new Uint8Array(await readFile(file)),
      writeFile: (file, data) => writeFileAtomic(file, data),
      userPaths: createUserPaths(),
      recentFiles,
    }),
  });

  const toRenderer = (channel: string, payload: string) => BrowserWindow.getFocusedWindow()?.webContents.send(channel, payload);
  const recentMenu = (files: readonly string[]): RecentMenu => ({
    files,
    open: (file) => toRenderer(openRecentChannel, file),
    clear: () => void recentFiles.clear().catch((error: unknown) => console.error('losscape: could not save the recent files:', error)),
  });
  const showRecent = showRecentFiles(
    {
      menu: Menu,
      app,
      platform: process.platform,
      template: (files) =>
        buildMenuTemplate((action) => toRenderer(menuActionChannel, action), {
          isDev: devServerUrl !== undefined,
          isMac: process.platform === 'darwin',
          recent: recentMenu(files),
        }),
    },
    recentFiles.list(),
  );

  const saved = await loadWindowState(windowStateFile, { readFile });
  const state = keepOnScreen(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = await createMainWindow(BrowserWindow, { preloadPath, pageUrl, state });
  const lastSave = trackWindowState(win, (s) => saveWindowState(windowStateFile, s));
  app.on('window-all-closed', () => void lastSave().finally(() => app.quit()));
}

app.whenReady().then(start).catch((error: unknown) => {
  console.error('losscape: could not start:', error);
  app.exit(1);
});
