// "Open arrays…": data as Python users save it, from the user's disk: a .npz holding X and y
// (np.savez), or X and then y as two .npy or IDX files (MNIST's `…-idx3-ubyte.gz` with its
// `…-idx1-ubyte.gz`). The data worker reads them; the project then names them by hash.
import { useState } from 'react';
import { useDispatch, useServices } from '../AppContext.js';
import { openBinaryFile, type FileFilter } from '../io/files.js';
import { messageOf } from '../session/types.js';

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };
const DATA_FILTERS: FileFilter[] = [{ name: 'X and y (.npz), or X (.npy, IDX)', extensions: ['npz', 'npy', 'gz', 'idx3-ubyte'] }, ALL_FILES];
const LABEL_FILTERS: FileFilter[] = [{ name: 'Labels y (.npy, IDX)', extensions: ['npy', 'gz', 'idx1-ubyte'] }, ALL_FILES];

/** Whether bytes are a zip archive, as a .npz is. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

export function DataFromFiles() {
  const { clients } = useServices();
  const dispatch = useDispatch();
  const [step, setStep] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!clients.openArrays) return null;
  const openArrays = clients.openArrays;

  const open = async () => {
    setError(null);
    try {
      const data = await openBinaryFile(DATA_FILTERS);
      if (!data) return;
      let labels;
      if (!isZip(data.bytes)) {
        setStep(`Now choose the labels y for ${data.name}`);
        labels = await openBinaryFile(LABEL_FILTERS);
        if (!labels) return;
      }
      setStep(`Reading ${data.name}…`);
      const file = await openArrays(data, labels ?? undefined);
      dispatch({ type: 'set', section: 'data', patch: { source: 'file', file } });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setStep(null);
    }
  };

  return (
    <>
      <div className="actions">
        <button id="data-open" type="button" className="button button--small" disabled={step !== null} title="A .npz holding X and y, or X and y as two .npy or IDX files (MNIST)" onClick={() => void open()}>
          Open arrays (.npz, .npy, IDX)…
        </button>
      </div>
      {step && <p className="muted">{step}</p>}
      {error && (
        <p className="message message--error" role="alert" id="data-open-error">
          {error}
        </p>
      )}
    </>
  );
}
