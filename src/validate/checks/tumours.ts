// Why this file exists: check "tumours": growth, hypoxia and necrosis, a resistant FSP1-high
// subclone, iron chelation and drug delivered by vessels, on the tumour presets.
import { ALIVE, DEAD, DYING, EMPTY, NECROTIC, type SimState, VESSEL } from '../../model/layout';
import { heatmap, lineChart } from '../../report/svg';
import { Criteria, commands, result } from '../kit';
import { fx, quantile, sampleAt } from '../measures';
import type { Behaviour, Figure, RunResult, Snapshot } from '../types';
import { CO_2024 } from './sources';

const TUMOUR_PRESETS = [
  'tumour-erastin',
  'tumour-fsp1-resistant-erastin',
  'tumour-fsp1-resistant-erastin-fsen1',
  'tumour-dfo-rescue',
  'tumour-vessels',
] as const;
/** fate map codes: the status codes, with living cells of a subclone as ALIVE_SUBCLONE */
const ALIVE_SUBCLONE = 6;
const FATE_CATEGORIES = [
  { value: EMPTY, label: 'empty', color: '#f4f4f4' },
  { value: ALIVE, label: 'alive, parental', color: '#0072b2' },
  { value: ALIVE_SUBCLONE, label: 'alive, FSP1-high subclone', color: '#e69f00' },
  { value: DYING, label: 'dying (committed)', color: '#cc79a7' },
  { value: DEAD, label: 'dead (ferroptosis)', color: '#000000' },
  { value: NECROTIC, label: 'necrotic (hypoxia)', color: '#8c6d31' },
  { value: VESSEL, label: 'vessel', color: '#d62728' },
];
const TUMOUR_SNAPSHOTS = [2160, 3600];
/** cells left of this line (um) are "near the vessels" in tumour-vessels */
const NEAR_VESSELS_UM = 1300;

const living = (st: SimState, clone: number) => {
  let n = 0;
  for (let i = 0; i < st.n; i++) if ((st.status[i] === ALIVE || st.status[i] === DYING) && st.clone[i] === clone) n++;
  return n;
};
const TUMOUR_PROBES = { living0: (st: SimState) => living(st, 0), living1: (st: SimState) => living(st, 1) };

/** The maps show the tumour's part of the 3 x 3 mm lattice: sites with centres in [lo, hi) um on both axes. */
const TUMOUR_WINDOW_UM: readonly [number, number] = [700, 2300];

/** Rows (y upwards) of value(i) over the sites of the tumour window, with the window's edges in um. */
function windowRows(r: RunResult, value: (i: number) => number): { rows: Float64Array[]; domain: [number, number] } {
  const { width: W, height: H, site_um: site } = r.scenario.lattice;
  const first = Math.max(0, Math.ceil(TUMOUR_WINDOW_UM[0] / site - 0.5));
  const end = Math.min(W, H, Math.ceil(TUMOUR_WINDOW_UM[1] / site - 0.5));
  const rows = Array.from({ length: end - first }, (_, y) => Float64Array.from({ length: end - first }, (_, x) => value((y + first) * W + x + first)));
  return { rows, domain: [first * site, end * site] };
}

function fateMap(r: RunResult, snap: Snapshot, file: string, title: string, caption: string): Figure {
  const { rows, domain } = windowRows(r, (i) => {
    const s = snap.status[i];
    return s === ALIVE && snap.clone[i] > 0 ? ALIVE_SUBCLONE : s;
  });
  const svg = heatmap({
    title,
    x: { label: 'x', unit: 'um', domain },
    y: { label: 'y', unit: 'um', domain },
    color: { label: 'fate', unit: 'code' },
    categories: FATE_CATEGORIES,
    data: rows,
    width: 72 + 420 + 200,
    height: 420 + 86,
  });
  return { file, caption, svg };
}

const median = (v: number[]) => quantile(v, 0.5);

