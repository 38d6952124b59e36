// Why this file exists: check "phase diagram": where travelling waves exist. Erastin dose against
// NOX expression and against iron supply: a region of waves around the primed control, bounded by
// no wave (too little priming or feedback) and by synchronous death (too much), so a user can see
// how far a condition is from either edge.
import { heatmap } from '../../report/svg';
import { Criteria, commands, type FrontSpeed, frontSpeed, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, CheckContext, Figure, RunResult } from '../types';
import { geneChange } from './speed-cases';

const ERASTIN = [0.3, 0.6, 1.25, 2.5, 5, 10, 20, 40];
const NOX = [0.25, 0.5, 0.8, 1, 1.25, 2, 4];
/** iron supply from chelation to loading: [label, treatment or null] */
const IRON: Array<[string, object | null]> = [
  ['DFO 100 uM', { agent: 'dfo', uM: 100, start_min: 0 }],
  ['DFO 20 uM', { agent: 'dfo', uM: 20, start_min: 0 }],
  ['DFO 5 uM', { agent: 'dfo', uM: 5, start_min: 0 }],
  ['none', null],
  ['FAC 10 uM', { agent: 'fac', uM: 10, start_min: 0 }],
  ['FAC 100 uM', { agent: 'fac', uM: 100, start_min: 0 }],
  ['FAC 1000 uM', { agent: 'fac', uM: 1000, start_min: 0 }],
];

/** a 4 x 0.16 mm strip of the primed dish, pulsed along its left edge at 360 min */
const W = 200;
const H = 8;

const CATS = [
  { value: 0, label: 'no wave', color: '#d9d9d9' },
  { value: 1, label: 'wave < 0.6 x', color: '#9ecae1' },
  { value: 2, label: 'wave 0.6-1.6 x', color: '#3182bd' },
  { value: 3, label: 'wave > 1.6 x', color: '#08519c' },
  { value: 4, label: 'synchronous death', color: '#d55e00' },
];

function category(s: FrontSpeed, v0: number): number {
  if (s.wave.pattern === 'synchronous') return 4;
  if (!(s.v > 0) || !(v0 > 0)) return 0;
  const q = s.v / v0;
  return q < 0.6 ? 1 : q <= 1.6 ? 2 : 3;
}

async function stripRun(ctx: CheckContext, erastin: number, extra: object[]): Promise<{ run: RunResult; s: FrontSpeed }> {
  const { scenario, command } = ctx.scenario('primed-light-pulse', [
    `lattice.width=${W}`,
    `lattice.height=${H}`,
    'duration_min=780',
    `treatments[0].uM=${erastin}`,
    `treatments[1].region=${JSON.stringify({ rect: { x_um: 0, y_um: 0, width_um: 60, height_um: H * 20 } })}`,
    ...extra.map((t, j) => `treatments[${2 + j}]=${JSON.stringify(t)}`),
  ]);
  const run = await ctx.run({ scenario, command });
  return { run, s: frontSpeed(run) };
}

