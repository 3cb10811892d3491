// The Compare tab: two to four runs that differ in one setting, their surfaces side by side on
// one colour scale (and one height scale) with cameras that orbit together, and a table of what differs.
import { useMemo, useState } from 'react';
import { useProject, useSession } from '../AppContext.js';
import { unionOf } from '../landscape/display.js';
import { createCameraGroup } from '../scene/CameraSync.js';
import { variantById } from '../state/variants.js';
import { ColorBar } from '../ui/ColorBar.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { compareRows } from './compareTable.js';
import { SurfaceViewer } from './SurfaceViewer.js';
import { useComparedDisplays } from './useComparedDisplays.js';
import { ViewToolbar } from './ViewToolbar.js';
import type { CompareSide } from '../session/types.js';
import './compare.css';

/** The runs' letters: tags, ids (#compare-a …) and table headings. */
const TAGS = ['A', 'B', 'C', 'D'];

function sideProgress(side: CompareSide): { value: number; text: string } {
  const t = side.training;
  const s = side.surface;
  if (s) return { value: s.alpha.length ? s.rowsComputed / s.alpha.length : 0, text: s.status === 'ready' ? 'surface ready' : `surface ${s.status}` };
  if (t) return { value: t.totalSteps ? t.step / t.totalSteps : 0, text: t.status === 'done' ? 'trained; planning the surface…' : `training: ${t.status}` };
  return { value: 0, text: 'waiting' };
}

/** The Compare tab. */
export function CompareView() {
  const job = useSession((s) => s.compare);
  const spectrum = useSession((s) => s.spectrum);
  const metric = useProject((s) => s.landscape.metric);
  const surfaces = useMemo(() => job?.sides.map((side) => side.surface) ?? [], [job]);
  const displays = useComparedDisplays(surfaces);
  const shared = unionOf(displays.map((d) => d?.range ?? null));
  const first = displays.find((d) => d !== null);
  const label = first?.label ?? metric;
  const [cameras] = useState(createCameraGroup);

  if (!job) {
    return (
      <div className="compare compare--empty" data-state="empty">
        <p>
          Pick a change in the <strong>Compare</strong> panel (batch norm on vs off, a wider model, another learning rate…) and press <strong>Compare</strong>: both runs are trained, and their surfaces computed with the same Landscape settings and drawn on one
          colour scale.
        </p>
      </div>
    );
  }
  const variant = variantById(job.variant);
  return (
    <div className="compare" data-state={job.status}>
      <ViewToolbar caption={`${variant.label} · one shared colour and height scale · drag any view to orbit them all`} />
      <div className="stage">
        <div className="compare__sides" data-count={job.sides.length}>
          {job.sides.map((side, k) => {
            const progress = sideProgress(side);
            return (
              <div key={k} className="compare__side">
                <header className="compare__header">
                  <span className="compare__tag">{TAGS[k]}</span>
                  <span className="compare__label">{side.label}</span>
                  <span className="muted compare__progress">{progress.text}</span>
                </header>
                {side.surface?.status !== 'ready' && <ProgressBar value={progress.value} label={`run ${TAGS[k]} progress`} />}
                <SurfaceViewer id={`compare-${TAGS[k].toLowerCase()}`} job={side.surface} range={shared} empty={<p className="muted">{progress.text}…</p>} cameraGroup={cameras} cameraName="compare" />
              </div>
            );
          })}
        </div>
        <ColorBar range={shared} label={label} log={first?.log ?? false} />
      </div>
      {job.error && (
        <div className="message message--error" role="alert">
          <strong>The comparison failed.</strong> {job.error}
        </div>
      )}
      <table className="compare-table">
        <thead>
          <tr>
            <th />
            {job.sides.map((side, k) => (
              <th key={k}>
                {TAGS[k]} · {side.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {compareRows(variant, job.sides, spectrum).map((row) => (
            <tr key={row.label} className={row.changed ? 'compare-table__changed' : undefined}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, k) => (
                <td key={k}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
