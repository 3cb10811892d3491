// Autosave and crash recovery in the app: an autosave left from an earlier session, newer than
// the last explicit save, is offered back first; then the autosaver keeps the project (its
// settings, cameras, runs, surfaces and comparison) in localStorage after every change of the
// settings or the finished results. A damaged autosave changes nothing and is kept until the
// user discards it.
import { useEffect, useState } from 'react';
import { projectFileText, readProjectFile } from '../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { ScannedSurface } from '../../workers/export.js';
import { useServices } from '../AppContext.js';
import { createAutosaver, discardAutosave, pendingAutosave, writeAutosave } from '../io/autosave.js';
import { saveFile, type FileFilter } from '../io/files.js';
import { onExportWorker } from '../io/exportClient.js';
import { projectFileNow, projectMark, settingsProjectText, showProjectFile } from '../io/openProject.js';
import { resultsMark, resultsToSave } from '../io/projectResults.js';
import { messageOf } from '../session/types.js';

/** Quiet time after a change before it is autosaved, and the longest a change waits, ms. */
const AUTOSAVE_DELAY = 1500;
const AUTOSAVE_MAX_WAIT = 30_000;

/** Starts the autosave and, while an earlier one waits, shows "Recover unsaved work from …?". */
export function RecoveryPrompt({ filters }: { filters: FileFilter[] }) {
  const services = useServices();
  const [pending, setPending] = useState(() => pendingAutosave(localStorage));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Autosaving now would overwrite the work on offer.
    if (pending) return;
    // Surface files are written in the export worker when a result comes; the autosave itself stays synchronous, so it can run as the page goes away.
    const surfaceFiles = new WeakMap<Float64Array, SurfaceFile>();
    const save = () => {
      const now = new Date();
      const mark = projectMark(services);
      // Storage is small: what does not fit gives way, the surfaces first, then the run (training again gives the same run).
      const texts = [
        () => {
          const file = projectFileNow(services, (scan) => surfaceFiles.get(scan.loss), now);
          return file && projectFileText(file);
        },
        () => settingsProjectText(services, now),
        () => settingsProjectText(services, now, false),
      ];
      texts.some((text) => {
        const written = text();
        return written !== null && writeAutosave(localStorage, { state: mark, text: written }, now);
      });
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
    window.addEventListener('pagehide', autosaver.flush);
    return () => {
      window.removeEventListener('pagehide', autosaver.flush);
      autosaver.stop();
    };
  }, [pending, services]);

  if (!pending) return null;
  const recover = () => {
    try {
      showProjectFile(services, readProjectFile(pending.text));
      // The autosave stays: the recovered work is still unsaved.
      setPending(null);
    } catch (e) {
      setError(`The autosave cannot be recovered: ${messageOf(e)}. Nothing was changed; it is kept until you discard it, and you can save it as a file.`);
    }
  };
  const discard = () => {
    discardAutosave(localStorage);
    setPending(null);
  };
  const keep = () => void saveFile('losscape-autosave.json', pending.text, 'application/json', filters);
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
