// How the surface is drawn, in the view toolbar: the colormap of every view, and in 3D the
// contour lines (on the surface and its floor) and the wireframe.
import { colormapNames } from '../../engine/io/figure/colormaps.js';
import { useDispatch, useProject } from '../AppContext.js';
import { Select, Toggle } from '../ui/fields.js';

const colormapOptions = colormapNames.map((value) => ({ value, label: value }));

/** The colormap select, and the 3D view's contour and wireframe switches. */
export function SurfaceStyle() {
  const kind = useProject((s) => s.view.kind);
  const colormap = useProject((s) => s.view.colormap);
  const contours = useProject((s) => s.view.contours);
  const wireframe = useProject((s) => s.view.wireframe);
  const dispatch = useDispatch();
  return (
    <div className="toolbar__group toolbar__group--style">
      <label className="toolbar__label" htmlFor="colormap">
        colours
      </label>
      <Select id="colormap" value={colormap} options={colormapOptions} onChange={(next) => dispatch({ type: 'set', section: 'view', patch: { colormap: next } })} />
      {kind === '3d' && (
        <>
          <Toggle id="show-contours" label="Contours" hint="Contour lines on the surface and projected on the floor" checked={contours} onChange={(next) => dispatch({ type: 'set', section: 'view', patch: { contours: next } })} />
          <Toggle id="show-wireframe" label="Wireframe" hint="The grid’s lines over the surface" checked={wireframe} onChange={(next) => dispatch({ type: 'set', section: 'view', patch: { wireframe: next } })} />
        </>
      )}
    </div>
  );
}
