// Saving and opening files: through the Electron bridge's dialogs when the app runs in
// Electron, else as a browser download (<a download>) and a file input.

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of the Electron preload's `window.losscape` used here (electron/bridge.ts). */
interface FileBridge {
  chooseFileToSave(defaultName: string, filters: FileFilter[]): Promise<string | null>;
  chooseFileToOpen(filters: FileFilter[]): Promise<string | null>;
  writeFile(path: string, data: string | Uint8Array): Promise<unknown>;
  readTextFile(path: string): Promise<string>;
  readFileBytes(path: string): Promise<Uint8Array>;
  recentFiles(): Promise<string[]>;
  addRecentFile(path: string): Promise<string[]>;
  readRecentFile(path: string): Promise<Uint8Array>;
}

/** The Electron bridge, or undefined in a plain browser. */
export function bridge(): FileBridge | undefined {
  return (window as unknown as { losscape?: FileBridge }).losscape;
}

/** A file the user opened: its name, text, and in Electron its path. */
export interface OpenedFile {
  name: string;
  text: string;
  path?: string;
}

/** Saves `data` as `name`; answers false when the user cancelled. */
export async function saveFile(name: string, data: string | Uint8Array | Blob, mime: string, filters: FileFilter[]): Promise<boolean> {
  return (await saveFileAs(name, data, mime, filters)) !== null;
}

/** Saves `data` as `name`; answers where (the path in Electron, the name in a browser), or null when the user cancelled. */
export async function saveFileAs(name: string, data: string | Uint8Array | Blob, mime: string, filters: FileFilter[]): Promise<string | null> {
  const electron = bridge();
  if (electron) {
    const path = await electron.chooseFileToSave(name, filters);
    if (!path) return null;
    const payload = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    await electron.writeFile(path, payload);
    return path;
  }
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Asks for a text file and reads it; answers null when the user cancelled. */
export async function openTextFile(filters: FileFilter[]): Promise<OpenedFile | null> {
  const electron = bridge();
  if (electron) {
    const path = await electron.chooseFileToOpen(filters);
    if (!path) return null;
    return { name: baseName(path), text: await electron.readTextFile(path), path };
  }
  const file = await pickFile(filters);
  if (!file) return null;
  return file.text().then((text) => ({ name: file.name, text }), () => null);
}

/** A file the user opened as bytes: its name, bytes, and in Electron its path. */
export interface OpenedBytes {
  name: string;
  bytes: Uint8Array;
  path?: string;
}

/** Asks for a file and reads its bytes; answers null when the user cancelled. */
export async function openBinaryFile(filters: FileFilter[]): Promise<OpenedBytes | null> {
  const electron = bridge();
  if (electron) {
    const path = await electron.chooseFileToOpen(filters);
    if (!path) return null;
    return { name: baseName(path), bytes: await electron.readFileBytes(path), path };
  }
  const file = await pickFile(filters);
  return file && { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The browser's file input: the file picked, or null when the user cancelled. */
function pickFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      input.remove();
      resolve(input.files?.[0] ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/** The file name of a path. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