export const phaseDiagram: Behaviour = {
  id: 'phase',
  title: 'Phase diagram: where waves exist (erastin against NOX expression and against iron supply)',
  target:
    'Waves live in a region, not on a line: around the primed control (10 uM erastin) a travelling front persists over a range of NOX expression and iron supply; too little priming gives no wave, too much gives synchronous death.',
  pass: `Strips of ${W} x ${H} sites (4 x 0.16 mm) of the primed dish, pulse along the left edge at 360 min, erastin ${ERASTIN.join(', ')} uM against NOX expression x${NOX.join(', x')} (every cell) and against iron supply (${IRON.map(([l]) => l).join(', ')}): at 10 uM erastin, a travelling wave (the front speed of 5.13: the whole front, or the pulse's own front over >= 1000 um until a front ignited elsewhere meets it) at NOX x0.5-x2 and from DFO 5 uM to FAC 1000 uM; no wave at 0.3 uM erastin with control NOX and iron.`,
  source: 'model property; the speeds at the calibration doses are checked against data in 5.13',
  async run(ctx) {
    const ctrl = await stripRun(ctx, 10, []);
    const v0 = ctrl.s.v;
    const noxGrid: Array<Array<{ run: RunResult; s: FrontSpeed }>> = [];
    for (const f of NOX) {
      const row = [];
      for (const e of ERASTIN) row.push(f === 1 ? await stripRun(ctx, e, []) : await stripRun(ctx, e, [geneChange('NOX', f)]));
      noxGrid.push(row);
    }
    const ironGrid: Array<Array<{ run: RunResult; s: FrontSpeed }>> = [];
    for (const [, t] of IRON) {
      const row = [];
      for (const e of ERASTIN) row.push(await stripRun(ctx, e, t ? [t] : []));
      ironGrid.push(row);
    }
    const at10 = ERASTIN.indexOf(10);
    const c = new Criteria();
    c.add('control strip (10 uM erastin): a travelling wave', ctrl.s.text, v0 > 0);
    for (const [k, f] of NOX.entries()) {
      if (f < 0.5 || f > 2) continue;
      const s = noxGrid[k][at10].s;
      c.add(`10 uM erastin, NOX x${f}: travelling wave`, s.v > 0 ? `${fx(s.v / v0, 2)} x` : s.wave.pattern, s.v > 0);
    }
    for (const [k, [label]] of IRON.entries()) {
      if (k === 0) continue;
      const s = ironGrid[k][at10].s;
      c.add(`10 uM erastin, ${label}: travelling wave`, s.v > 0 ? `${fx(s.v / v0, 2)} x` : s.wave.pattern, s.v > 0);
    }
    const low = noxGrid[NOX.indexOf(1)][0].s;
    c.add('0.3 uM erastin (control NOX and iron): no wave', low.v > 0 ? low.text : low.wave.pattern, !(low.v > 0) && low.wave.pattern !== 'synchronous');
    const lx = ERASTIN.map((e) => Math.log10(e));
    const half = (lx[1] - lx[0]) / 2;
    const map = (grid: Array<Array<{ s: FrontSpeed }>>, ylabel: string, yticks: string[], file: string, caption: string): Figure => ({
      file,
      caption,
      svg: heatmap({
        title: `Pattern after a pulse: erastin against ${ylabel} (${yticks.join(', ')}, bottom to top)`,
        x: { label: 'erastin (log10 uM)', unit: 'log10 uM', domain: [lx[0] - half, lx[lx.length - 1] + half] },
        y: { label: `${ylabel} (row)`, unit: 'row', domain: [-0.5, grid.length - 0.5] },
        color: { label: 'pattern', unit: '' },
        categories: CATS,
        data: grid.map((row) => row.map((x) => category(x.s, v0))),
      }),
    });
    const figures: Figure[] = [
      map(
        noxGrid,
        'NOX expression',
        NOX.map((f) => `x${f}`),
        'phase-nox.svg',
        'Where waves exist: erastin dose against NOX expression (rows, bottom to top: x0.25 to x4)',
      ),
      map(
        ironGrid,
        'iron supply',
        IRON.map(([l]) => l),
        'phase-iron.svg',
        'Where waves exist: erastin dose against iron supply (rows, bottom to top: DFO 100 uM to FAC 1000 uM)',
      ),
    ];
    const table = (title: string, rows: string[], grid: Array<Array<{ s: FrontSpeed }>>) =>
      [
        `${title}: speed ratio to the control strip (sync = synchronous death, – = no wave)`,
        '',
        `| | ${ERASTIN.map((e) => `${e} uM`).join(' | ')} |`,
        `|---|${ERASTIN.map(() => '---').join('|')}|`,
        ...grid.map(
          (row, k) => `| ${rows[k]} | ${row.map((x) => (x.s.v > 0 ? fx(x.s.v / v0, 2) : x.s.wave.pattern === 'synchronous' ? 'sync' : '–')).join(' | ')} |`,
        ),
      ].join('\n');
    // what was measured at 10 uM erastin: the rows with a travelling wave, and the others by pattern
    const outcome = (labels: string[], grid: Array<Array<{ s: FrontSpeed }>>) => {
      const waves = labels.filter((_, k) => grid[k][at10].s.v > 0);
      const others = labels
        .map((l, k) => [l, grid[k][at10].s] as const)
        .filter(([, s]) => !(s.v > 0))
        .map(([l, s]) => `${l} ${s.wave.pattern === 'synchronous' ? 'synchronous' : 'no wave'}`);
      return `waves at ${waves.length ? waves.join(', ') : 'none'}${others.length ? ` (${others.join(', ')})` : ''}`;
    };
    const summary = `control strip ${ctrl.s.text}; at 10 uM erastin: NOX ${outcome(
      NOX.map((f) => `x${f}`),
      noxGrid,
    )}; iron ${outcome(
      IRON.map(([l]) => l),
      ironGrid,
    )}`;
    return result(c, summary, figures, [
      table(
        'Erastin against NOX expression',
        NOX.map((f) => `NOX x${f}`),
        noxGrid,
      ),
      table(
        'Erastin against iron supply',
        IRON.map(([l]) => l),
        ironGrid,
      ),
      commands([{ name: 'control strip', run: ctrl.run }]),
    ]);
  },
};
