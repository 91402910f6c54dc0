import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';
import { BulletChart } from './BulletChart.tsx';
import { linear, spreadLabels, ticks } from './frame.ts';
import { LineChart } from './LineChart.tsx';
import { QuadrantChart } from './QuadrantChart.tsx';
import { ScatterChart } from './ScatterChart.tsx';

describe('chart arithmetic', () => {
  it('maps a domain onto a range, upside down for a y axis', () => {
    const y = linear([0, 100], [200, 0]);
    expect([y(0), y(25), y(100)]).toEqual([200, 150, 0]);
    expect(linear([5, 5], [0, 10])(5)).toBe(5);
    expect(ticks(0, 100, 25)).toEqual([0, 25, 50, 75, 100]);
  });

  it('spreads colliding labels apart around where they wanted to be, leaving the others alone', () => {
    expect(spreadLabels([100, 10, 104], 14)).toEqual([95, 10, 109]);
    expect(spreadLabels([0, 50], 14)).toEqual([0, 50]);
  });
});

describe('LineChart', () => {
  const html = renderToStaticMarkup(
    <LineChart
      title="Recognition across waves"
      categories={['W1', 'W2', 'W3']}
      series={[
        { id: 'lived', label: 'Lived', values: [40, null, 60], color: '#3a3fbf' },
        { id: 'expected', label: 'Expected', values: [70, 72, 75], color: '#0d7a73', dash: '6 4' },
      ]}
      references={[{ label: 'Target', value: 80, color: '#566070' }]}
      format={(v) => String(v)}
    />,
  );

  it('is an image named by its title, with a legend in words', () => {
    expect(html).toContain('role="img" aria-label="Recognition across waves"');
    expect(html).toContain('</svg>Lived</li>');
    expect(html).toContain('</svg>Target</li>');
  });

  it('draws a point for each shown value only and labels the last one', () => {
    expect(html.match(/<circle/g)).toHaveLength(5); // 2 lived (one withheld) + 3 expected
    expect(html).toContain('>60</text>');
    expect(html).toContain('>75</text>');
  });
});

describe('BarChart', () => {
  it('prints every bar’s figure, not only its height', () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Distribution"
        bars={[
          { label: '1', value: 2, text: '10 %' },
          { label: '5', value: 8, text: '40 %' },
        ]}
      />,
    );
    expect(html).toContain('>10 %</text>');
    expect(html).toContain('>40 %</text>');
    expect(html.match(/<rect/g)).toHaveLength(2);
  });
});

describe('QuadrantChart', () => {
  it('names the quadrants and every point, the highlighted one marked', () => {
    const html = renderToStaticMarkup(
      <QuadrantChart
        title="Importance and performance"
        xLabel="Importance"
        yLabel="Performance"
        points={[
          { id: 'a', label: 'Workload', x: 70, y: 45, highlight: true },
          { id: 'b', label: 'Tools', x: 60, y: 65 },
        ]}
        split={{ x: 65, y: 55 }}
        quadrants={['Possible overkill', 'Keep up', 'Low priority', 'Concentrate here']}
      />,
    );
    for (const text of ['Workload', 'Tools', 'Possible overkill', 'Concentrate here'])
      expect(html).toContain(`>${text}</text>`);
    expect(html).toContain('fx-chart__point--on');
  });
});

describe('BulletChart', () => {
  const html = renderToStaticMarkup(
    <BulletChart
      title="Lived against target"
      valueLabel="Lived"
      markerLabel="Target"
      rows={[
        { id: 'a', label: 'Workload', value: 40, marker: 65, text: '40 · n = 20' },
        { id: 'b', label: 'Tools', value: null, marker: null, text: 'Hidden' },
      ]}
    />,
  );

  it('is an image named by its title, with every row’s label and figure in words', () => {
    expect(html).toContain('role="img" aria-label="Lived against target"');
    for (const text of ['Workload', '40 · n = 20', 'Tools', 'Hidden']) expect(html).toContain(`>${text}</text>`);
  });

  it('draws a bar for a shown value only, and a mark where there is a target', () => {
    // Two tracks, one value bar (fallback width 600: 40 → 240 px), one target mark at 65 → 390 px.
    expect(html.match(/<rect/g)).toHaveLength(3 + 1); // + the legend's swatch
    expect(html).toContain('width="240"');
    expect(html).toContain('x1="390"');
    expect(html).toContain('</svg>Target</li>');
  });

  it('leaves the target out of the legend when no row has one', () => {
    const none = renderToStaticMarkup(
      <BulletChart
        title="t"
        valueLabel="Lived"
        markerLabel="Target"
        rows={[{ id: 'a', label: 'A', value: 10, marker: null, text: '10' }]}
      />,
    );
    expect(none).not.toContain('Target');
  });
});

describe('ScatterChart', () => {
  it('labels every unit and zooms each axis within its bounds', () => {
    const html = renderToStaticMarkup(
      <ScatterChart
        title="Recognition and NPS by site"
        xLabel="Recognition"
        yLabel="NPS"
        xBounds={[0, 100]}
        yBounds={[-100, 100]}
        fit
        points={[
          { id: 'lyon', label: 'Lyon', x: 83.3, y: 40 },
          { id: 'lille', label: 'Lille', x: 41.7, y: -60 },
        ]}
      />,
    );
    for (const text of ['Lyon', 'Lille', 'Recognition', 'NPS']) expect(html).toContain(`>${text}</text>`);
    // x from 30 to 90 in tens; y spans 100 points, so in twenties from −80 to 60; never past the bounds.
    expect(html).toContain('>30</text>');
    expect(html).toContain('>90</text>');
    expect(html).toContain('>-80</text>');
    expect(html).not.toContain('>100</text>');
    expect(html.match(/<line/g)?.length).toBe(1);
  });
});
