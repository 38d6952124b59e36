// The report's SVG builders: well-formed, axis titles with units, legends, log axes, heatmaps
// binned to at most 200 x 150 cells with a labelled colour bar, and byte-identical on re-run.
import { describe, expect, it } from 'vitest';
import { barChart, binGrid, esc, heatmap, lineChart, linearTicks, logTicks, pickGrid, viridis } from '../../src/report/svg';
import { svgProblems } from './svg-check';

const chart = () =>
  lineChart({
    title: 'Speed <vs> dose & more',
    x: { label: 'erastin', unit: 'uM', log: true },
    y: { label: 'front speed', unit: 'um/min' },
    series: [
      {
        name: 'model',
        points: [
          [0.3, 0],
          [1.25, 2.1],
          [10, 5.4],
        ],
        marker: 'circle',
      },
      {
        name: 'gap',
        points: [
          [1, Number.NaN],
          [2, 3],
        ],
        dash: true,
      },
    ],
    ribbons: [
      {
        name: 'target band',
        points: [
          [1, 4, 6],
          [10, 4.5, 6.5],
        ],
      },
    ],
    bands: [{ axis: 'x', from: 0.6, to: 1.25, label: 'threshold' }],
    rules: [{ axis: 'y', at: 5.5, label: 'Co et al.' }],
    notes: [{ x: 10, y: 5.4, label: 'here' }],
  });

describe('lineChart', () => {
  it('is well-formed SVG with the title, axis titles with units, and every legend entry', () => {
    const svg = chart();
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain('Speed &lt;vs&gt; dose &amp; more');
    expect(svg).toContain('>erastin (uM)</text>');
    expect(svg).toContain('>front speed (um/min)</text>');
    for (const name of ['model', 'gap', 'target band', 'threshold']) expect(svg).toContain(`>${name}</text>`);
  });

  it('puts decade ticks on a log axis and is byte-identical when re-run', () => {
    const svg = chart();
    for (const t of ['>0.3<', '>1<', '>3<', '>10<']) expect(svg).toContain(t);
    expect(chart()).toBe(svg);
  });

  it('survives empty and degenerate input', () => {
    const svg = lineChart({ title: 't', x: { label: 'time', unit: 'min' }, y: { label: 'v', unit: '1' }, series: [{ name: 'flat', points: [[1, 2]] }] });
    expect(svgProblems(svg)).toEqual([]);
    expect(svgProblems(lineChart({ title: 't', x: { label: 'a', unit: 'b' }, y: { label: 'c', unit: 'd', log: true }, series: [] }))).toEqual([]);
  });
});

describe('heatmap', () => {
  const data = Array.from({ length: 181 }, (_, t) =>
    Float64Array.from({ length: 400 }, (_, x) => (x * 20 < (t - 72) * 5.5 * 5 ? 1 : x >= 100 && x < 102 ? Number.NaN : 0)),
  );
  const map = () =>
    heatmap({
      title: 'Kymograph',
      x: { label: 'distance along the dish', unit: 'um', domain: [0, 8000] },
      y: { label: 'time', unit: 'min', domain: [-2.5, 902.5] },
      color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] },
      data,
      bands: [{ axis: 'x', from: 2000, to: 2040, label: '40 um gap' }],
      overlays: [
        {
          name: 'fit',
          points: [
            [100, 360],
            [3000, 900],
          ],
          dash: true,
        },
      ],
    });

  it('is well-formed SVG with axis titles, the colour bar label and unit', () => {
    const svg = map();
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain('>distance along the dish (um)</text>');
    expect(svg).toContain('>time (min)</text>');
    expect(svg).toContain('>fraction dying or dead (1)</text>');
    expect(svg).toContain('>40 um gap</text>');
    expect(svg).toContain(viridis(1 - 0.5 / 64));
    expect(svg).toContain('#d9d9d9'); // missing data
    expect(map()).toBe(svg);
    expect(svg.length).toBeLessThan(200_000);
  });

  it('bins to at most the requested cells, averaging and ignoring NaN', () => {
    const g = binGrid(data, 150, 200);
    expect(g.length).toBeLessThanOrEqual(150);
    expect(g[0].length).toBeLessThanOrEqual(200);
    expect(binGrid([[1, Number.NaN, 3, 5]], 1, 2)).toEqual([[1, 4]]);
    expect(binGrid([[Number.NaN, Number.NaN]], 1, 1)[0][0]).toBeNaN();
  });
});

