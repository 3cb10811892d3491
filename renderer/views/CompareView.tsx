// The Compare tab: two runs that differ in one setting, their surfaces side by side on one
// colour scale (and one height scale), and a table of what differs.
import { useProject, useSession } from '../AppContext.js';
import { unionOf } from '../landscape/display.js';
import { variantById } from '../state/variants.js';
import { ColorBar } from '../ui/ColorBar.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { compareRows } from './compareTable.js';
import { SurfaceViewer } from './SurfaceViewer.js';
import { useSurfaceDisplay } from './useSurfaceDisplay.js';
import { ViewToolbar } from './ViewToolbar.js';
import type { CompareSide } from '../session/types.js';

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
  const metric = useProject((s) => s.landscape.metric);
  const a = useSurfaceDisplay(job?.sides[0].surface ?? null);
  const b = useSurfaceDisplay(job?.sides[1].surface ?? null);
  const shared = unionOf([a.display?.range ?? null, b.display?.range ?? null]);
  const label = a.display?.label ?? b.display?.label ?? metric;

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
      <ViewToolbar caption={`${variant.label} · one shared colour and height scale`} />
      <div className="stage">
        <div className="compare__sides">
          {job.sides.map((side, k) => {
            const progress = sideProgress(side);
            return (
              <div key={k} className="compare__side">
                <header className="compare__header">
                  <span className="compare__tag">{k === 0 ? 'A' : 'B'}</span>
                  <span className="compare__label">{side.label}</span>
                  <span className="muted compare__progress">{progress.text}</span>
                </header>
                {side.surface?.status !== 'ready' && <ProgressBar value={progress.value} label={`run ${k === 0 ? 'A' : 'B'} progress`} />}
                <SurfaceViewer id={k === 0 ? 'compare-a' : 'compare-b'} job={side.surface} range={shared} empty={<p className="muted">{progress.text}…</p>} />
              </div>
            );
          })}
        </div>
        <ColorBar range={shared} label={label} log={a.display?.log ?? false} />
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
            <th>A · {job.sides[0].label}</th>
            <th>B · {job.sides[1].label}</th>
          </tr>
        </thead>
        <tbody>
          {compareRows(variant, job.sides).map((row) => (
            <tr key={row.label} className={row.changed ? 'compare-table__changed' : undefined}>
              <th scope="row">{row.label}</th>
              <td>{row.values[0]}</td>
              <td>{row.values[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
