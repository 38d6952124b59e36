// Why this file exists: the validation report's figures, as plain SVG strings: line charts (axes
// with units, legend, log axes, target bands, ribbons, reference lines), heatmaps (kymographs with
// a viridis colour bar, or maps of categories with a legend), horizontal bar charts and bars with
// confidence intervals (sensitivity indices). No DOM, no Node, no dependencies; the output
// depends only on the input (no dates, no random ids, numbers printed with fixed precision), so
// re-running the validation gives byte-identical files. This file is the index: the chart
// builders live one type per file (line-chart.ts, heatmap.ts, bar-chart.ts,
// interval-bar-chart.ts) over what they share (axes.ts: escaping, ticks, scales, frame; colours.ts).
export { type Axis, axisTitle, type Band, esc, fmtTick, linearTicks, logTicks, type Rule, type Series } from './axes';
export { type Bar, type BarChartOptions, barChart } from './bar-chart';
export { PALETTE, viridis } from './colours';
export { binGrid, type HeatmapOptions, heatmap, pickGrid } from './heatmap';
export { type Estimate, type IntervalBarChartOptions, type IntervalRow, intervalBarChart } from './interval-bar-chart';
export { type LineChartOptions, lineChart, type Note, type Ribbon } from './line-chart';
