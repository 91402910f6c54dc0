import { Group } from '@visx/group';
import { Circle, Line } from '@visx/shape';
import { useRef } from 'react';
import { linear, spreadLabels, ticks, useWidth } from './frame.ts';

export interface QuadrantPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  highlight?: boolean;
}

export interface QuadrantChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly QuadrantPoint[];
  /** Where the quadrants split (the means). */
  split: { x: number; y: number };
  /** Names of the quadrants: top-left, top-right, bottom-left, bottom-right. */
  quadrants: readonly [string, string, string, string];
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 40, left: 44 };

/** Points in a plane split into four quadrants (e.g. importance × performance), one point highlighted. */
export function QuadrantChart({ title, xLabel, yLabel, points, split, quadrants, height = 300 }: QuadrantChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const values = [...points.flatMap((p) => [p.x, p.y]), split.x, split.y];
  // Zoom on where the points are, in steps of 10, so that close dimensions stay apart.
  const lo = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  const x = linear([lo, hi], [0, inner.w]);
  const y = linear([lo, hi], [inner.h, 0]);
  const corner = 'fx-chart__quadrant';
  // Labels go right of a point on the left part of the plane, left of it otherwise; each side kept apart.
  const right = (p: QuadrantPoint) => x(p.x) < inner.w * 0.6;
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
  return (
    <div className="fx-chart" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <rect width={inner.w} height={inner.h} className="fx-chart__plane" />
          {ticks(lo, hi, 10).map((t) => (
            <g key={t}>
              <text x={x(t)} y={inner.h + 16} textAnchor="middle" className="fx-chart__tick">
                {t}
              </text>
              <text x={-8} y={y(t)} dy="0.32em" textAnchor="end" className="fx-chart__tick">
                {t}
              </text>
            </g>
          ))}
          <Line from={{ x: x(split.x), y: 0 }} to={{ x: x(split.x), y: inner.h }} className="fx-chart__split" />
          <Line from={{ x: 0, y: y(split.y) }} to={{ x: inner.w, y: y(split.y) }} className="fx-chart__split" />
          <text x={6} y={14} className={corner}>
            {quadrants[0]}
          </text>
          <text x={inner.w - 6} y={14} textAnchor="end" className={corner}>
            {quadrants[1]}
          </text>
          <text x={6} y={inner.h - 8} className={corner}>
            {quadrants[2]}
          </text>
          <text x={inner.w - 6} y={inner.h - 8} textAnchor="end" className={corner}>
            {quadrants[3]}
          </text>
          {[...points]
            .sort((a, b) => Number(a.highlight ?? false) - Number(b.highlight ?? false))
            .map((p) => {
              const onRight = right(p);
              return (
                <g key={p.id} className={p.highlight ? 'fx-chart__point fx-chart__point--on' : 'fx-chart__point'}>
                  <Circle cx={x(p.x)} cy={y(p.y)} r={p.highlight ? 7 : 5} />
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
            transform={`translate(${-34}, ${inner.h / 2}) rotate(-90)`}
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
