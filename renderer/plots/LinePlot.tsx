// A small SVG line plot: several series over one x axis, on a linear or log y axis.
import { useRef } from 'react';
import { formatTick, formatValue, niceStep, valueTicks } from '../format/ticks.js';
import { linePath } from './linePath.js';
import { extent, linear, ticksOf } from './scale.js';
import { useWidth } from './useWidth.js';

export interface Series {
  name: string;
  color: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Drawn thin and translucent (minibatch noise). */
  faint?: boolean;
  dashed?: boolean;
}

interface LinePlotProps {
  id: string;
  title: string;
  xLabel: string;
  series: Series[];
  log?: boolean;
  /** A fixed y range (plotted units); default: the data's. */
  yRange?: { min: number; max: number };
  /** A fixed x range; default: the data's. */
  xRange?: { min: number; max: number };
  /** A vertical cursor at this x (the playback position). */
  cursor?: number | null;
  height?: number;
}

const M = { left: 46, right: 12, top: 22, bottom: 28 };

/** Plots `series`; on a log axis the values' log₁₀ is plotted and labelled with the values. */
export function LinePlot({ id, title, xLabel, series, log = false, xRange, yRange, cursor = null, height = 150 }: LinePlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const toY = (v: number) => (log ? (v > 0 ? Math.log10(v) : NaN) : v);
  const plotted = series.map((s) => ({ ...s, ys: Array.from(s.ys, toY) }));
  const xr = xRange ?? extent(plotted.flatMap((s) => Array.from(s.xs))) ?? { min: 0, max: 1 };
  const yr = yRange ?? extent(plotted.flatMap((s) => s.ys), 0.05) ?? { min: 0, max: 1 };
  const sx = linear(xr.min, xr.max, M.left, width - M.right);
  const sy = linear(yr.min, yr.max, height - M.bottom, M.top);
  const xStep = niceStep(xr.min, xr.max, 5);
  const points = series.reduce((n, s) => n + s.xs.length, 0);

  return (
    <div ref={box} className="line-plot" id={id} data-points={points}>
      <svg width={width} height={height} role="img" aria-label={title}>
        <text x={M.left} y={14} className="plot__title">
          {title}
        </text>
        <g className="plot__legend">
          {series
            .filter((s) => !s.faint)
            .map((s, k, shown) => (
              <g key={s.name} transform={`translate(${width - M.right - (shown.length - k) * 62} 10)`}>
                <line x1={0} x2={14} y1={0} y2={0} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '4 3' : undefined} />
                <text x={18} y={3.5} className="plot__tick">
                  {s.name}
                </text>
              </g>
            ))}
        </g>
        <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={height - M.top - M.bottom} className="plot__frame" />
        {valueTicks(yr.min, yr.max, log, 3).map((t) => (
          <g key={`y${t.at}`}>
            <line x1={M.left} x2={width - M.right} y1={sy(t.at)} y2={sy(t.at)} className="plot__grid" />
            <text x={M.left - 5} y={sy(t.at) + 3.5} className="plot__tick" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {ticksOf(xr, 5).map((t) => (
          <text key={`x${t}`} x={sx(t)} y={height - M.bottom + 13} className="plot__tick" textAnchor="middle">
            {formatTick(t, xStep)}
          </text>
        ))}
        <text x={width - M.right} y={height - 3} className="plot__axis-title" textAnchor="end">
          {xLabel}
        </text>
        {plotted.map((s) => (
          <path
            key={s.name}
            d={linePath(s.xs, s.ys, sx, sy)}
            fill="none"
            stroke={s.color}
            strokeWidth={s.faint ? 1 : 1.8}
            strokeOpacity={s.faint ? 0.35 : 1}
            strokeDasharray={s.dashed ? '5 3' : undefined}
            data-series={s.name}
          />
        ))}
        {cursor !== null && Number.isFinite(cursor) && cursor >= xr.min && cursor <= xr.max && (
          <line x1={sx(cursor)} x2={sx(cursor)} y1={M.top} y2={height - M.bottom} className="plot__cursor" />
        )}
        {points === 0 && (
          <text x={width / 2} y={height / 2} className="plot__empty" textAnchor="middle">
            no data yet
          </text>
        )}
      </svg>
      <span className="sr-only">{series.map((s) => `${s.name}: ${s.ys.length ? formatValue(s.ys[s.ys.length - 1]) : '–'}`).join(', ')}</span>
    </div>
  );
}
