// Why this file exists: the dose-response on the page. A form in its sidebar section picks an agent,
// its doses (uM; the published titration's by default), the scenario they are given in (the
// calibration strip by default, or the loaded scenario), replicates and a seed; "run doses" runs
// them on the page's run workers (dose-response.ts: the runs of `ferrowave sweep` on the same
// sweep file) and covers the lattice with the results as they come: wave speed (or its ratio to the
// dose-0 control) and the fraction of cells dead against the dose on a log axis, the published
// points of Co et al. 2024 overlaid and cited, a table with a CSV download, the sweep file to
// rerun it headless, progress, cancel and close.
import type { RunWorker } from '../engine/whole-run';
import { inThreadRunWorker } from '../engine/whole-run';
import { AGENTS, type AgentId } from '../model/agents';
import { formatClock } from '../render/overlays';
import primedStrip from '../../fits/primed-strip-long.json' with { type: 'json' };
import type { SimController } from './controller';
import { DoseChart, type DoseSeries } from './dose-chart';
import { DOSE_AGENTS, type DoseRequest, DoseResponse, type DoseRow, defaultDoses, parseDoses, planDoses } from './dose-response';
import { byId, el, labelRow } from './dom';
import type { ErrorBox } from './error-box';
import { CO_2024, publishedAt, publishedTitration } from './published-titrations';
import { RunPool } from './run-pool';

const MODEL = '#56b4e9';
const PUBLISHED = '#e69f00';
const CONTROL = '#9a9aa6';

/** the calibration's strip (fits/primed-strip-long.json), the default scenario of a dose-response */
export const STRIP_BASE = 'strip';
export const LOADED_BASE = 'loaded';

export interface DoseDeps {
  controller: SimController;
  errors: ErrorBox;
  /** starts a run worker (absent: runs go in the page's thread) */
  spawnRun?: () => RunWorker;
  /** the loaded scenario's name as the preset selector shows it */
  loadedName: () => string;
}

export interface DosePanel {
  /** the dose-response shown (running or done), or null */
  readonly current: DoseResponse | null;
  readonly charts: { speed: DoseChart; dead: DoseChart };
  /** run the form's doses (as "run doses" does); false (error shown) when the form is invalid */
  run(): Promise<boolean>;
  cancel(): void;
  /** describe the form again (the loaded scenario changed: its name, lattice and duration) */
  refresh(): void;
  /** hide the results (a run goes on) */
  close(): void;
  /** cancel, stop the run workers, free the charts */
  dispose(): void;
}

/** "0.15625" -> "0.156": doses as the table and tips show them */
const doseText = (v: number) => String(+v.toPrecision(3));
const num = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));
const pm = (v: number | null, e: number | null, digits: number) => (v === null ? '–' : e ? `${num(v, digits)} ± ${num(e, digits)}` : num(v, digits));

