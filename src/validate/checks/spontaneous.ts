// Why this file exists: check "spontaneous": without a pulse, a primed dish ignites on its own from
// scattered sites hours after erastin, more of them with more iron, and waves run from them; an
// unprimed dish never ignites (Co et al. 2024, Extended Data Fig. 2).
import { type IgnitionSite, ignitionSites } from '../../analysis/ignition';
import { paramSpec } from '../../model/params';
import { barChart } from '../../report/svg';
import { survivalFigure } from '../figures';
import { Criteria, commands, dishOutcome, dishRun, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, CheckContext, Figure, RunResult } from '../types';
import { CO_2024 } from './sources';

/** one imaging field: 65 x 65 sites of 20 um = 1.3 x 1.3 mm (a 10x field; the paper's field size is not in the data) */
const FIELD = 65;
const SEEDS = [1, 2, 3, 4];
const HOURS = 24;

interface Case {
  name: string;
  treatments: object[];
  minutes: number;
}

const ERASTIN = { agent: 'erastin', uM: 10, start_min: 0 };
const CASES: Case[] = [
  { name: 'erastin 10 uM', treatments: [ERASTIN], minutes: HOURS * 60 },
  { name: 'erastin + DFO 5 uM', treatments: [ERASTIN, { agent: 'dfo', uM: 5, start_min: 0 }], minutes: HOURS * 60 },
  { name: 'erastin + FAC 10 uM', treatments: [ERASTIN, { agent: 'fac', uM: 10, start_min: 0 }], minutes: HOURS * 60 },
  { name: 'unprimed', treatments: [], minutes: 48 * 60 },
];

interface Outcome {
  name: string;
  runs: RunResult[];
  sites: IgnitionSite[][];
  /** mean over seeds */
  meanSites: number;
  /** mean over seeds of the first site's time, h (NaN when a seed has none) */
  meanFirst_h: number;
  /** mean over seeds of the fraction of cells committed at the end */
  meanCommitted: number;
}

async function runCase(ctx: CheckContext, k: Case): Promise<Outcome> {
  const runs: RunResult[] = [];
  const sites: IgnitionSite[][] = [];
  // spontaneous bursts at their default rate (the dish preset turns them off for pulse experiments)
  const burst_rate = paramSpec('burst_rate')!.default;
  for (const seed of SEEDS) {
    const r = await dishRun(ctx, `spontaneous-${k.name.replace(/[^a-z0-9]+/gi, '-')}-seed${seed}`, k.treatments, {
      size: FIELD,
      minutes: k.minutes,
      params: { burst_rate },
      seed,
    });
    runs.push(r);
    sites.push(ignitionSites(r.sim.state, r.scenario.lattice.site_um));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    name: k.name,
    runs,
    sites,
    meanSites: mean(sites.map((s) => s.length)),
    meanFirst_h: mean(sites.map((s) => (s.length ? s[0].t_min / 60 : Number.NaN))),
    meanCommitted: mean(runs.map((r) => dishOutcome(r).fraction)),
  };
}

