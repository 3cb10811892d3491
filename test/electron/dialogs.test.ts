import type { BaseWindow, Dialog } from 'electron';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { showOpenDialog, showSaveDialog } from '../../electron/dialogs.js';

const filters = [{ name: 'Project', extensions: ['json'] }];
const parent = {} as BaseWindow;

describe('showOpenDialog', () => {
  it('asks for one file and answers its path, or null when cancelled', async () => {
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ada/run.json'] })) };
    await expect(showOpenDialog(dialog as unknown as Dialog, parent, { filters })).resolves.toBe('/home/ada/run.json');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(parent, { properties: ['openFile'], filters });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(showOpenDialog(dialog as unknown as Dialog, null, { filters })).resolves.toBeNull();
  });
});

describe('showSaveDialog', () => {
  it('starts in the given folder and confirms before overwriting, since the path becomes writable', async () => {
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ada/run.json' })) };
    const request = { defaultName: 'run.json', filters };
    await expect(showSaveDialog(dialog as unknown as Dialog, null, request, '/home/ada')).resolves.toBe('/home/ada/run.json');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/ada', 'run.json'),
      filters,
      properties: ['showOverwriteConfirmation'],
    });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(showSaveDialog(dialog as unknown as Dialog, parent, request, '/home/ada')).resolves.toBeNull();
  });
});
