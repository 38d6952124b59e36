// Why this file exists: check 5.13: the wave speed under iron chelation and loading, NOX, PI3K and
// Src inhibition and FSP1 inhibition, point by point against the published titrations the model
// was fitted to (data/co2024-wave-speed-calibration.csv), each within its tolerance.
import { lineChart } from '../../report/svg';
import { type CalibrationRow, calibrationRows, tolerance } from '../calibration-data';
import { Criteria, commands, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';
import { drug, type SpeedResult, speedRun } from './speed-cases';

/** Titrations in report order, with a label for the charts. */
const AGENT_LABELS: Record<string, string> = {
  dfo: 'deferoxamine (DFO)',
  fac: 'ferric ammonium citrate (FAC)',
  gkt137831: 'GKT137831 (NOX1/4)',
  ly294002: 'LY294002 (PI3K)',
  dasatinib: 'dasatinib (Src family)',
  fsen1: 'FSEN1 (FSP1)',
};

/** a dose as published (up to 4 significant digits) */
const dose = (uM: number) => String(Number(uM.toPrecision(4)));

export const speed513: Behaviour = {
  id: '5.13',
  title: 'Iron, NOX, PI3K, Src and FSP1 set the wave speed as in the published titrations',
  target:
    'Iron chelation (DFO) slows the wave gradually, iron loading (FAC) speeds it and saturates near x1.55, NOX inhibition (GKT137831), PI3K inhibition (LY294002) and Src-family inhibition (dasatinib) slow it, FSP1 inhibition (FSEN1) speeds it: each published dose of the calibration set as a ratio to the untreated wave.',
  pass: 'Full 400 x 40 dish (primed-light-pulse: 10 uM erastin from t = 0, pulse at 360 min, spontaneous bursts off so that the pulse is the only trigger), each drug from t = 0 at each dose of data/co2024-wave-speed-calibration.csv: the speed ratio to the untreated dish lies within 2 SD of the published mean or 0.08, whichever is wider, at every point (the tolerance was set from the data before the model was fitted). These are the points the model was fitted to (fits/calibration.fit.json, on a narrow strip of the same dish; the potency of GKT137831 alone refitted on this dish, fits/gkt-dish.fit.json); doses kept aside by the data providers are not used anywhere.',
  source: `${CO_2024}, Fig. 3 and Extended Data Fig. 9 (wave speeds per well)`,
  async run(ctx) {
    const rows = calibrationRows();
    const untreated = await speedRun(ctx, { name: 'untreated' });
    const v0 = untreated.s.v;
    const points: Array<{ row: CalibrationRow; run: SpeedResult; ratio: number; ok: boolean }> = [];
    for (const row of rows) {
      const run = await speedRun(ctx, { name: `${row.agent} ${row.uM} uM`, extra: [drug(row.agent, row.uM)] });
      const ratio = v0 > 0 ? run.s.v / v0 : 0;
      points.push({ row, run, ratio, ok: Math.abs(ratio - row.ratio_to_control) <= tolerance(row) });
    }
    const c = new Criteria();
    c.add('untreated: a travelling wave', untreated.s.text, v0 > 0);
    for (const p of points)
      c.add(
        `${p.row.agent} ${dose(p.row.uM)} uM: ratio ${fx(p.row.ratio_to_control, 3)} ± ${fx(tolerance(p.row), 3)}`,
        p.run.s.v > 0 ? fx(p.ratio, 3) : p.run.s.wave.pattern === 'synchronous' ? 'no wave (synchronous death)' : 'no wave',
        p.ok,
      );
    const rms = Math.sqrt(points.reduce((s, p) => s + (p.ratio - p.row.ratio_to_control) ** 2, 0) / points.length);
    const within = points.filter((p) => p.ok).length;
    const agents = [...new Set(rows.map((r) => r.agent))];
    const figures: Figure[] = agents.map((agent) => {
      const ps = points.filter((p) => p.row.agent === agent);
      return {
        file: `calibration-${agent}.svg`,
        caption: `Wave speed ratio against ${AGENT_LABELS[agent] ?? agent} dose: published mean (markers) with its tolerance band (2 SD or 0.08), and the model (line)`,
        svg: lineChart({
          title: `Wave speed against ${AGENT_LABELS[agent] ?? agent} (10 uM erastin)`,
          x: { label: AGENT_LABELS[agent] ?? agent, unit: 'uM', log: true },
          y: { label: 'speed / untreated speed', unit: '1', domain: [0, 1.8] },
          ribbons: [
            {
              name: 'published ± tolerance',
              points: ps.map(
                (p) => [p.row.uM, p.row.ratio_to_control - tolerance(p.row), p.row.ratio_to_control + tolerance(p.row)] as [number, number, number],
              ),
            },
          ],
          series: [
            {
              name: 'published (Co et al. 2024)',
              points: ps.map((p) => [p.row.uM, p.row.ratio_to_control] as [number, number]),
              line: false,
              marker: 'circle',
            },
            { name: 'model', points: ps.map((p) => [p.row.uM, p.ratio] as [number, number]), marker: 'square' },
          ],
          rules: [{ axis: 'y', at: 1, label: 'untreated' }],
        }),
      };
    });
    const table = [
      '| agent | dose (uM) | published ratio | SD | tolerance | model ratio | model speed (um/min) | |',
      '|---|---|---|---|---|---|---|---|',
      ...points.map(
        (p) =>
          `| ${p.row.agent} | ${dose(p.row.uM)} | ${fx(p.row.ratio_to_control, 3)} | ${fx(p.row.sd_ratio, 3)} | ${fx(tolerance(p.row), 3)} | ${fx(p.ratio, 3)} | ${p.run.s.text} | ${p.ok ? 'within' : '**outside**'} |`,
      ),
    ].join('\n');
    return result(
      c,
      `${within} of ${points.length} published points within tolerance; RMS error of the ratio ${fx(rms, 3)}; untreated ${untreated.s.text}`,
      figures,
      [
        `RMS error of the speed ratio over the ${points.length} points: ${fx(rms, 3)}.`,
        table,
        commands([{ name: 'untreated', run: untreated.run }, ...points.map((p) => ({ name: p.run.name, run: p.run.run }))]),
      ],
    );
  },
};