describe('categorical heatmap', () => {
  const cats = [
    { value: 0, label: 'empty', color: '#f4f4f4' },
    { value: 1, label: 'alive & well', color: '#0072b2' },
    { value: 3, label: 'dead', color: '#000000' },
  ];
  const data = Array.from({ length: 150 }, (_, y) =>
    Float64Array.from({ length: 150 }, (_, x) => ((x - 75) ** 2 + (y - 75) ** 2 < 900 ? 3 : x < 20 ? 0 : x === 100 ? 7 : 1)),
  );
  const map = () =>
    heatmap({
      title: 'Fate',
      x: { label: 'x', unit: 'um', domain: [0, 3000] },
      y: { label: 'y', unit: 'um', domain: [0, 3000] },
      color: { label: 'fate', unit: 'code' },
      categories: cats,
      data,
      width: 692,
      height: 506,
    });

  it('draws each code in its colour with a legend instead of a colour bar', () => {
    const svg = map();
    expect(svgProblems(svg)).toEqual([]);
    for (const c of cats) expect(svg).toContain(`fill="${c.color}"`);
    expect(svg).toContain('>alive &amp; well</text>');
    expect(svg).toContain('#d9d9d9'); // a code without a category is drawn as missing
    expect(svg).not.toContain('fate (code)');
    expect(map()).toBe(svg);
  });

  it('keeps one cell per block instead of averaging codes', () => {
    expect(
      pickGrid(
        [
          [1, 3, 5, 7],
          [2, 4, 6, 8],
        ],
        1,
        2,
      ),
    ).toEqual([[1, 5]]);
  });
});

describe('barChart', () => {
  const bars = () =>
    barChart({
      title: 'Speeds <by> drug',
      x: { label: 'front speed', unit: 'um/min' },
      bars: [
        { label: 'untreated', value: 5.4, note: '5.40' },
        { label: 'DFO 100 uM', value: Number.NaN, note: 'no wave' },
        { label: 'FAC 5 uM', value: 5.7, color: '#e69f00' },
      ],
      rules: [{ axis: 'x', at: 5.4, label: 'untreated' }],
      bands: [{ axis: 'x', from: 0, to: 3.78, label: '< 0.7 x' }],
    });
  it('is well-formed with labels, notes, rules and the axis title', () => {
    const svg = bars();
    expect(svgProblems(svg)).toEqual([]);
    for (const t of ['>untreated</text>', '>DFO 100 uM</text>', '>no wave</text>', '>front speed (um/min)</text>', 'Speeds &lt;by&gt; drug'])
      expect(svg).toContain(t);
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="14"/g)).toHaveLength(2); // no bar without a value
    expect(bars()).toBe(svg);
  });
  it('survives no bars', () => {
    expect(svgProblems(barChart({ title: 't', x: { label: 'v', unit: '1' }, bars: [] }))).toEqual([]);
  });
});

describe('helpers', () => {
  it('viridis runs from dark purple to yellow', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(Number.NaN)).toBe('#440154');
  });
  it('ticks are round numbers covering the range', () => {
    expect(linearTicks(0, 7)).toEqual([0, 2, 4, 6]);
    expect(linearTicks(0.2, 0.9)).toEqual([0.2, 0.4, 0.6, 0.8]); // no 0.6000000000000001
    expect(linearTicks(-2.5, 902.5)).toEqual([0, 200, 400, 600, 800]);
    expect(logTicks(0.1, 15)).toEqual([0.1, 0.3, 1, 3, 10]);
    expect(logTicks(0.2, 15)).toEqual([0.3, 1, 3, 10]);
    expect(logTicks(0.05, 0.5)).toEqual([0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(1, 1.5).length).toBeGreaterThan(1);
  });
  it('escapes markup', () => {
    expect(esc('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
  });
});
