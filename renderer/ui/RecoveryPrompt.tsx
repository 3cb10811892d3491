// Autosave and crash recovery in the app: an autosave left from an earlier session, newer than
// the last explicit save, is offered back first; then the autosaver keeps the project in
// localStorage. A damaged autosave changes nothing and is kept until the user discards it.
import { useEffect, useState } from 'react';
import { readProjectFile } from '../../engine/io/projectFile.js';
import { useServices } from '../AppContext.js';
import { createAutosaver, discardAutosave, pendingAutosave, writeAutosave } from '../io/autosave.js';
import { saveFile, type FileFilter } from '../io/files.js';
import { settingsProjectText, showProjectFile } from '../io/openProject.js';

/** Quiet time after a change before it is autosaved, and the longest a change waits, ms. */
const AUTOSAVE_DELAY = 1500;
const AUTOSAVE_MAX_WAIT = 30_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts the autosave and, while an earlier one waits, shows "Recover unsaved work from …?". */
export function RecoveryPrompt({ filters }: { filters: FileFilter[] }) {
  const services = useServices();
  const [pending, setPending] = useState(() => pendingAutosave(localStorage));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Autosaving now would overwrite the work on offer.
    if (pending) return;
    const save = () => {
      const now = new Date();
      const state = JSON.stringify(services.project.getState());
      // Storage is small: when the run does not fit, the settings alone (training them again gives the same run).
      if (!writeAutosave(localStorage, { state, text: settingsProjectText(services, now) }, now)) {
        writeAutosave(localStorage, { state, text: settingsProjectText(services, now, false) }, now);
      }
    };
    const autosaver = createAutosaver({ subscribe: services.project.subscribe, save, delay: AUTOSAVE_DELAY, maxWait: AUTOSAVE_MAX_WAIT });
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
