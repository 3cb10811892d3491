// Numerical differentiation beside autodiff: the error of forward and central differences
// against the exact derivative as the step ε shrinks, on log-log axes. Right of the dip the
// truncation error falls with ε (slope 1 and 2); left of it round-off grows as 1/ε.
import { prettyName, type FiniteDifferenceStudy } from '../../engine/lesson/index.js';
import { formatValue, powerOfTen } from './format.js';
import { decadeRange, decadeTicks, logMap, logPolylines, pointsAttribute } from './logScale.js';

const WIDTH = 620;
const HEIGHT = 360;
const MARGIN = { left: 72, right: 16, top: 14, bottom: 50 };

/** The plot and its caption for one study. */
export function FiniteDifferencePlot({ study }: { study: FiniteDifferenceStudy }) {
  const errors = study.points.flatMap((p) => [p.forwardError, p.centralError, p.forwardModel, p.centralModel]);
  const yRange = decadeRange(errors, -18) ?? { lo: -16, hi: 0 };
  const xRange = decadeRange(study.points.map((p) => p.epsilon)) ?? { lo: -16, hi: -1 };
  const x = logMap(xRange.lo, xRange.hi, MARGIN.left, WIDTH - MARGIN.right);
  const y = logMap(yRange.lo, yRange.hi, HEIGHT - MARGIN.bottom, MARGIN.top);
  const yMin = 10 ** yRange.lo;
  const series = (pick: (p: (typeof study.points)[number]) => number) =>
    logPolylines(
      study.points.map((p) => ({ x: p.epsilon, y: pick(p) })),
      yMin,
    ).map((line) => pointsAttribute(line.map((p) => ({ x: x(p.x), y: y(p.y) }))));
  const name = `∂${prettyName(study.output)}/∂${prettyName(study.input)}`;
  const exactZero = study.points.every((p) => p.forwardError === 0 && p.centralError === 0);
  return (
    <figure className="lesson-figure">
      <svg className="lesson-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`finite-difference error of ${name} against the step`}>
        <g className="lesson-plot__grid">
          {decadeTicks(xRange.lo, xRange.hi, 6).map((t) => (
            <g key={`x${t.exponent}`}>
              <line x1={x(10 ** t.exponent)} x2={x(10 ** t.exponent)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
              {t.labelled && (
                <text x={x(10 ** t.exponent)} y={HEIGHT - MARGIN.bottom + 22} textAnchor="middle">
                  {powerOfTen(t.exponent)}
                </text>
              )}
            </g>
          ))}
          {decadeTicks(yRange.lo, yRange.hi, 6).map((t) => (
            <g key={`y${t.exponent}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(10 ** t.exponent)} y2={y(10 ** t.exponent)} />
              {t.labelled && (
                <text x={MARGIN.left - 8} y={y(10 ** t.exponent)} textAnchor="end" dominantBaseline="central">
                  {powerOfTen(t.exponent)}
                </text>
              )}
            </g>
          ))}
        </g>
        <text className="lesson-plot__axis" x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          step ε
        </text>
        <text className="lesson-plot__axis" transform={`translate(16,${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          |error|
        </text>
        {series((p) => p.forwardModel).map((d, i) => (
          <polyline key={`fm${i}`} className="lesson-series lesson-series--forward lesson-series--model" points={d} />
        ))}
        {series((p) => p.centralModel).map((d, i) => (
          <polyline key={`cm${i}`} className="lesson-series lesson-series--central lesson-series--model" points={d} />
        ))}
        {series((p) => p.forwardError).map((d, i) => (
          <polyline key={`f${i}`} className="lesson-series lesson-series--forward" data-series="forward" points={d} />
        ))}
        {series((p) => p.centralError).map((d, i) => (
          <polyline key={`c${i}`} className="lesson-series lesson-series--central" data-series="central" points={d} />
        ))}
        <text className="lesson-plot__note" x={MARGIN.left + 10} y={HEIGHT - MARGIN.bottom - 10}>
          ← round-off ∝ 1/ε
        </text>
        <text className="lesson-plot__note" x={WIDTH - MARGIN.right - 10} y={HEIGHT - MARGIN.bottom - 10} textAnchor="end">
          truncation ∝ ε, ε² →
        </text>
      </svg>
      <Legend />
      <figcaption className="lesson-caption">
        {exactZero ? (
          <>Both differences are exact here for every step: {name} is constant along {prettyName(study.input)}.</>
        ) : (
          <>
            {name} = {formatValue(study.exact)} exactly (autodiff). Best forward step ε ≈ {formatValue(study.best.forward.epsilon, 2)} (error {formatValue(study.best.forward.error, 2)}), best
            central ε ≈ {formatValue(study.best.central.epsilon, 2)} (error {formatValue(study.best.central.error, 2)}): near √u and ∛u, where truncation meets round-off.
          </>
        )}
      </figcaption>
    </figure>
  );
}

function Legend() {
  return (
    <div className="lesson-legend-row lesson-plot-legend">
      <span className="lesson-swatch lesson-swatch--forward">forward (f(x+ε) − f(x))/ε</span>
      <span className="lesson-swatch lesson-swatch--central">central (f(x+ε) − f(x−ε))/2ε</span>
      <span className="lesson-swatch lesson-swatch--model">model: truncation + round-off</span>
    </div>
  );
}
