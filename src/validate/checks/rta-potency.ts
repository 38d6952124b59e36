// Why this file exists: check rta-potency: radical-trapping antioxidants protect at their published
// cellular potencies (the EC50 of survival), not one or two orders of magnitude below them, and
// ferrostatin-1 far below its EC50 leaves the wave alone.
import { AGENTS, type AgentId } from '../../model/agents';
import { lineChart } from '../../report/svg';
import { Criteria, commands, dishOutcome, dishRun, presetRun, result, speedText, waveOf } from '../kit';
import { fx } from '../measures';
import type { Behaviour, CheckContext, Figure, RunResult } from '../types';
import { CO_2024 } from './sources';

const DIXON_2012 = 'Dixon et al., Cell 149:1060 (2012)';
const ANGELI_2014 = 'Friedmann Angeli et al., Nat Cell Biol 16:1180 (2014)';

/** Each antioxidant with its published cellular EC50 (uM) and the accepted range, set from it. */
const RTAS = [
  {
    agent: 'ferrostatin-1' as AgentId,
    label: 'ferrostatin-1',
    ec50: 0.06,
    ref: 'the published 0.06 uM',
    lo: 0.03,
    hi: 0.12,
    source: `${DIXON_2012}: ~60 nM (HT-1080, erastin)`,
  },
  {
    agent: 'liproxstatin-1' as AgentId,
    label: 'liproxstatin-1',
    ec50: 0.022,
    ref: 'the published 0.022 uM',
    lo: 0.011,
    hi: 0.044,
    source: `${ANGELI_2014}: ~22 nM (Gpx4-knockout cells)`,
  },
  {
    agent: 'trolox' as AgentId,
    label: 'Trolox',
    ec50: 30,
    ref: '30 uM, the middle of the published tens of uM',
    lo: 10,
    hi: 100,
    source: `${DIXON_2012}: tens of uM`,
  },
] as const;

/** The lethal challenge: 1 uM RSL3 on a 20 x 20 dish for 24 h, every cell dies without an antioxidant (check 5.7). */
const CHALLENGE = { agent: 'rsl3', uM: 1 } as const;
const MINUTES = 1440;
/** Bisection steps on log10(dose) from [EC50 / 100, EC50 x 100] (at most the agent's range): a final bracket <= 4/2^12 decades wide. */
const STEPS = 12;

const doseText = (v: number) => String(Number(v.toPrecision(3)));

async function deadFraction(ctx: CheckContext, agent: string, uM: number): Promise<{ uM: number; fraction: number; run: RunResult }> {
  const d = Number(uM.toPrecision(6));
  const run = await dishRun(
    ctx,
    `rta-${agent}-${d}uM`,
    [
      { ...CHALLENGE, start_min: 0 },
      { agent, uM: d, start_min: 0 },
    ],
    { minutes: MINUTES },
  );
  return { uM: d, fraction: dishOutcome(run).fraction, run };
}

/** The dose at which half of the cells survive, by bisection in log dose (the fraction dying falls with dose). */
async function survivalEc50(ctx: CheckContext, agent: AgentId, guess: number) {
  let lo = guess / 100;
  let hi = Math.min(guess * 100, AGENTS[agent].range[1]);
  const points: Array<{ uM: number; fraction: number }> = [];
  for (const d of [lo, hi]) points.push(await deadFraction(ctx, agent, d));
  const bracketed = points[0].fraction > 0.5 && points[1].fraction <= 0.5;
  if (bracketed) {
    for (let k = 0; k < STEPS; k++) {
      const m = Math.sqrt(lo * hi);
      const p = await deadFraction(ctx, agent, m);
      points.push(p);
      if (p.fraction > 0.5) lo = m;
      else hi = m;
    }
  }
  points.sort((a, b) => a.uM - b.uM);
  return { ec50: bracketed ? Math.sqrt(lo * hi) : Number.NaN, points };
}

