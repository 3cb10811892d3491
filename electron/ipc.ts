/**
 * Registers the IPC handlers: every message is dropped unless it comes from the main frame
 * of one of our own windows showing our own page, and its payload passes its channel's schema.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels, type InvokeChannel, type RequestOf } from './ipc/channels.js';
import type { IpcHandlers } from './ipc/handlers.js';
import type { Check } from './ipc/validate.js';

/** An IPC message from a sender that is not one of our windows. */
export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError';
}

/** The parts of an invoke event the sender check reads. */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** What `registerIpc` needs: a sender check and the channel handlers. */
export interface IpcDeps {
  isTrustedSender(event: SenderInfo): boolean;
  handlers: IpcHandlers;
}

const requestChecks: { [C in InvokeChannel]: Check<RequestOf<C>> } = invokeChannels;

/**
 * Whether `url` is on the app's origin: the same scheme and host (with port) as `appUrl`.
 * Compared by parts, since `URL.origin` is "null" for every non-web scheme such as `app:`.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let actual: URL;
  try {
    actual = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(appUrl);
  return actual.protocol === expected.protocol && actual.host === expected.host;
}

/** A sender check accepting only the main frame of one of `ownWindows()` showing `appUrl`. */
export function createSenderCheck(
  ownWindows: () => readonly { webContents: { id: number } }[],
  appUrl: string,
): (event: SenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!ownWindows().some((w) => w.webContents.id === event.sender.id)) return false;
    return isAppUrl(frame.url, appUrl);
  };
}

async function handleInvoke<C extends InvokeChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  payload: unknown,
  deps: IpcDeps,
): Promise<unknown> {
  if (!deps.isTrustedSender(event)) throw new UntrustedSenderError(`${channel}: message from an unknown sender`);
  const request = requestChecks[channel](payload, channel);
  return deps.handlers[channel](request, event.sender);
}

/** Registers one `ipcMain.handle` per channel in the registry, guarded by sender and schema checks. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
    ipcMain.handle(channel, (event, payload: unknown) => handleInvoke(channel, event, payload, deps));
  }
}
