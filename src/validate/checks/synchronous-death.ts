// Why this file exists: check 5.7: where synchronous death (every cell at once, no trigger) starts
// for each inducer, from dose sweeps on small dishes without a pulse.
import { lineChart } from '../../report/svg';
import { Criteria, commands, dishOutcome, inducerDish, result } from '../kit';
import { fx, quantile } from '../measures';
import type { Behaviour, Figure, RunResult } from '../types';
import { CO_2024, YANG_2014 } from './sources';

const INDUCERS_57 = [
  { agent: 'erastin', label: 'erastin', doses: [5, 10, 12.5, 15, 17.5, 20, 40], none: 10, all: 20, minutes: 1200 },
  { agent: 'rsl3', label: 'RSL3', doses: [0.005, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], none: 0.005, all: 1, minutes: 1200 },
  { agent: 'ml162', label: 'ML162', doses: [0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], none: 0.01, all: 1, minutes: 1200 },
  { agent: 'bso', label: 'BSO', doses: [100, 200, 500, 700, 1000], none: 100, all: 1000, minutes: 2400 },
  { agent: 'fin56', label: 'FIN56', doses: [0.1, 0.3, 1, 2, 3, 10], none: 0.1, all: 10, minutes: 2400 },
] as const;

/** A dose without trailing zeros. */
const dose = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '–');

export const synchronous57: Behaviour = {
  id: '5.7',
  title: 'Synchronous death under very strong priming',
  target:
    'Very strong priming can push every cell over the edge at once: synchronous death instead of a wave. The model must show where that regime starts for each inducer.',
  pass: "On 20 x 20 site dishes without a pulse (the fast tests' dishes, seed 1): with erastin no cell commits at 10 uM in 20 h and every cell does at 20 uM, half of them after > 5 h (after GSH has fallen); RSL3: none at 0.005, all at 1 uM; ML162: none at 0.01, all at 1 uM (20 h); BSO: none at 100, all at 1000 uM; FIN56: none at 0.1, all at 10 uM (40 h). Where the regime starts is read from a dose sweep: between the highest dose at which no cell commits and the lowest at which all do.",
  source: `${CO_2024} (the one-variable model is bistable only for erastin ~0.39-11.7 uM); ${YANG_2014} (RSL3, ML162, BSO and FIN56)`,
  async run(ctx) {
    const sweeps: Array<
      (typeof INDUCERS_57)[number] & { points: Array<{ dose: number; run: RunResult; out: ReturnType<typeof dishOutcome>; spread: number }> }
    > = [];
    for (const ind of INDUCERS_57) {
      const points: (typeof sweeps)[number]['points'] = [];
      for (const d of ind.doses) {
        const r = await inducerDish(ctx, ind.agent, d, ind.minutes);
        const t = r.sim.state.cell.t_dying;
        points.push({ dose: d, run: r, out: dishOutcome(r), spread: quantile(t, 0.9) - quantile(t, 0.1) });
      }
      sweeps.push({ ...ind, points });
    }
    const c = new Criteria();
    const at = (s: (typeof sweeps)[number], d: number) => s.points.find((p) => p.dose === d)!;
    const hours = (m: number) => `${fx(m / 60, 0)} h`;
    for (const s of sweeps) {
      const none = at(s, s.none);
      const all = at(s, s.all);
      c.add(
        `${s.label} ${s.none} uM: no cell commits in ${hours(s.minutes)}`,
        `${fx(100 * none.out.fraction, 1)} % of ${none.out.cells}`,
        none.out.fraction === 0,
      );
      c.add(
        `${s.label} ${s.all} uM: every cell commits in ${hours(s.minutes)}`,
        `${fx(100 * all.out.fraction, 1)} %${all.out.t50 !== null ? `, half by ${all.out.t50} min` : ''}`,
        all.out.fraction === 1,
      );
      if (s.agent === 'erastin') c.add(`erastin ${s.all} uM: half of the cells commit after > 300 min`, `${all.out.t50 ?? '–'} min`, (all.out.t50 ?? 0) > 300);
    }
    const regime = sweeps.map((s) => {
      const lo = s.points.filter((p) => p.out.fraction === 0).map((p) => p.dose);
      const hi = s.points.filter((p) => p.out.fraction === 1).map((p) => p.dose);
      return `${s.label} ${dose(lo.length ? Math.max(...lo) : Number.NaN)}-${dose(hi.length ? Math.min(...hi) : Number.NaN)}`;
    });
    const chart = lineChart({
      title: 'Cells committed without a trigger against inducer dose (20 x 20 dishes)',
      x: { label: 'inducer', unit: 'uM', log: true, domain: [0.003, 2000] },
      y: { label: 'fraction of cells dying or dead at the end', unit: '1', domain: [-0.02, 1.05] },
      series: sweeps.map((s) => ({
        name: `${s.label} (${hours(s.minutes)})`,
        points: s.points.map((p) => [p.dose, p.out.fraction] as [number, number]),
        marker: 'circle' as const,
      })),
    });
    const table = [
      '| inducer | dose (uM) | run (h) | committed at the end | first commitment (min) | half committed (min) | 10-90% spread of commitment times (min) |',
      '|---|---|---|---|---|---|---|',
      ...sweeps.flatMap((s) =>
        s.points.map(
          (p) =>
            `| ${s.label} | ${p.dose} | ${s.minutes / 60} | ${fx(100 * p.out.fraction, 1)} % | ${p.out.first ?? '–'} | ${p.out.t50 ?? '–'} | ${fx(p.spread, 0)} |`,
        ),
      ),
    ].join('\n');
    const figures: Figure[] = [
      {
        file: 'dose-response.svg',
        caption:
          'Fraction of the cells of a 20 x 20 dish without a pulse that commit by the end (20 h; BSO and FIN56 40 h) against the dose of each inducer: the step is where synchronous death starts',
        svg: chart,
      },
    ];
    return result(c, `synchronous death starts between (uM): ${regime.join('; ')}`, figures, [
      table,
      commands(sweeps.flatMap((s) => [at(s, s.none), at(s, s.all)].map((p) => ({ name: `${s.label} ${p.dose} uM`, run: p.run })))),
    ]);
  },
};
