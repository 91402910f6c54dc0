import { Group } from '@visx/group';
import { Bar, Line } from '@visx/shape';
import { useRef } from 'react';
import { linear, useWidth } from './frame.ts';

export interface BarChartProps {
  title: string;
  bars: readonly { label: string; value: number; text: string }[];
  color?: string;
  height?: number;
}

const MARGIN = { top: 22, right: 8, bottom: 28, left: 8 };

/** A distribution: one bar per answer, its count or share printed above it (the numbers, not only the heights). */
export function BarChart({ title, bars, color = '#3a3fbf', height = 200 }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const y = linear([0, max], [inner.h, 0]);
  const slot = bars.length > 0 ? inner.w / bars.length : 0;
  const barWidth = Math.min(64, slot * 0.7);
  return (
    <div className="fx-chart" ref={box}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <Line from={{ x: 0, y: inner.h }} to={{ x: inner.w, y: inner.h }} className="fx-chart__axis" />
          {bars.map((b, i) => {
            const cx = slot * i + slot / 2;
            return (
              <g key={b.label}>
                <Bar
                  x={cx - barWidth / 2}
                  y={y(b.value)}
                  width={barWidth}
                  height={inner.h - y(b.value)}
                  fill={color}
                  rx={3}
                />
                <text x={cx} y={y(b.value) - 6} textAnchor="middle" className="fx-chart__label">
                  {b.text}
                </text>
                <text x={cx} y={inner.h + 18} textAnchor="middle" className="fx-chart__tick">
                  {b.label}
                </text>
              </g>
            );
          })}
        </Group>
      </svg>
    </div>
  );
}
