import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { CELL_VARS, AUX_VARS, FIELDS } from '../src/model/layout';
function h(arrs: ArrayBufferView[]): string {
  let a = 0x12345678,
    b = 0x9abcdef0;
  for (const v of arrs) {
    const u = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    for (let i = 0; i < u.length; i++) {
      a = Math.imul(a ^ u[i], 0x01000193);
      b = Math.imul(b + u[i], 0x85ebca6b) ^ (b >>> 13);
    }
  }
  return (a >>> 0).toString(16) + (b >>> 0).toString(16);
}
for (const name of process.argv.slice(2)) {
  const sc = resolveScenario(PRESETS[name], 'test');
  const s = createSimulation(sc);
  const steps = Math.min(s.totalSteps(), Number(process.env.STEPS ?? 600));
  const t0 = performance.now();
  s.step(steps);
  const st = s.state;
  const arrs = [
    ...CELL_VARS.map((v) => st.cell[v.name]),
    ...AUX_VARS.map((v) => st.aux[v.name]),
    ...FIELDS.map((v) => st.field[v.name]),
    st.status,
    st.nbr,
    ...Object.values(st.drug),
  ];
  console.log(name, steps, h(arrs), st.header[1], st.header[2], st.header[3], `${(performance.now() - t0).toFixed(0)} ms`, s.kernel);
}
