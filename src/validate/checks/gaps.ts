// Why this file exists: check "gaps": the wave crosses a narrow cell-free gap and stops at a wide one
// (docs/behaviours.md, the space).
import { kymographFigure } from '../figures';
import { Criteria, commands, presetRun, result } from '../kit';
import { committedFractionIn, fx } from '../measures';
import type { Behaviour, Figure } from '../types';

export const gaps: Behaviour = {
  id: 'gaps',
  title: 'The wave crosses narrow cell-free gaps and stops at wide ones',
  target: 'The diffusible oxidant that carries the wave must be able to cross cell-free gaps of a few cell diameters.',
  pass: 'primed-gap preset (10 uM erastin, gaps of 40 um at x = 2000 um and 200 um at x = 5000 um): > 90% of the cells between the gaps die, none beyond the 200 um gap.',
  source:
    "Co, Wu, Lee & Chen, Nature 631:654 (2024), Fig. 2b: scratched gaps < 140 um all crossed (35 of 35), > 200 um none (0 of 10), logistic 50 % point about 163 um; the oxidant's reach is fitted to it (docs/model.md 6.0b), the two widths here were this project's choice before that fit",
  async run(ctx) {
    const r = await presetRun(ctx, 'primed-gap');
    const sc = r.scenario;
    const tissueGaps = 'gaps' in sc.tissue ? [...sc.tissue.gaps].sort((a, b) => a.x_um - b.x_um) : [];
    if (tissueGaps.length !== 2) throw new Error(`the primed-gap preset should have 2 gaps, has ${tissueGaps.length}`);
    const [g1, g2] = tissueGaps;
    const site = sc.lattice.site_um;
    const between = committedFractionIn(r.sim.state, site, g1.x_um + g1.width_um, g2.x_um);
    const beyond = committedFractionIn(r.sim.state, site, g2.x_um + g2.width_um, sc.lattice.width * site);
    const c = new Criteria();
    c.add(
      `> 90% dead between the ${g1.width_um} um and ${g2.width_um} um gaps`,
      `${fx(100 * between.fraction, 1)} % of ${between.cells} cells`,
      between.fraction > 0.9,
    );
    c.add(`none beyond the ${g2.width_um} um gap`, `${fx(100 * beyond.fraction, 1)} % of ${beyond.cells} cells`, beyond.fraction === 0);
    const figures: Figure[] = [
      kymographFigure(r, {
        file: 'kymograph-fate.svg',
        title: 'Kymograph of cell fate with two cell-free gaps (10 uM erastin)',
        caption: 'Fraction of cells dying or dead per column bin against time; white bands: the cell-free gaps',
        what: { kind: 'committed' },
        color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] },
        tMin: 300,
        bands: tissueGaps.map((g) => ({ axis: 'x' as const, from: g.x_um, to: g.x_um + g.width_um, label: `${g.width_um} um gap` })),
      }),
    ];
    return result(c, `${fx(100 * between.fraction, 1)} % dead between the gaps, ${fx(100 * beyond.fraction, 1)} % beyond the ${g2.width_um} um gap`, figures, [
      commands([{ name: 'gaps', run: r }]),
    ]);
  },
};