export const rtaPotency: Behaviour = {
  id: 'rta-potency',
  title: 'Radical-trapping antioxidants protect at their published cellular potencies',
  target:
    'Ferrostatin-1, liproxstatin-1 and Trolox protect cells from ferroptosis at their published cellular EC50s (ferrostatin-1 ~60 nM, liproxstatin-1 ~22 nM, Trolox tens of uM), not one or two orders of magnitude below them; ferrostatin-1 at 1 and 3 nM, 20-60 times below its EC50, leaves the erastin-primed wave nearly unchanged.',
  pass: 'The dose at which half of the cells of a 20 x 20 dish under 1 uM RSL3 (no pulse, seed 1) are alive after 24 h, found by bisection in log dose: ferrostatin-1 30-120 nM, liproxstatin-1 11-44 nM (each within 2-fold of its published EC50), Trolox 10-100 uM. On the primed-light-pulse dish, ferrostatin-1 at 1 and 3 nM from t = 0: a wave within 10 % of the untreated speed.',
  source: `${RTAS.map((r) => r.source).join('; ')}; the potencies are calibrated to these EC50s (docs/treatments.md), so this check holds the calibration; wave: ${CO_2024}`,
  async run(ctx) {
    const c = new Criteria();
    const curves: Array<{ label: string; ec50: number; points: Array<{ uM: number; fraction: number }> }> = [];
    for (const r of RTAS) {
      const e = await survivalEc50(ctx, r.agent, r.ec50);
      curves.push({ label: r.label, ...e });
      c.add(
        `${r.label}: half of the cells survive 1 uM RSL3 at ${doseText(r.lo)}-${doseText(r.hi)} uM`,
        Number.isFinite(e.ec50) ? `${doseText(e.ec50)} uM (${fx(e.ec50 / r.ec50, 2)} x ${r.ref})` : 'not bracketed',
        e.ec50 >= r.lo && e.ec50 <= r.hi,
      );
    }
    const ref = await presetRun(ctx, 'primed-light-pulse');
    const v0 = waveOf(ref).speed_um_per_min ?? Number.NaN;
    const low = [];
    for (const uM of [0.001, 0.003]) {
      const run = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'ferrostatin-1', uM, start_min: 0 })}`]);
      const w = waveOf(run);
      const ratio = (w.speed_um_per_min ?? Number.NaN) / v0;
      low.push({ name: `ferrostatin-1 ${uM * 1000} nM`, run, ratio });
      c.add(
        `ferrostatin-1 ${uM * 1000} nM: wave within 10 % of the untreated ${fx(v0)} um/min`,
        `${speedText(w)} (x${fx(ratio, 3)})`,
        w.detected && Math.abs(ratio - 1) <= 0.1,
      );
    }
    const chart = lineChart({
      title: 'Cells dying under 1 uM RSL3 (20 x 20 dish, 24 h) against antioxidant dose',
      x: { label: 'antioxidant', unit: 'uM', log: true, domain: [1e-4, 1e4] },
      y: { label: 'fraction of cells dying or dead', unit: '1', domain: [-0.02, 1.05] },
      series: curves.map((k) => ({
        name: `${k.label} (EC50 ${Number.isFinite(k.ec50) ? doseText(k.ec50) : '–'} uM)`,
        points: k.points.map((p) => [p.uM, p.fraction] as [number, number]),
        marker: 'circle' as const,
      })),
    });
    const figures: Figure[] = [
      {
        file: 'rta-ec50.svg',
        caption: 'Survival against antioxidant dose under 1 uM RSL3; published EC50s: ferrostatin-1 ~0.06, liproxstatin-1 ~0.022, Trolox tens of uM',
        svg: chart,
      },
    ];
    const model = `${curves.map((k) => `${k.label} EC50 ${Number.isFinite(k.ec50) ? doseText(k.ec50) : '–'} uM`).join(', ')}; ferrostatin-1 1 / 3 nM: wave x${low.map((l) => fx(l.ratio, 2)).join(' / x')}`;
    return result(c, model, figures, [commands([{ name: 'no antioxidant', run: ref }, ...low])]);
  },
};