export const tumours: Behaviour = {
  id: 'tumours',
  title: 'Tumours: growth, hypoxia, a resistant subclone, iron chelation and drug from vessels',
  target:
    'A tumour is a grown mass of cells: cells divide into free neighbouring sites; oxygen and drugs arrive from vessels and form gradients; hypoxic cores and necrosis appear; subclones differ in their phenotype (docs/behaviours.md, the space). Here: an FSP1-high subclone survives erastin (FSP1 is a GPX4-independent defence) and falls to the FSP1 inhibitor FSEN1; iron chelation rescues the tumour; erastin delivered by vessels kills the cells near them first.',
  pass: 'Tumour presets (150 x 150 sites, 60 h; erastin from 24 h, light pulse at 30 h in the centre): tumour-erastin grows before treatment (divisions > 0, more living cells at 24 h than at 0); tumour-vessels (three vessels on the left, sealed edges) has hypoxic cells and necrosis; in tumour-fsp1-resistant-erastin cells survive to the end and most of them (> 50%) belong to the FSP1-high subclone; with 1 uM FSEN1 fewer than 10% as many survive; tumour-dfo-rescue commits fewer than 10% as many cells as tumour-erastin; in tumour-vessels the median commitment time of cells with x < 1300 um (near the vessels) is earlier than that of the cells further right.',
  source: `docs/behaviours.md (the space); Doll et al., Nature 575:693 (2019) and Bersuker et al., Nature 575:688 (2019) (FSP1, FSEN1); ${CO_2024}`,
  async run(ctx) {
    const runs: Record<string, RunResult> = {};
    for (const p of TUMOUR_PRESETS) {
      const { scenario, command } = ctx.scenario(p);
      runs[p] = await ctx.run({ scenario, command, probes: TUMOUR_PROBES, snapshots: { t_min: TUMOUR_SNAPSHOTS }, commitTimes: true });
    }
    const era = runs['tumour-erastin'];
    const res = runs['tumour-fsp1-resistant-erastin'];
    const fsen = runs['tumour-fsp1-resistant-erastin-fsen1'];
    const dfo = runs['tumour-dfo-rescue'];
    const ves = runs['tumour-vessels'];
    const livingAt = (r: RunResult, t: number) => {
      const s = sampleAt(r.samples, t);
      return s.alive + s.dying;
    };
    const lastOf = (r: RunResult) => r.samples[r.samples.length - 1];
    const c = new Criteria();
    c.add(
      'tumour-erastin grows before treatment',
      `${era.summary.death.births_total} divisions; living ${livingAt(era, 0)} -> ${livingAt(era, 1440)} cells at 24 h`,
      era.summary.death.births_total > 0 && livingAt(era, 1440) > livingAt(era, 0),
    );
    const maxHyp = (r: RunResult) => Math.max(...r.samples.map((s) => s.hypoxic));
    c.add(
      'tumour-vessels: hypoxic cells and necrosis',
      `up to ${maxHyp(ves)} hypoxic cells, ${ves.summary.death.necrotic_total} necrotic deaths`,
      maxHyp(ves) > 0 && ves.summary.death.necrotic_total > 0,
    );
    const nRes = lastOf(res).alive + lastOf(res).dying;
    const sub = res.probes.living1;
    const subEnd = sub[sub.length - 1];
    const sub0 = sub[0] / (res.probes.living0[0] + sub[0]);
    c.add(
      'FSP1-high subclone: cells survive erastin, most of them of the subclone',
      `${nRes} living at 60 h, ${fx((100 * subEnd) / Math.max(1, nRes), 1)} % FSP1-high (${fx(100 * sub0, 1)} % at t = 0)`,
      nRes > 0 && subEnd / nRes > 0.5,
    );
    const nFsen = lastOf(fsen).alive + lastOf(fsen).dying;
    c.add('with 1 uM FSEN1: < 10% as many survivors', `${nFsen} vs ${nRes} living at 60 h`, nFsen < 0.1 * nRes);
    c.add(
      'DFO 300 uM: < 10% as many cells commit as without',
      `${dfo.summary.death.committed_total} vs ${era.summary.death.committed_total} commitments; ${lastOf(dfo).alive} living at 60 h`,
      dfo.summary.death.committed_total < 0.1 * era.summary.death.committed_total,
    );
    const near: number[] = [];
    const far: number[] = [];
    const W = ves.scenario.lattice.width;
    const site = ves.scenario.lattice.site_um;
    ves.commit_t!.forEach((t, i) => {
      if (Number.isFinite(t)) (((i % W) + 0.5) * site < NEAR_VESSELS_UM ? near : far).push(t);
    });
    c.add(
      `tumour-vessels: cells near the vessels (x < ${NEAR_VESSELS_UM} um) commit earlier`,
      `median ${fx(median(near), 0)} min (${near.length} cells) vs ${fx(median(far), 0)} min (${far.length} cells)`,
      median(near) < median(far),
    );
    const table = [
      '| preset | divisions | living at 24 h | max hypoxic | necrotic deaths | commitments | living at 60 h (FSP1-high) | wave from the pulse or first cell |',
      '|---|---|---|---|---|---|---|---|',
      ...TUMOUR_PRESETS.map((p) => {
        const r = runs[p];
        const l = lastOf(r);
        const w = r.summary.wave;
        return `| ${p} | ${r.summary.death.births_total} | ${livingAt(r, 1440)} | ${maxHyp(r)} | ${r.summary.death.necrotic_total} | ${r.summary.death.committed_total} | ${l.alive + l.dying} (${r.probes.living1[r.probes.living1.length - 1]}) | ${w.detected ? `${fx(w.speed_um_per_min)} um/min` : w.pattern} |`;
      }),
    ].join('\n');
    const snap = (r: RunResult, t: number) => r.snapshots.find((s) => s.t_min >= t - 1e-9)!;
    const livingChart = lineChart({
      title: 'Living cells in the tumour presets',
      x: { label: 'time', unit: 'min' },
      y: { label: 'living cells (alive or dying)', unit: 'cells' },
      series: TUMOUR_PRESETS.map((p) => ({ name: p, points: runs[p].samples.map((s) => [s.t_min, s.alive + s.dying] as [number, number]) })),
      rules: [
        { axis: 'x', at: 1440, label: 'erastin' },
        { axis: 'x', at: 1800, label: 'pulse' },
      ],
    });
    const vesCounts = lineChart({
      title: 'tumour-vessels: cells by fate',
      x: { label: 'time', unit: 'min' },
      y: { label: 'cells', unit: 'cells' },
      series: [
        { name: 'alive', points: ves.samples.map((s) => [s.t_min, s.alive] as [number, number]), color: '#0072b2' },
        { name: 'hypoxic (living, O2 < 5 uM)', points: ves.samples.map((s) => [s.t_min, s.hypoxic] as [number, number]), color: '#56b4e9', dash: true },
        { name: 'dead (ferroptosis, until cleared)', points: ves.samples.map((s) => [s.t_min, s.dead] as [number, number]), color: '#000000' },
        { name: 'necrotic (until cleared)', points: ves.samples.map((s) => [s.t_min, s.necrotic] as [number, number]), color: '#8c6d31' },
      ],
      rules: [{ axis: 'x', at: 1440, label: 'erastin' }],
    });
    const clones = lineChart({
      title: 'Living cells by clone, FSP1-high subclone tumour',
      x: { label: 'time', unit: 'min' },
      y: { label: 'living cells', unit: 'cells' },
      series: [
        { name: 'parental', points: res.samples.map((s, k) => [s.t_min, res.probes.living0[k]] as [number, number]), color: '#0072b2' },
        { name: 'FSP1-high', points: res.samples.map((s, k) => [s.t_min, res.probes.living1[k]] as [number, number]), color: '#e69f00' },
        {
          name: 'parental, + FSEN1 1 uM',
          points: fsen.samples.map((s, k) => [s.t_min, fsen.probes.living0[k]] as [number, number]),
          color: '#0072b2',
          dash: true,
        },
        {
          name: 'FSP1-high, + FSEN1 1 uM',
          points: fsen.samples.map((s, k) => [s.t_min, fsen.probes.living1[k]] as [number, number]),
          color: '#e69f00',
          dash: true,
        },
      ],
      rules: [
        { axis: 'x', at: 1440, label: 'erastin' },
        { axis: 'x', at: 1800, label: 'pulse' },
      ],
    });
    const commit = windowRows(ves, (i) => ves.commit_t![i]);
    const commitMap = heatmap({
      title: 'tumour-vessels: when each cell committed',
      x: { label: 'x', unit: 'um', domain: commit.domain },
      y: { label: 'y', unit: 'um', domain: commit.domain },
      color: { label: 'commitment time', unit: 'min' },
      data: commit.rows,
      overlays: [
        {
          name: `x = ${NEAR_VESSELS_UM} um`,
          points: [
            [NEAR_VESSELS_UM, commit.domain[0] + 40],
            [NEAR_VESSELS_UM, commit.domain[1] - 40],
          ],
          color: '#ffffff',
          dash: true,
        },
      ],
      width: 72 + 420 + 130,
      height: 420 + 86,
    });
    const figures: Figure[] = [
      fateMap(
        era,
        snap(era, 2160),
        'fate-erastin-36h.svg',
        'tumour-erastin at 36 h',
        'Fate of every site of tumour-erastin at 36 h, 6 h after the pulse: the wave has crossed the whole mass',
      ),
      fateMap(
        era,
        snap(era, 3600),
        'fate-erastin-60h.svg',
        'tumour-erastin at 60 h (end)',
        'Fate of every site of tumour-erastin at the end: the dead cells have been cleared; only the vessels remain',
      ),
      fateMap(
        res,
        snap(res, 2160),
        'fate-fsp1-36h.svg',
        'tumour-fsp1-resistant-erastin at 36 h',
        'Fate of every site of the tumour with an FSP1-high subclone at 36 h: the parental cells have died, the subclone survives',
      ),
      fateMap(
        res,
        snap(res, 3600),
        'fate-fsp1-60h.svg',
        'tumour-fsp1-resistant-erastin at 60 h (end)',
        'The same tumour at the end: the FSP1-high subclone regrows into the cleared space',
      ),
      {
        file: 'living.svg',
        caption: 'Living cells against time in the five tumour presets (erastin from 24 h, pulse at 30 h except tumour-vessels)',
        svg: livingChart,
      },
      { file: 'clones.svg', caption: 'Living parental and FSP1-high cells against time, with erastin alone (solid) and with FSEN1 (dashed)', svg: clones },
      { file: 'vessels-counts.svg', caption: 'tumour-vessels: alive, hypoxic, dead and necrotic cells against time', svg: vesCounts },
      {
        file: 'vessels-commit-map.svg',
        caption: `tumour-vessels: first commitment time at every site where a cell committed (grey: no commitment, including the vessels at x = 1100 um: the grey dot inside the tumour is the middle one); dashed: x = ${NEAR_VESSELS_UM} um`,
        svg: commitMap,
      },
    ];
    const model = `divisions ${era.summary.death.births_total}; hypoxic up to ${maxHyp(ves)} (tumour-vessels); FSP1-high: ${nRes} survivors (${fx((100 * subEnd) / Math.max(1, nRes), 0)} % subclone), with FSEN1 ${nFsen}; DFO: ${dfo.summary.death.committed_total} vs ${era.summary.death.committed_total} commitments; vessels: median commitment ${fx(median(near), 0)} near vs ${fx(median(far), 0)} min far`;
    return result(c, model, figures, [table, commands(TUMOUR_PRESETS.map((p) => ({ name: p, run: runs[p] })))]);
  },
};
