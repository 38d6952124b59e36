// Why this file exists: check 5.5: radical-trapping antioxidants (ferrostatin-1, liproxstatin-1)
// abolish the wave; apoptosis and necroptosis inhibitors (zVAD-FMK, necrostatin-1) do not.
import { frontFigure } from '../figures';
import { Criteria, commands, presetRun, result, speedText, waveOf } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

const DRUGS_55 = [
  { agent: 'ferrostatin-1', uM: 5, stops: true },
  { agent: 'liproxstatin-1', uM: 5, stops: true },
  { agent: 'zvad', uM: 20, stops: false },
  { agent: 'necrostatin-1', uM: 20, stops: false },
] as const;

export const inhibitors55: Behaviour = {
  id: '5.5',
  title: 'Ferrostatin-1 and liproxstatin-1 abolish the wave; zVAD-FMK and necrostatin-1 do not',
  target: 'Ferrostatin-1 or liproxstatin-1 (5-20 uM) abolish the wave; zVAD-FMK and necrostatin-1 do not change it.',
  pass: '10 uM erastin, drugs from t = 0: no wave with 5 uM ferrostatin-1 or liproxstatin-1; with 20 uM zVAD-FMK or necrostatin-1 a wave within 5% of the untreated speed.',
  source: CO_2024,
  async run(ctx) {
    const ref = await presetRun(ctx, 'primed-light-pulse');
    const v0 = waveOf(ref).speed_um_per_min ?? Number.NaN;
    const runs = await Promise.all(
      DRUGS_55.map(async (d) => ({
        ...d,
        run: await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: d.agent, uM: d.uM, start_min: 0 })}`]),
      })),
    );
    const c = new Criteria();
    c.add('reference wave (no drug)', `${fx(v0)} um/min`, Number.isFinite(v0));
    for (const d of runs) {
      const w = waveOf(d.run);
      if (d.stops) c.add(`${d.agent} ${d.uM} uM: no wave`, `${speedText(w)}, reach ${fx(w.reach_um, 0)} um`, !w.detected);
      else {
        const rel = (w.speed_um_per_min ?? Number.NaN) / v0 - 1;
        c.add(`${d.agent} ${d.uM} uM: speed within 5%`, `${speedText(w)} (${rel >= 0 ? '+' : ''}${fx(100 * rel, 1)} %)`, w.detected && Math.abs(rel) < 0.05);
      }
    }
    const all = [{ name: 'no drug', run: ref }, ...runs.map((d) => ({ name: `${d.agent} ${d.uM} uM`, run: d.run }))];
    const figures: Figure[] = [
      frontFigure(
        'fronts.svg',
        'Front position against time with death inhibitors (10 uM erastin)',
        'Furthest committed cell beyond the pulse edge; radical-trapping antioxidants keep it at the pulse, zVAD-FMK and necrostatin-1 overlap the untreated front',
        all,
      ),
    ];
    return result(c, runs.map((d) => `${d.agent}: ${speedText(waveOf(d.run))}`).join('; ') + `; untreated ${fx(v0)} um/min`, figures, [commands(all)]);
  },
};