export function mountDosePanel(d: DoseDeps): DosePanel {
  const form = byId('dose-form');
  const view = byId('dose-view');

  const agentSel = el('select', { id: 'dose-agent' });
  for (const a of DOSE_AGENTS) agentSel.add(new Option(`${AGENTS[a].name}${publishedTitration(a) ? ' (published)' : ''}`, a));
  agentSel.value = 'dfo';
  const dosesIn = el('input', { id: 'dose-doses', type: 'text', spellcheck: false });
  dosesIn.style.width = '100%';
  const baseSel = el('select', { id: 'dose-base' });
  baseSel.add(new Option('calibration strip (primed dish, 4.8 mm x 80 um)', STRIP_BASE));
  baseSel.add(new Option('the loaded scenario', LOADED_BASE));
  const baseNote = el('div', { className: 'hint', id: 'dose-base-note' });
  const repsIn = el('input', { id: 'dose-reps', type: 'number', min: '1', max: '20', step: '1', value: '3' });
  const seedIn = el('input', { id: 'dose-seed', type: 'number', min: '0', step: '1', value: '1' });
  const runBtn = el('button', { type: 'button', id: 'dose-run', textContent: 'run doses' });
  const showBtn = el('button', { type: 'button', id: 'dose-show', textContent: 'show results', disabled: true });
  const size = el('div', { className: 'hint', id: 'dose-size' });
  form.append(
    labelRow('agent', agentSel),
    el('label', { htmlFor: 'dose-doses', className: 'hint', textContent: 'doses (uM; 0, the control, is always run)' }),
    dosesIn,
    labelRow('given in', baseSel),
    baseNote,
    labelRow('replicates per dose', repsIn),
    labelRow('seed (of the sweep)', seedIn),
    el('div', { className: 'buttons' }, runBtn, showBtn),
    size,
  );

  const baseOf = (): { raw: Record<string, unknown>; label: string } =>
    baseSel.value === LOADED_BASE
      ? { raw: d.controller.rawScenario(), label: d.loadedName() }
      : { raw: structuredClone(primedStrip) as Record<string, unknown>, label: 'the calibration strip (fits/primed-strip-long.json)' };

  const describeForm = () => {
    const loaded = d.controller.sim ? d.controller.scenario : null;
    baseSel.options[1].text = `the loaded scenario (${d.loadedName()})`;
    if (baseSel.value === STRIP_BASE)
      baseNote.textContent =
        'The default, whatever is loaded: a strip of the primed dish (RPE-1-like cells, 10 uM erastin from t = 0, the drug given with it, a light pulse at 6 h starting the wave), the assay of the published titrations and of the model\u2019s calibration, so model and published points compare like with like; a run takes a fraction of a second.';
    else
      baseNote.textContent = `The drug in the scenario on screen, from t = 0 with the treatments added here (given with its first treatment, or the dose of its own treatment varied). ${
        loaded?.tissue.kind === 'tumour' ? 'A tumour\u2019s wave is not the dish\u2019s: the published points are a reference only. ' : ''
      }Large lattices take minutes per run.`;
    let doses: number[] = [];
    try {
      doses = parseDoses(dosesIn.value);
    } catch {
      size.textContent = '';
      return;
    }
    const n = (doses.includes(0) ? doses.length : doses.length + 1) * Math.max(1, Number(repsIn.value) || 1);
    const lat = baseSel.value === LOADED_BASE && loaded ? loaded.lattice : (primedStrip.lattice as { width: number; height: number });
    const dur = baseSel.value === LOADED_BASE && loaded ? loaded.duration_min : primedStrip.duration_min;
    size.textContent = `${n} runs of ${lat.width} x ${lat.height} sites over ${+(dur / 60).toFixed(1)} h, on ${Math.min(n, d.controller.workers || 1)} workers`;
  };
  const resetDoses = () => {
    dosesIn.value = defaultDoses(agentSel.value as AgentId)
      .map((v) => String(v))
      .join(', ');
    describeForm();
  };
  agentSel.addEventListener('change', resetDoses);
  for (const c of [dosesIn, repsIn, baseSel]) c.addEventListener('input', describeForm);
  baseSel.addEventListener('change', describeForm);
  baseSel.addEventListener('focus', describeForm);
  resetDoses();

  // the results, over the lattice
  const title = el('span', { className: 'compare-title', id: 'dose-title' });
  const progress = el('progress', { id: 'dose-progress', max: 1, value: 0 });
  const status = el('span', { className: 'hint', id: 'dose-status' });
  const cancelBtn = el('button', { type: 'button', id: 'dose-cancel', textContent: 'cancel' });
  const closeBtn = el('button', { type: 'button', id: 'dose-close', textContent: 'close' });
  for (const b of [cancelBtn, closeBtn]) b.style.flex = 'none';
  const ySel = el('select', { id: 'dose-y' });
  ySel.add(new Option('speed as a ratio to the dose-0 control', 'ratio'));
  ySel.add(new Option('speed (um/min)', 'speed'));
  const plotSpeed = el('div', { className: 'chart', id: 'dose-plot-speed' });
  const plotDead = el('div', { className: 'chart', id: 'dose-plot-dead' });
  const legend = el('div', { className: 'dose-legend', id: 'dose-legend' });
  const key = el('div', { className: 'hint', id: 'dose-key' });
  const cite = el('p', { className: 'dose-cite', id: 'dose-cite' });
  const table = el('table', { className: 'compare-table', id: 'dose-table' });
  const csvLink = el('a', { id: 'dose-csv', textContent: 'export the table as CSV' });
  const sweepLink = el('a', { id: 'dose-sweep', textContent: 'the sweep file' });
  view.replaceChildren(
    el('div', { className: 'compare-bar' }, title, progress, status, cancelBtn, closeBtn),
    el('div', { className: 'dose-bar' }, el('label', { className: 'check' }, 'plot ', ySel), legend),
    el('div', { className: 'dose-plots' }, plotSpeed, plotDead),
    key,
    cite,
    table,
    el(
      'div',
      { className: 'hint' },
      csvLink,
      ' · ',
      sweepLink,
      ': `npx ferrowave sweep FILE --out DIR` runs the same runs headless and gives the same numbers (runs.csv: each run\u2019s wave_speed_um_per_min and death_fraction_final)',
    ),
  );

  let cur: DoseResponse | null = null;
  let frame = 0;
  const urls: string[] = [];
  const pool = new RunPool(d.spawnRun ?? inThreadRunWorker);

  const speedTip = (k: number) => tipAt(k, ySel.value === 'ratio' ? 'ratio' : 'speed');
  const charts = { speed: new DoseChart(plotSpeed, 200, speedTip), dead: new DoseChart(plotDead, 200, (k) => tipAt(k, 'dead')) };
  /** the chart's doses: those run and those published, > 0 (the control is the dashed line) */
  let xs: number[] = [];

  function tipAt(k: number, what: 'ratio' | 'speed' | 'dead'): string | null {
    if (!cur) return null;
    const dose = xs[k];
    const row = cur.rows().find((r) => r.dose_uM === dose);
    const p = publishedAt(cur.published, dose);
    const lines = [`${doseText(dose)} uM ${AGENTS[cur.plan.request.agent].name}`];
    if (row) {
      if (what === 'dead') lines.push(`model: ${pm(row.fraction_dead, row.fraction_dead_sd, 3)} dead`);
      else if (what === 'ratio') lines.push(`model: ${pm(row.ratio, row.ratio_sd, 3)} of the control's speed (${row.waves} of ${row.runs} runs with a wave)`);
      else lines.push(`model: ${pm(row.speed_um_per_min, row.speed_sd_um_per_min, 2)} um/min (${row.waves} of ${row.runs} runs with a wave)`);
    }
    if (p && what !== 'dead')
      lines.push(what === 'ratio' ? `published: ${pm(p.ratio, p.sd_ratio, 3)}` : `published: ${pm(p.speed_um_per_min, p.sd_um_per_min, 2)} um/min`);
    return lines.join('\n');
  }

  const draw = () => {
    frame = 0;
    if (!cur) return;
    const rows = cur.rows();
    const pub = cur.published;
    const ratio = ySel.value === 'ratio';
    const set = new Set<number>([...rows.map((r) => r.dose_uM), ...(pub?.points.map((p) => p.uM) ?? [])].filter((v) => v > 0));
    xs = [...set].sort((a, b) => a - b);
    const at = (dose: number) => rows.find((r) => r.dose_uM === dose) ?? null;
    const control = rows.find((r) => r.dose_uM === 0) ?? null;
    const n = cur.plan.request.replicates;
    const model = `model, mean ± SD of ${n} run${n > 1 ? 's' : ''}`;
    const speedSeries: DoseSeries[] = [
      {
        label: model,
        colour: MODEL,
        kind: 'points',
        values: xs.map((x) => (ratio ? at(x)?.ratio : at(x)?.speed_um_per_min) ?? null),
        sd: xs.map((x) => (ratio ? at(x)?.ratio_sd : at(x)?.speed_sd_um_per_min) ?? null),
      },
    ];
    const levels = [{ value: ratio ? (control?.ratio ?? null) : (control?.speed_um_per_min ?? null), colour: CONTROL, label: 'model, 0 uM' }];
    if (pub) {
      const p0 = pub.points.find((p) => p.uM === 0);
      speedSeries.push({
        label: 'Co et al. 2024, mean ± SD',
        colour: PUBLISHED,
        kind: 'published',
        values: xs.map((x) => {
          const p = publishedAt(pub, x);
          return p ? (ratio ? p.ratio : p.speed_um_per_min) : null;
        }),
        sd: xs.map((x) => {
          const p = publishedAt(pub, x);
          return p ? (ratio ? p.sd_ratio : p.sd_um_per_min) : null;
        }),
      });
      if (!ratio && p0) levels.push({ value: p0.speed_um_per_min, colour: PUBLISHED, label: 'published, 0 uM' });
    }
    charts.speed.set({ yLabel: ratio ? 'wave speed / control' : 'wave speed (um/min)', x: xs, series: speedSeries, levels, yMax: ratio ? 1.2 : undefined });
    charts.dead.set({
      yLabel: 'cells dead (fraction)',
      x: xs,
      yMax: 1,
      series: [
        {
          label: model,
          colour: MODEL,
          kind: 'points',
          values: xs.map((x) => at(x)?.fraction_dead ?? null),
          sd: xs.map((x) => at(x)?.fraction_dead_sd ?? null),
        },
      ],
      levels: [{ value: control?.fraction_dead ?? null, colour: CONTROL, label: 'model, 0 uM' }],
    });
    drawTable(rows);
    drawStatus();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  ySel.addEventListener('change', draw);

  const drawTable = (rows: DoseRow[]) => {
    const head = el(
      'tr',
      {},
      ...['dose (uM)', 'runs: death pattern', 'speed (um/min)', 'ratio to 0 uM', 'dead (fraction)', 'published ratio'].map((h, i) =>
        el('th', { textContent: h, className: i ? 'ct' : 'ct ct-first' }),
      ),
    );
    table.replaceChildren(
      head,
      ...rows.map((r) =>
        el(
          'tr',
          {},
          ...[
            doseText(r.dose_uM),
            `${r.patterns || '–'} (of ${r.runs})`,
            pm(r.speed_um_per_min, r.speed_sd_um_per_min, 2),
            pm(r.ratio, r.ratio_sd, 3),
            pm(r.fraction_dead, r.fraction_dead_sd, 3),
            pm(r.published_ratio, r.published_sd, 3),
          ].map((text, i) => el('td', { className: i ? 'ct' : 'ct ct-first', textContent: text })),
        ),
      ),
    );
    if (cur?.finished || cur?.cancelled) setLink(csvLink, cur.csv(), 'text/csv', `dose-response-${cur.plan.request.agent}.csv`);
  };

  const setLink = (a: HTMLAnchorElement, text: string, type: string, name: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    urls.push(url);
    a.href = url;
    a.download = name;
  };

  const drawStatus = () => {
    if (!cur) return;
    const total = cur.plan.runs.length;
    const done = cur.finishedRuns;
    const failed = cur.results.filter((r) => r && !r.ok);
    progress.value = cur.progress();
    cancelBtn.disabled = cur.finished || cur.cancelled;
    const why = failed.length ? ` (${failed.length} failed: ${failed[0]?.error})` : '';
    const control = cur.rows()[0];
    const noControl = control.ok > 0 && control.waves === 0 ? '; no wave at 0 uM, so no ratios: plot the speed' : '';
    if (cur.finished) status.textContent = `${total} runs in ${(cur.elapsedMs / 1000).toFixed(1)} s${why}${noControl}`;
    else if (cur.cancelled) status.textContent = `cancelled after ${done} of ${total} runs${why}`;
    else status.textContent = `${done} of ${total} runs${why}`;
    progress.hidden = cur.finished;
  };

  const cancel = () => {
    if (!cur || cur.finished) return;
    cur.cancel();
    pool.kill();
    schedule();
  };

  const run = async (): Promise<boolean> => {
    const agent = agentSel.value as AgentId;
    const base = baseOf();
    let dr: DoseResponse;
    try {
      const req: DoseRequest = {
        base: base.raw,
        baseLabel: base.label,
        agent,
        doses: parseDoses(dosesIn.value),
        replicates: Number(repsIn.value),
        seed: Number(seedIn.value),
      };
      if (!Number.isInteger(req.seed) || req.seed < 0 || req.seed > 2 ** 32 - 1) throw new Error('seed: a whole number from 0 to 4294967295');
      const plan = planDoses(req);
      cancel();
      d.controller.pause();
      const workers = pool.take(Math.max(1, Math.min(d.controller.workers || 1, plan.runs.length)));
      dr = new DoseResponse(plan, workers);
    } catch (e) {
      d.errors.show(e);
      return false;
    }
    d.errors.clear();
    cur = dr;
    showBtn.disabled = false;
    for (const u of urls.splice(0)) URL.revokeObjectURL(u);
    csvLink.removeAttribute('href');
    setLink(sweepLink, `${JSON.stringify(dr.plan.sweep, null, 2)}\n`, 'application/json', `${dr.plan.sweep.name}.sweep.json`);
    const pub = dr.published;
    const name = AGENTS[agent].name;
    const nr = dr.plan.request.replicates;
    title.textContent = `${name}: ${dr.plan.doses.length} doses x ${nr} replicate${nr > 1 ? 's' : ''} on ${base.label}${dr.plan.added ? `, given from ${formatClock(dr.plan.start_min)}` : ' (its dose varied)'}`;
    const reps = dr.plan.request.replicates;
    legend.replaceChildren(
      swatch('\u25cf', MODEL, ` model, mean ± SD of ${reps} run${reps > 1 ? 's' : ''} per dose`),
      ...(pub ? [swatch('\u25cf', PUBLISHED, ' Co et al. 2024, mean ± SD over wells')] : []),
      swatch('- -', CONTROL, ' 0 uM (the control)'),
    );
    key.textContent =
      'The model\u2019s wave speed and share of cells that died (death_fraction_final) as `ferrowave sweep` measures them, the speed over the runs with a travelling wave. The dose-0 control is a dashed line: a log axis has no 0.';
    cite.textContent = pub
      ? `Published points: ${CO_2024}, ${pub.source}: mean ± SD over wells of RPE-1 cells primed with 10 uM erastin, as a ratio to the same plate\u2019s untreated wells (data/co2024-wave-speed-calibration.csv).`
      : `No published titration of ${name} ships with the project (data/ holds those of ${CO_2024}: DFO, ferric citrate, GKT137831, LY294002, dasatinib, FSEN1).`;
    view.hidden = false;
    dr.onChange = schedule;
    draw();
    await dr.done;
    if (cur === dr) draw();
    return true;
  };

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', cancel);
  const close = () => {
    view.hidden = true;
  };
  closeBtn.addEventListener('click', close);
  showBtn.addEventListener('click', () => {
    view.hidden = false;
    draw();
  });

  return {
    get current() {
      return cur;
    },
    charts,
    run,
    cancel,
    refresh: describeForm,
    close,
    dispose: () => {
      cancel();
      pool.kill();
      charts.speed.destroy();
      charts.dead.destroy();
      for (const u of urls.splice(0)) URL.revokeObjectURL(u);
    },
  };
}

/** a coloured mark and its text */
function swatch(mark: string, colour: string, text: string): HTMLSpanElement {
  const m = el('span', { textContent: mark });
  m.style.color = colour;
  return el('span', { className: 'dose-swatch' }, m, text);
}