export const spontaneous: Behaviour = {
  id: 'spontaneous',
  title: 'Spontaneous initiation: primed dishes ignite on their own from scattered sites',
  target:
    'Without any light pulse, primed dishes ignite on their own from scattered sites, the first ones about 7-10 h after erastin, 2-9 sites per imaging field (about 8 at 5 % serum), more with more iron; waves run from them. Unprimed dishes never ignite.',
  pass: `Fields of ${FIELD} x ${FIELD} sites (1.3 x 1.3 mm, one 10x imaging field), no pulse, spontaneous bursts at their default rate, ${SEEDS.length} seeds each; 10 uM erastin from t = 0 for ${HOURS} h: the first ignition site (ignitionSites: a commitment no earlier one within 100 um precedes, from which the neighbourhood then commits) comes at 6-11 h on average (published 7-10 h, read to the hour), 2-9 sites per field on average, and at least 90 % of the cells are committed at ${HOURS} h (the waves from the sites sweep the field); more sites with 10 uM FAC and fewer with 5 uM DFO than with erastin alone; unprimed (no erastin), 48 h: no ignition site and under 1 % of the cells committed. Criteria set from the published observations before the burst rate was calibrated.`,
  source: `${CO_2024}, Extended Data Fig. 2; docs/model.md section 3.11`,
  async run(ctx) {
    const out: Outcome[] = [];
    for (const k of CASES) out.push(await runCase(ctx, k));
    const [primed, dfo, fac, unprimed] = out;
    const c = new Criteria();
    c.add('erastin: first ignition at 6-11 h (mean over seeds)', `${fx(primed.meanFirst_h, 1)} h`, primed.meanFirst_h >= 6 && primed.meanFirst_h <= 11);
    c.add(
      'erastin: 2-9 ignition sites per field (mean)',
      `${fx(primed.meanSites, 2)} (${primed.sites.map((s) => s.length).join(', ')})`,
      primed.meanSites >= 2 && primed.meanSites <= 9,
    );
    c.add(
      `erastin: >= 90 % of the cells committed at ${HOURS} h (waves sweep the field)`,
      `${fx(100 * primed.meanCommitted, 1)} %`,
      primed.meanCommitted >= 0.9,
    );
    c.add('more sites with FAC 10 uM than without', `${fx(fac.meanSites, 2)} vs ${fx(primed.meanSites, 2)}`, fac.meanSites > primed.meanSites);
    c.add('fewer sites with DFO 5 uM than without', `${fx(dfo.meanSites, 2)} vs ${fx(primed.meanSites, 2)}`, dfo.meanSites < primed.meanSites);
    const unSites = unprimed.sites.reduce((a, s) => a + s.length, 0);
    c.add('unprimed, 48 h: no ignition site', `${unSites} sites over ${SEEDS.length} fields`, unSites === 0);
    c.add('unprimed, 48 h: < 1 % of the cells committed', `${fx(100 * unprimed.meanCommitted, 2)} %`, unprimed.meanCommitted < 0.01);
    const table = [
      '| condition | ignition sites per field (by seed) | first ignition (h, by seed) | committed at the end |',
      '|---|---|---|---|',
      ...out.map(
        (o) =>
          `| ${o.name} | ${o.sites.map((s) => s.length).join(', ')} (mean ${fx(o.meanSites, 2)}) | ${o.sites.map((s) => (s.length ? fx(s[0].t_min / 60, 1) : '–')).join(', ')} | ${fx(100 * o.meanCommitted, 1)} % |`,
      ),
    ].join('\n');
    const figures: Figure[] = [
      {
        file: 'ignition-sites.svg',
        caption: `Ignition sites per 1.3 x 1.3 mm field (mean of ${SEEDS.length} seeds) with and without iron chelation or loading; published: 2-9 per field`,
        svg: barChart({
          title: 'Spontaneous ignition sites per imaging field (no pulse)',
          x: { label: 'ignition sites per field', unit: '1' },
          bars: out.map((o) => ({ label: o.name, value: o.meanSites, note: fx(o.meanSites, 2) })),
          rules: [
            { axis: 'x', at: 2, label: '2' },
            { axis: 'x', at: 9, label: '9' },
          ],
        }),
      },
      survivalFigure(
        'survival.svg',
        'Survival of primed fields without a pulse (seed 1)',
        'Fraction of the initial cells not ruptured (solid) and not committed (dashed)',
        out.map((o) => ({ name: o.name, run: o.runs[0] })),
      ),
    ];
    return result(
      c,
      `erastin: ${fx(primed.meanSites, 2)} sites per field, first at ${fx(primed.meanFirst_h, 1)} h; FAC ${fx(fac.meanSites, 2)}, DFO ${fx(dfo.meanSites, 2)}; unprimed ${unSites} sites`,
      figures,
      [table, commands(out.map((o) => ({ name: `${o.name} (seed 1)`, run: o.runs[0] })))],
    );
  },
};
