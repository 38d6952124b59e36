import { resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { PRESETS } from '../src/model/presets';
import { wasmKernelsFor } from '../src/model/wasm/kernels';
import { sweepRowsSink, sweepColsSink } from '../src/model/diffusion';
const sim = createSimulation(resolveScenario(PRESETS['tumour-pregrown-512'], 'x'));
const st = sim.state;
const W = st.width,
  H = st.height;
const k = wasmKernelsFor(st.memory!)!;
const f = st.field;
const sink = { rate: 0, perfusion: f.perfusion, plasma: 10 };
const sinkR = { rate: st.aux.o2_sink, perfusion: f.perfusion, plasma: 10 };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const res: string[] = [];
for (const [name, g] of [
  ['rowsSink uniform', () => sweepRowsSink(f.cystine, W, 0, H, 0.09, true, 10, sink, 0.5, st.colSink.cp, k)],
  ['rowsSink rates', () => sweepRowsSink(f.o2, W, 0, H, 0.09, true, 10, sinkR, 0.5, st.colSink.cp, k)],
  ['colsSink uniform', () => sweepColsSink(f.cystine, W, H, 0, W, 0.09, true, 10, sink, 0.5, st.colSink, k)],
  ['colsSink rates', () => sweepColsSink(f.o2, W, H, 0, W, 0.09, true, 10, sinkR, 0.5, st.colSink, k)],
] as const) {
  for (let r = 0; r < 5; r++) g();
  let best = 1e9;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = cpu();
    for (let r = 0; r < 10; r++) g();
    best = Math.min(best, (cpu() - t0) / 10);
  }
  res.push(`${name} ${((best * 1e6) / st.n).toFixed(2)}`);
}
console.log(res.join(' | '));
