// Every parameter value inside its declared range (src/model/params.ts) gives a state of finite,
// non-negative numbers, and a run that ends (issue 15, "never garbage"): each parameter alone at
// both ends of its range, and 200 seeded random sets of all of them at once, each in a tiny primed
// monolayer and a tiny growing tumour (param-edges.ts: each edge in both, each random set in one);
// plus the singular points of the rate laws that a random draw seldom hits. About 680 runs.
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/model/params';
import { type CaseOptions, type Kind, monolayer, RUN_MIN, randomParams, runAndScan, tumour } from './param-edges';

const KINDS: Record<Kind, typeof monolayer> = { monolayer, tumour };
const BOTH: readonly Kind[] = ['monolayer', 'tumour'];
/** One run's budget: a tiny run takes ~10-50 ms; far beyond this is a hang in the making. */
const SLOW_MS = 5000;
const COMBINATIONS = 200;
const SEED = 15;

/** Runs every case in its kinds of tissue: what went wrong (bad values, throws, slow runs), one line each. */
function sweep(cases: Array<{ label: string; params: Record<string, number>; kinds: readonly Kind[] }>) {
  const problems: string[] = [];
  for (const c of cases)
    for (const kind of c.kinds) {
      const make = KINDS[kind];
      const label = `${kind} ${c.label}`;
      const t0 = performance.now();
      try {
        const bad = runAndScan(make(c.params));
        if (bad) problems.push(`${label}: ${bad}`);
      } catch (e) {
        problems.push(`${label}: threw ${(e as Error).message.slice(0, 300)}`);
      }
      const ms = performance.now() - t0;
      if (ms > SLOW_MS) problems.push(`${label}: ${ms.toFixed(0)} ms for ${RUN_MIN} min`);
    }
  return problems;
}

describe('parameters inside their ranges never give garbage', () => {
  it('each parameter alone at the minimum and the maximum of its range', () => {
    const cases = PARAMS.flatMap((p) => [
      { label: `${p.name} = ${p.min} (min)`, params: { [p.name]: p.min }, kinds: BOTH },
      { label: `${p.name} = ${p.max} (max)`, params: { [p.name]: p.max }, kinds: BOTH },
    ]);
    expect(sweep(cases)).toEqual([]);
  }, 120_000);

  it(`${COMBINATIONS} seeded random sets of every parameter (each at an end or inside its range)`, () => {
    // even sets in the monolayer, odd ones in the tumour
    const cases = Array.from({ length: COMBINATIONS }, (_, k) => ({ label: `set ${k} of seed ${SEED}`, params: randomParams(SEED, k), kinds: [BOTH[k % 2]] }));
    expect(sweep(cases)).toEqual([]);
  }, 120_000);

  const rsl3 = [{ agent: 'rsl3', uM: 1, start_min: 0 }];
  const coarse = { dt_min: 2, slow_every: 100, field_every: 1000 };
  const singular: Array<[string, Record<string, number>, CaseOptions]> = [
    // the Cl- load (cl - cl_rest)/(cl_open - cl_rest) has no span: no load (was Infinity x 0)
    ['cl_open = cl_rest (no Cl- load)', { cl_open: 30.1, cl_rest: 30.1 }, {}],
    // no radical trapping at all: the chain's trapping factor rtRef/(rtRef + def_rt) is 1 (was 0/0)
    ['w_fsp1 = w_bh4 = 0 (no radical trapping)', { w_fsp1: 0, w_bh4: 0 }, {}],
    // the NOX factor 1 - zn_nox_gain at zn = 0 would be negative: it stops at 0
    ['zn_nox_gain 10 without medium zinc', { zn_nox_gain: 10, zn_medium: 0 }, {}],
    // committed cells that cannot swell never rupture: lpo stops at its ceiling (was Infinity after ~1 day)
    ['swell_rate = 0 under RSL3 for 3 days', { swell_rate: 0 }, { treatments: rsl3, duration_min: 4320 }],
    // the slow block's step of 200 min: PUFA-PL and the volume relax without overshoot (vol was negative at the defaults)
    ['slowest numerics (dt 2 min, slow_every 100)', {}, { numerics: coarse, duration_min: 4000 }],
    ['slowest numerics with pufa_rate 1 and rvd_rate 10', { pufa_rate: 1, rvd_rate: 10 }, { numerics: coarse, duration_min: 4000 }],
    // the smallest FSP1 rate with no CoQ10H2 oxidation (q_ref = 1)
    ['fsp1_rate at its minimum, coq_ox_rate 0', { fsp1_rate: 0.001, coq_ox_rate: 0 }, {}],
  ];
  it.each(singular)('%s', (_label, params, o) => {
    expect(runAndScan(monolayer(params, o))).toBeNull();
  });

  it('a tumour without medium oxygen, every ROS and lipid-peroxide rate at its maximum', () => {
    // o2_medium = 0 makes basal ROS at the vessels ~1e12 a.u./min: huge, but finite and positive
    expect(runAndScan(tumour({ o2_medium: 0, ros_basal: 2, ros_time_scale: 10, o2_km: 200, lpo_rate: 10 }))).toBeNull();
  });
});
