// "Slice along directions from a file…": the current run's surface in the plane of another
// surface (a Losscape surface file's directions, or any JSON with "directions"), so two runs,
// or a run and a file computed elsewhere, are seen in the same plane. A file that holds no
// directions is refused here; directions of the wrong length, by the planner, in the surface's
// own error.
import { useState } from 'react';
import { directionsOfJson } from '../../engine/io/directionsFile.js';
import { useServices, useSession } from '../AppContext.js';
import { openTextFile, type FileFilter } from '../io/files.js';
import { messageOf } from '../session/types.js';

const DIRECTIONS_FILTERS: FileFilter[] = [{ name: 'Surface or directions file (JSON)', extensions: ['json'] }];

export function DirectionsFromFile() {
  const { project, session } = useServices();
  const hasRun = useSession((s) => !!s.training?.run);
  const [error, setError] = useState<string | null>(null);

  const slice = async () => {
    setError(null);
    try {
      const chosen = await openTextFile(DIRECTIONS_FILTERS);
      if (!chosen) return;
      let json: unknown;
      try {
        json = JSON.parse(chosen.text);
      } catch (e) {
        throw new Error(`${chosen.name} is not JSON (${messageOf(e)})`);
      }
      const directions = directionsOfJson(json, chosen.name);
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
