// The bar above the viewer: 3D, contour or heatmap, the camera presets, how the surface is drawn, and what is shown.
import type { ReactNode } from 'react';
import { useDispatch, useProject } from '../AppContext.js';
import type { CameraPreset } from '../state/project.js';
import { Segmented } from '../ui/fields.js';
import { SurfaceStyle } from './SurfaceStyle.js';

const cameras: { value: CameraPreset; label: string; title: string }[] = [
  { value: 'iso', label: 'Iso', title: 'Three-quarter view' },
  { value: 'top', label: 'Top', title: 'From above: the contour plot’s view' },
  { value: 'side', label: 'Side', title: 'Along β: the profile over α' },
];

/** The view toggle and camera buttons, with `caption` on the right. */
export function ViewToolbar({ caption }: { caption?: ReactNode }) {
  const kind = useProject((s) => s.view.kind);
  const camera = useProject((s) => s.view.camera);
  // Once the user has orbited this tab's view, no preset is the view shown.
  const orbited = useProject((s) => s.view.tab !== 'toy' && s.view.cameraViews[s.view.tab] !== undefined);
  const dispatch = useDispatch();
  return (
    <div className="toolbar">
      <Segmented
        name="view"
        value={kind}
        options={[
          { value: '3d', label: '3D' },
          { value: 'contour', label: 'Contour' },
          { value: 'heatmap', label: 'Heatmap' },
        ]}
        onChange={(next) => dispatch({ type: 'set', section: 'view', patch: { kind: next } })}
      />
      {kind === '3d' && (
        <div className="toolbar__group" role="group" aria-label="camera">
          {cameras.map((c) => (
            <button key={c.value} id={`camera-${c.value}`} type="button" className="button button--small" aria-pressed={camera === c.value && !orbited} title={c.title} onClick={() => dispatch({ type: 'camera', preset: c.value })}>
              {c.label}
            </button>
          ))}
          <button id="camera-reset" type="button" className="button button--small" title="Back to the default view" onClick={() => dispatch({ type: 'camera', preset: 'iso' })}>
            Reset
          </button>
        </div>
      )}
      <SurfaceStyle />
      <div className="toolbar__caption">{caption}</div>
    </div>
  );
}
