import { Group } from '@visx/group';
import { Circle, Line } from '@visx/shape';
import { useRef } from 'react';
import { linear, spreadLabels, ticks, useWidth } from './frame.ts';

export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
}

export interface ScatterChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly ScatterPoint[];
  /** The widest each axis may go (a 0–100 index, −100…100 for NPS); the view zooms on the points within it. */
  xBounds: readonly [number, number];
  yBounds: readonly [number, number];
  /** Draws the least-squares line through the points (when they vary along x). */
  fit?: boolean;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 40, left: 48 };

/** The axis zoomed on the values, in steps of 10 (20 over a range wider than 100), within its bounds. */
function axisOf(values: readonly number[], bounds: readonly [number, number]) {
  const span = Math.max(...values) - Math.min(...values);
  const step = span > 80 ? 20 : 10;
  const lo = Math.max(bounds[0], Math.floor((Math.min(...values) - 5) / step) * step);
  const hi = Math.min(bounds[1], Math.ceil((Math.max(...values) + 5) / step) * step);
  return { lo, hi: hi > lo ? hi : lo + step, step };
}

function leastSquares(points: readonly ScatterPoint[]): { slope: number; intercept: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Labelled points on two axes of their own (one unit per point: a site, a store), with an optional fitted line. */
export function ScatterChart({
  title,
  xLabel,
  yLabel,
  points,
  xBounds,
  yBounds,
  fit,
  height = 320,
}: ScatterChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const ax = axisOf(
    points.map((p) => p.x),
    xBounds,
  );
  const ay = axisOf(
    points.map((p) => p.y),
    yBounds,
  );
  const x = linear([ax.lo, ax.hi], [0, inner.w]);
  const y = linear([ay.lo, ay.hi], [inner.h, 0]);
  const line = fit ? leastSquares(points) : null;
  // Labels go right of a point on the left part of the plane, left of it otherwise; each side kept apart.
  const right = (p: ScatterPoint) => x(p.x) < inner.w * 0.6;
  const labelY = new Map<string, number>();
  for (const side of [true, false]) {
    const group = points.filter((p) => right(p) === side);
    const ys = spreadLabels(
      group.map((p) => y(p.y)),
      15,
    );
    group.forEach((p, i) => {
      labelY.set(p.id, ys[i] as number);
    });
  }
  const clampY = (v: number) => Math.max(0, Math.min(inner.h, v));
  return (
    <div className="fx-chart" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <rect width={inner.w} height={inner.h} className="fx-chart__plane" />
          {ticks(ax.lo, ax.hi, ax.step).map((t) => (
            <text key={`x${t}`} x={x(t)} y={inner.h + 16} textAnchor="middle" className="fx-chart__tick">
              {t}
            </text>
          ))}
          {ticks(ay.lo, ay.hi, ay.step).map((t) => (
            <text key={`y${t}`} x={-8} y={y(t)} dy="0.32em" textAnchor="end" className="fx-chart__tick">
              {t}
            </text>
          ))}
          {line ? (
            <Line
              from={{ x: 0, y: clampY(y(line.intercept + line.slope * ax.lo)) }}
              to={{ x: inner.w, y: clampY(y(line.intercept + line.slope * ax.hi)) }}
              className="fx-chart__split"
            />
          ) : null}
          {points.map((p) => {
            const onRight = right(p);
            return (
              <g key={p.id} className="fx-chart__point">
                <Circle cx={x(p.x)} cy={y(p.y)} r={5} />
                <text
                  x={x(p.x) + (onRight ? 10 : -10)}
                  y={labelY.get(p.id) ?? y(p.y)}
                  dy="0.32em"
                  textAnchor={onRight ? 'start' : 'end'}
                  className="fx-chart__label"
                >
                  {p.label}
                </text>
              </g>
            );
          })}
          <text x={inner.w / 2} y={inner.h + 34} textAnchor="middle" className="fx-chart__axis-label">
            {xLabel}
          </text>
          <text
            transform={`translate(${-38}, ${inner.h / 2}) rotate(-90)`}
            textAnchor="middle"
            className="fx-chart__axis-label"
          >
            {yLabel}
          </text>
        </Group>
      </svg>
    </div>
  );
}
