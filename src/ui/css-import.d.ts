// Why this file exists: types the stylesheets the page's modules import for their side effect
// (uPlot's, time-chart.ts), which vite bundles; tsconfig loads node types only, not vite/client.
declare module '*.css';
