import { Bar, Line } from '@visx/shape';
import { useRef } from 'react';
import { linear, useWidth } from './frame.ts';

export interface BulletRow {
  id: string;
  label: string;
  /** The bar, on the 0–100 domain; null when withheld or missing (`text` then says why). */
  value: number | null;
  /** A mark on the bar, such as the intended target; null for none. */
  marker: number | null;
  /** The figure in words at the row's end, e.g. "52.4 · n = 94" or "Hidden". */
  text: string;
}

export interface BulletChartProps {
  /** What the chart shows, for assistive technology (a table beside it carries the figures). */
  title: string;
  rows: readonly BulletRow[];
  /** The legend of the mark (e.g. "Target"); omitted when no row has one. */
  markerLabel: string;
  /** The legend of the bar (e.g. "Lived"). */
  valueLabel: string;
  color?: string;
  markerColor?: string;
}

const ROW = 38;
const BAR = 12;
const TOP = 4;

/**
 * One horizontal bar per row on a fixed 0–100 scale, with a mark (the target) across it: how far each dimension
 * is from where it should be, at a glance. The label sits above its bar and the figure at the row's end, so the
 * chart reads at a phone's width without shrinking its text.
 */
export function BulletChart({
  title,
  rows,
  markerLabel,
  valueLabel,
  color = '#3a3fbf',
  markerColor = '#1f2430',
}: BulletChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const x = linear([0, 100], [0, width]);
  const height = TOP + rows.length * ROW;
  const anyMarker = rows.some((r) => r.marker !== null);
  return (
    <div className="fx-chart fx-chart--bullet" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {rows.map((r, i) => {
          const top = TOP + i * ROW;
          const barY = top + 18;
          return (
            <g key={r.id}>
              <text x={0} y={top + 11} className="fx-chart__tick fx-chart__row-label">
                {r.label}
              </text>
              <text x={width} y={top + 11} textAnchor="end" className="fx-chart__label">
                {r.text}
              </text>
              <Bar x={0} y={barY} width={width} height={BAR} rx={3} className="fx-chart__track" />
              {r.value === null ? null : (
                <Bar x={0} y={barY} width={Math.max(0, x(r.value))} height={BAR} rx={3} fill={color} />
              )}
              {r.marker === null ? null : (
                <Line
                  from={{ x: x(r.marker), y: barY - 4 }}
                  to={{ x: x(r.marker), y: barY + BAR + 4 }}
                  stroke={markerColor}
                  strokeWidth={2.5}
                />
              )}
            </g>
          );
        })}
      </svg>
      <ul className="fx-chart__legend">
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <rect x="0" y="1" width="28" height="8" rx="2" fill={color} />
          </svg>
          {valueLabel}
        </li>
        {anyMarker ? (
          <li>
            <svg width="28" height="14" aria-hidden="true">
              <line x1="14" y1="0" x2="14" y2="14" stroke={markerColor} strokeWidth="2.5" />
            </svg>
            {markerLabel}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
