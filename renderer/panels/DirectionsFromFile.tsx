// "Slice along directions from a file…": the current run's surface in the plane of another
// surface (a Losscape surface file's directions, JSON or .npz, or any JSON with "directions"), so two runs,
// or a run and a file computed elsewhere, are seen in the same plane. A file that holds no
// directions is refused here; directions of the wrong length, by the planner, in the surface's
// own error.
import { useState } from 'react';
import { readDirectionsFile } from '../../engine/io/directionsFile.js';
import { useServices, useSession } from '../AppContext.js';
import { openBinaryFile, type FileFilter } from '../io/files.js';
import { messageOf } from '../session/types.js';

const DIRECTIONS_FILTERS: FileFilter[] = [{ name: 'Surface or directions file (JSON or .npz)', extensions: ['json', 'npz'] }];

export function DirectionsFromFile() {
  const { project, session } = useServices();
  const hasRun = useSession((s) => !!s.training?.run);
  const [error, setError] = useState<string | null>(null);

  const slice = async () => {
    setError(null);
    try {
      const chosen = await openBinaryFile(DIRECTIONS_FILTERS);
      if (!chosen) return;
      const directions = readDirectionsFile(chosen.bytes, chosen.name);
      session.sliceAlong(project.getState(), { choice: { kind: 'given', directions, label: `directions of ${chosen.name}` }, plane: { label: `directions from ${chosen.name}` } });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <>
      <div className="actions">
        <button id="directions-open" type="button" className="button button--small" disabled={!hasRun} title="Slice the current run in the plane of a surface file (its directions d₁, d₂)" onClick={() => void slice()}>
          Slice along directions from a file…
        </button>
      </div>
      {error && (
        <p className="message message--error" role="alert" id="directions-error">
          {error}
        </p>
      )}
    </>
  );
}
