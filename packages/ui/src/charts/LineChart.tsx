import { Group } from '@visx/group';
import { Circle, Line, LinePath } from '@visx/shape';
import { useRef } from 'react';
import { linear, spreadLabels, ticks, useWidth } from './frame.ts';

export interface LineSeries {
  id: string;
  label: string;
  /** One value per category; null where the figure is withheld or missing (the line breaks there). */
  values: readonly (number | null)[];
  color: string;
  /** A dash pattern tells the series apart without colour. */
  dash?: string;
}

export interface LineChartProps {
  /** What the chart shows, for assistive technology (the data table beside it carries the figures). */
  title: string;
  categories: readonly string[];
  series: readonly LineSeries[];
  /** Horizontal lines such as an intended target. */
  references?: readonly { label: string; value: number; color: string }[];
  format: (value: number) => string;
  domain?: readonly [number, number];
  height?: number;
}

const MARGIN = { top: 16, right: 56, bottom: 32, left: 36 };

/** Values across ordered categories (waves): lines with points, the last value labelled, gaps where withheld. */
export function LineChart({
  title,
  categories,
  series,
  references = [],
  format,
  domain = [0, 100],
  height = 240,
}: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const step = categories.length > 1 ? inner.w / (categories.length - 1) : 0;
  const x = (i: number) => (categories.length > 1 ? i * step : inner.w / 2);
  const y = linear(domain, [inner.h, 0]);
  // On a narrow chart, label every other wave so the names do not collide.
  const every = Math.max(1, Math.ceil((categories.length * 64) / Math.max(inner.w, 1)));
  // The last value of each series and each reference is labelled at the right; keep those labels apart.
  const ends = [
    ...series.map((s) => {
      const i = s.values.findLastIndex((v) => v !== null);
      return i < 0 ? null : { key: s.id, x: x(i), value: s.values[i] as number, color: s.color };
    }),
    ...references.map((r) => ({ key: `ref-${r.label}`, x: inner.w, value: r.value, color: r.color })),
  ].filter((e) => e !== null);
  const endYs = spreadLabels(
    ends.map((e) => y(e.value)),
    14,
  );
  return (
    <div className="fx-chart" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks(domain[0], domain[1], (domain[1] - domain[0]) / 4).map((t) => (
            <g key={t}>
              <Line from={{ x: 0, y: y(t) }} to={{ x: inner.w, y: y(t) }} className="fx-chart__grid" />
              <text x={-8} y={y(t)} dy="0.32em" textAnchor="end" className="fx-chart__tick">
                {format(t)}
              </text>
            </g>
          ))}
          {categories.map((c, i) =>
            i % every === 0 || i === categories.length - 1 ? (
              <text key={c} x={x(i)} y={inner.h + 20} textAnchor="middle" className="fx-chart__tick">
                {c}
              </text>
            ) : null,
          )}
          {references.map((r) => (
            <g key={r.label}>
              <Line
                from={{ x: 0, y: y(r.value) }}
                to={{ x: inner.w, y: y(r.value) }}
                stroke={r.color}
                strokeWidth={2}
                strokeDasharray="2 4"
              />
            </g>
          ))}
          {series.map((s) => {
            const points = s.values.map((v, i) => ({ i, v }));
            return (
              <g key={s.id}>
                <LinePath
                  data={points}
                  x={(p) => x(p.i)}
                  y={(p) => y(p.v ?? 0)}
                  defined={(p) => p.v !== null}
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeDasharray={s.dash}
                />
                {points.map((p) =>
                  p.v === null ? null : <Circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={3.5} fill={s.color} />,
                )}
              </g>
            );
          })}
          {ends.map((e, i) => (
            <text key={e.key} x={e.x + 8} y={endYs[i]} dy="0.32em" className="fx-chart__label" fill={e.color}>
              {format(e.value)}
            </text>
          ))}
        </Group>
      </svg>
      <ul className="fx-chart__legend">
        {series.map((s) => (
          <li key={s.id}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </li>
        ))}
        {references.map((r) => (
          <li key={r.label}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" stroke={r.color} strokeWidth="2" strokeDasharray="2 4" />
            </svg>
            {r.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
