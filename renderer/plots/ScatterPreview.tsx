// A small scatter plot of the first two model inputs, coloured by class (test samples hollow),
// over the model's decision regions when a run of this data is training or trained.
import { useMemo } from 'react';
import type { RegionGrid } from '../../engine/analysis/decisionRegions.js';
import type { DataPreview } from '../../workers/data.js';
import { formatValue } from '../format/ticks.js';
import { CLASS_COLORS } from '../state/options.js';
import { regionImageUrl } from './regionImage.js';
import { extent, linear, ticksOf } from './scale.js';

interface ScatterPreviewProps {
  preview: DataPreview;
  classNames: string[];
  loading: boolean;
  /** The current run's decision regions over these inputs, if any. */
  regions?: RegionGrid | null;
}

const WIDTH = 268;
const HEIGHT = 196;
const M = { left: 34, right: 8, top: 8, bottom: 30 };

/** The preview of a prepared data set, in standardized units. */
export function ScatterPreview({ preview, classNames, loading, regions = null }: ScatterPreviewProps) {
  const layout = useMemo(() => {
    const xr = extent(preview.x, 0.06) ?? { min: -1, max: 1 };
    const yr = extent(preview.y, 0.06) ?? { min: -1, max: 1 };
    return { xr, yr, sx: linear(xr.min, xr.max, M.left, WIDTH - M.right), sy: linear(yr.min, yr.max, HEIGHT - M.bottom, M.top) };
  }, [preview]);
  const { xr, yr, sx, sy } = layout;
  const regionUrl = useMemo(() => regions && regionImageUrl(regions, CLASS_COLORS), [regions]);
  const points = Array.from(preview.x, (x, k) => {
    const label = preview.label[k];
    const color = label >= 0 ? CLASS_COLORS[label % CLASS_COLORS.length] : '#35b779';
    const test = preview.test[k] === 1;
    return <circle key={k} cx={sx(x)} cy={sy(preview.y[k])} r={2.4} fill={test ? 'none' : color} stroke={color} strokeWidth={test ? 1.1 : 0.4} />;
  });
  return (
    <figure className="scatter" data-state={loading ? 'loading' : 'ready'} data-points={preview.x.length} data-regions={regions ? 'shown' : 'none'}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`scatter plot of ${preview.xName} against ${preview.yName}`}>
        <clipPath id="scatter-frame">
          <rect x={M.left} y={M.top} width={WIDTH - M.left - M.right} height={HEIGHT - M.top - M.bottom} />
        </clipPath>
        {regions && regionUrl && (
          <image
            className="scatter__regions"
            href={regionUrl}
            x={sx(regions.x.min)}
            y={sy(regions.y.max)}
            width={sx(regions.x.max) - sx(regions.x.min)}
            height={sy(regions.y.min) - sy(regions.y.max)}
            preserveAspectRatio="none"
            clipPath="url(#scatter-frame)"
          />
        )}
        <rect x={M.left} y={M.top} width={WIDTH - M.left - M.right} height={HEIGHT - M.top - M.bottom} className="plot__frame" />
        {ticksOf(xr).map((t) => (
          <g key={`x${t}`}>
            <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={HEIGHT - M.bottom} className="plot__grid" />
            <text x={sx(t)} y={HEIGHT - M.bottom + 12} className="plot__tick" textAnchor="middle">
              {formatValue(t)}
            </text>
          </g>
        ))}
        {ticksOf(yr).map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={WIDTH - M.right} y1={sy(t)} y2={sy(t)} className="plot__grid" />
            <text x={M.left - 4} y={sy(t) + 3} className="plot__tick" textAnchor="end">
              {formatValue(t)}
            </text>
          </g>
        ))}
        <g>{points}</g>
        <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4} className="plot__axis-title" textAnchor="middle">
          {preview.xName}
        </text>
        <text transform={`translate(10 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} className="plot__axis-title" textAnchor="middle">
          {preview.yName}
        </text>
      </svg>
      {classNames.length > 0 && (
        <figcaption className="legend">
          {classNames.slice(0, 10).map((name, k) => (
            <span key={name} className="legend__item">
              <span className="legend__swatch" style={{ background: CLASS_COLORS[k % CLASS_COLORS.length] }} />
              {name}
            </span>
          ))}
          <span className="legend__item legend__item--muted">○ test</span>
        </figcaption>
      )}
    </figure>
  );
}
