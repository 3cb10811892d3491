// Li et al.'s 2D view: contour lines of the surface over the (α, β) plane, over its heatmap,
// with the optimizer's projected path and the playback marker. The heatmap view is the same
// figure without the lines, one crisp cell per grid point.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { colormap as colormapAt, type ColormapName } from '../../engine/io/figure/colormaps.js';
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';
import { inkOver } from '../colormap/ink.js';
import { formatTick, formatValue, niceStep, niceTicks } from '../format/ticks.js';
import { CONTOUR_COUNT, contourLevels, contourSegments } from '../landscape/contours.js';
import { plottedValues, valueAt } from '../landscape/display.js';
import { valueText } from '../landscape/stdError.js';
import type { SurfaceDisplay } from '../landscape/surfaceDisplay.js';
import { positionAlong } from '../landscape/trajectory.js';
import { MARKER_COLORS, type SurfaceMarker } from '../landscape/markers.js';
import { markerPath } from '../scene/CriticalMarkers.js';
import { END_COLOR, PATH_COLOR, PLAYBACK_COLOR, START_COLOR } from '../scene/Trajectory.js';
import { drawHeatmap } from './heatmapImage.js';
import { linear } from './scale.js';
import { useWidth } from './useWidth.js';

interface ContourPlotProps {
  display: SurfaceDisplay;
  /** The plotted range the colours span (shared by compared surfaces); default the display's. */
  range?: { min: number; max: number } | null;
  trajectory: readonly TrajectoryPoint[];
  playback: number;
  height: number;
  /** data-state of the figure. */
  state: string;
  /** Classified points (θ*, its symmetry image). */
  markers?: readonly SurfaceMarker[];
  colormap: ColormapName;
  /** The heatmap view: no contour lines, the grid's cells drawn crisp. */
  heatmap?: boolean;
}

const M = { left: 52, right: 16, top: 14, bottom: 40 };

