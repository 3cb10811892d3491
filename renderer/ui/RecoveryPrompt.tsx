// Autosave and crash recovery in the app: an autosave left from an earlier session, newer than
// the last explicit save, is offered back first; then the autosaver keeps the project (its
// settings, cameras, runs, surfaces and comparison) in IndexedDB, as the project file's binary
// form, after every change of the settings or the finished results, and says so when the
// browser's storage cannot hold it all. A damaged autosave changes nothing and is kept until
// the user discards it.
import { useEffect, useState } from 'react';
import { readProjectFile } from '../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { ScannedSurface } from '../../workers/export.js';
import { useServices } from '../AppContext.js';
import { autosaveNote, createAutosaver, discardAutosave, pendingAutosave, writeAutosave, type PendingAutosave } from '../io/autosave.js';
import { appAutosaveStore } from '../io/autosaveStore.js';
import { saveFile } from '../io/files.js';
import { onExportWorker } from '../io/exportClient.js';
import { projectFileNow, projectMark, settingsProjectFile, showProjectFile } from '../io/openProject.js';
import { resultsMark, resultsToSave } from '../io/projectResults.js';
import { messageOf } from '../session/types.js';

/** Quiet time after a change before it is autosaved, and the longest a change waits, ms. */
const AUTOSAVE_DELAY = 1500;
const AUTOSAVE_MAX_WAIT = 30_000;

/** Starts the autosave and, while an earlier one waits, shows "Recover unsaved work from …?". */
export function RecoveryPrompt() {
  const services = useServices();
  // undefined while the store is read: nothing is autosaved until the earlier work is known.
  const [pending, setPending] = useState<PendingAutosave | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // A dismissed note stays away until the autosave says something else.
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    pendingAutosave(localStorage, appAutosaveStore()).then(setPending, () => setPending(null));
  }, []);

  useEffect(() => {
    // Autosaving now would overwrite the work on offer.
    if (pending !== null) return;
    const store = appAutosaveStore();
    // Surface files are written in the export worker when a result comes; the project is then made at once, so a save can begin as the page goes away.
    const surfaceFiles = new WeakMap<Float64Array, SurfaceFile>();
    const save = async (leaving: boolean) => {
      const now = new Date();
      // What the storage refuses gives way, the surfaces first, then the run (training again gives the same run).
      const tiers = [
        { keeps: 'the project', file: () => projectFileNow(services, (scan) => surfaceFiles.get(scan.loss), now) },
        { keeps: 'the settings and the run', file: () => settingsProjectFile(services, now) },
        { keeps: 'the settings', file: () => settingsProjectFile(services, now, false) },
      ];
      try {
        const report = await writeAutosave(localStorage, store, { state: projectMark(services), tiers }, now, leaving);
        setNote(autosaveNote(report));
      } catch (e) {
        setNote(`autosave failed: ${messageOf(e)}; save the project to a file`);
      }
    };
    /** Writes the surface files the autosave lacks, then calls `written` (meanwhile the autosave holds the settings and the run). */
    const writeSurfaceFiles = (written: () => void) => {
      const scans = resultsToSave(services.session.store.getState()).surfaces.filter((surface): surface is ScannedSurface => !('format' in surface) && !surfaceFiles.has(surface.loss));
      const writes = scans.map((scan) => onExportWorker((w) => w.surfaceFile(scan)).then((file) => void surfaceFiles.set(scan.loss, file)));
      if (writes.length > 0) void Promise.allSettled(writes).then(written);
    };
    let results = resultsMark(services.session.store.getState());
    const subscribe = (changed: () => void) => {
      const settings = services.project.subscribe(changed);
      const session = services.session.store.subscribe(() => {
        const mark = resultsMark(services.session.store.getState());
        if (mark === results) return;
        results = mark;
        changed();
        writeSurfaceFiles(changed);
      });
      // Results already shown (a recovered autosave) are kept too.
      writeSurfaceFiles(() => undefined);
      return () => {
        settings();
        session();
      };
    };
    const autosaver = createAutosaver({ subscribe, save, delay: AUTOSAVE_DELAY, maxWait: AUTOSAVE_MAX_WAIT });
    // The change's debounce has written almost everything by then: the page going away starts what is left.
    window.addEventListener('pagehide', autosaver.leave);
    return () => {
      window.removeEventListener('pagehide', autosaver.leave);
      autosaver.stop();
    };
  }, [pending, services]);

  if (!pending) {
    return note && note !== dismissed ? (
      <div className="project-alert project-alert--warning" role="status">
        <span id="autosave-status">{note}</span>
        <button id="autosave-status-dismiss" type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setDismissed(note)}>
          ×
        </button>
      </div>
    ) : null;
  }
  const recover = () => {
    try {
      showProjectFile(services, readProjectFile(pending.data));
      // The autosave stays: the recovered work is still unsaved.
      setPending(null);
    } catch (e) {
      setError(`The autosave cannot be recovered: ${messageOf(e)}. Nothing was changed; it is kept until you discard it, and you can save it as a file.`);
    }
  };
  const discard = () => {
    void discardAutosave(localStorage, appAutosaveStore());
    setPending(null);
  };
  // An older Losscape's autosave is JSON text, this one's the binary form.
  const text = typeof pending.data === 'string';
  const keep = () =>
    void saveFile(`losscape-autosave.${text ? 'json' : 'npz'}`, pending.data, text ? 'application/json' : 'application/zip', [{ name: 'Losscape project', extensions: [text ? 'json' : 'npz'] }]);
  const when = pending.savedAt ? pending.savedAt.toLocaleString() : 'an earlier session';

  return (
    <div className="recovery" id="recovery" role="alertdialog" aria-labelledby="recovery-question">
      <span id="recovery-question">Recover unsaved work from {when}?</span>
      <button id="recovery-recover" type="button" className="button button--small" onClick={recover} disabled={error !== null}>
        Recover
      </button>
      <button id="recovery-discard" type="button" className="button button--small" onClick={discard}>
        Discard
      </button>
      {error && (
        <>
          <button id="recovery-keep" type="button" className="button button--small" onClick={keep}>
            Save it as a file
          </button>
          <p className="recovery__error" role="alert" id="recovery-error">
            {error}
          </p>
        </>
      )}
    </div>
  );
}