/** The contour plot (or heatmap) of `display`, square, as large as the space allows. */
export function ContourPlot({ display, range, trajectory, playback, height, state, markers = [], colormap, heatmap = false }: ContourPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 600);
  const span = range ?? display.range;
  const size = Math.max(120, Math.min(width - M.left - M.right, height - M.top - M.bottom));
  const { alpha, beta } = display.grid;
  const na = alpha.length;
  const nb = beta.length;
  const sx = linear(alpha[0], alpha[na - 1], M.left, M.left + size);
  const sy = linear(beta[0], beta[nb - 1], M.top + size, M.top);
  const [hover, setHover] = useState<{ a: number; b: number; v: number } | null>(null);

  const clip = `contour-clip-${useId().replace(/:/g, '')}`;
  const image = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (image.current && span) drawHeatmap(image.current, display, span, colormap);
  }, [display, span, colormap]);
  const lines = useMemo(() => {
    if (!span || heatmap) return [];
    const plotted = plottedValues(display.grid.values, display.transform);
    return contourLevels(span.min, span.max, CONTOUR_COUNT).map((level) => ({ level, segments: contourSegments(plotted, na, nb, level) }));
  }, [display, span, na, nb, heatmap]);

  // Grid coordinates (fractional indices) to pixels.
  const gi = linear(0, na - 1, M.left, M.left + size);
  const gj = linear(0, nb - 1, M.top + size, M.top);
  const path = trajectory.map((p) => `${sx(p.alpha).toFixed(1)},${sy(p.beta).toFixed(1)}`).join(' ');
  const marker = positionAlong(trajectory, playback);
  const aStep = niceStep(alpha[0], alpha[na - 1], 5);
  const bStep = niceStep(beta[0], beta[nb - 1], 5);
  // Pixel k of the image is grid point k: its centre on the point, so the image reaches half a cell past the frame.
  const cell = { x: size / (na - 1), y: size / (nb - 1) };

  return (
    <div ref={box} className={heatmap ? 'contour contour--heatmap' : 'contour'} data-view={heatmap ? 'heatmap' : 'contour'} data-colormap={colormap} data-state={state} data-levels={lines.length} data-segments={lines.reduce((n, l) => n + l.segments.length / 4, 0)} data-trajectory-points={trajectory.length}>
      <div className="contour__figure" style={{ width: M.left + size + M.right, height: M.top + size + M.bottom }}>
        <div className="contour__plane" style={{ left: M.left, top: M.top, width: size, height: size }}>
          <canvas ref={image} className="contour__heatmap" style={{ left: -cell.x / 2, top: -cell.y / 2, width: size + cell.x, height: size + cell.y }} />
        </div>
        <svg
          width={M.left + size + M.right}
          height={M.top + size + M.bottom}
          role="img"
          aria-label={heatmap ? 'heatmap of the surface' : 'contour plot of the surface'}
          onMouseMove={(event) => {
            const rect = event.currentTarget.getBoundingClientRect();
            const a = alpha[0] + ((event.clientX - rect.left - M.left) / size) * (alpha[na - 1] - alpha[0]);
            const b = beta[0] + ((M.top + size - (event.clientY - rect.top)) / size) * (beta[nb - 1] - beta[0]);
            const v = valueAt(display.grid, a, b);
            setHover(Number.isFinite(v) ? { a, b, v } : null);
          }}
          onMouseLeave={() => setHover(null)}
        >
          <defs>
            <clipPath id={clip}>
              <rect x={M.left} y={M.top} width={size} height={size} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clip})`}>
            {lines.map(({ level, segments }) => {
              let d = '';
              for (let k = 0; k < segments.length; k += 4) d += `M${gi(segments[k]).toFixed(1)} ${gj(segments[k + 1]).toFixed(1)}L${gi(segments[k + 2]).toFixed(1)} ${gj(segments[k + 3]).toFixed(1)}`;
              const t = span && span.max > span.min ? (level - span.min) / (span.max - span.min) : 0.5;
              const ink = inkOver(colormapAt(colormap, t));
              return <path key={level} d={d} fill="none" stroke={ink.css} strokeOpacity={ink.opacity} strokeWidth={1.1} data-level={level} />;
            })}
            {trajectory.length > 1 && (
              <>
                <polyline points={path} fill="none" stroke="#0d1017" strokeOpacity={0.6} strokeWidth={5} strokeLinejoin="round" />
                <polyline points={path} fill="none" stroke={PATH_COLOR} strokeWidth={2.5} strokeLinejoin="round" className="contour__path" />
              </>
            )}
            {trajectory.length > 0 && (
              <>
                <circle cx={sx(trajectory[0].alpha)} cy={sy(trajectory[0].beta)} r={5} fill={START_COLOR} stroke="#0d1017" strokeWidth={1.5} />
                <circle cx={sx(trajectory.at(-1)!.alpha)} cy={sy(trajectory.at(-1)!.beta)} r={6} fill={END_COLOR} stroke="#0d1017" strokeWidth={1.5} />
              </>
            )}
            {marker && <circle cx={sx(marker.alpha)} cy={sy(marker.beta)} r={4} fill={PLAYBACK_COLOR} stroke="#0d1017" strokeWidth={1.5} className="contour__marker" />}
            {markers.map((m, k) => (
              <path key={`critical${k}`} d={markerPath(m.kind, sx(m.alpha), sy(m.beta), 9)} fill={MARKER_COLORS[m.kind]} stroke="#0d1017" strokeWidth={1.5} className="contour__critical" data-kind={m.kind}>
                <title>{m.label}</title>
              </path>
            ))}
          </g>
          <rect x={M.left} y={M.top} width={size} height={size} className="contour__frame" />
          {niceTicks(alpha[0], alpha[na - 1], 5).map((t) => (
            <text key={`a${t}`} x={sx(t)} y={M.top + size + 16} className="plot__tick" textAnchor="middle">
              {formatTick(t, aStep)}
            </text>
          ))}
          {niceTicks(beta[0], beta[nb - 1], 5).map((t) => (
            <text key={`b${t}`} x={M.left - 6} y={sy(t) + 4} className="plot__tick" textAnchor="end">
              {formatTick(t, bStep)}
            </text>
          ))}
          <text x={M.left + size / 2} y={M.top + size + 34} className="contour__axis" textAnchor="middle">
            α
          </text>
          <text x={M.left - 36} y={M.top + size / 2} className="contour__axis" textAnchor="middle">
            β
          </text>
          {hover && (
            <text x={M.left + size - 6} y={M.top + 16} className="contour__readout" textAnchor="end">
              α {formatValue(hover.a)} · β {formatValue(hover.b)} · {display.metric} {valueText(hover.v, display.stdError, hover.a, hover.b)}
            </text>
          )}
        </svg>
      </div>
    </div>
  );
}
