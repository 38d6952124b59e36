// Why this file exists: the fit's figures, as SVG text (src/report charts): for each data group
// (a data file's agent, observable and time) the data with their SD band and the model at the best
// parameters against dose; for each parameter its profile (objective above the best) with the
// confidence threshold. Deterministic text: the same fit gives the same files.
import { AGENTS } from '../model/agents';
import { paramSpec } from '../model/params';
import { lineChart, type Rule, type Series } from '../report/svg';
import type { Best } from './driver';
import { OBSERVABLE_INFO } from './observables';
import type { FitPlan, PlannedPoint } from './plan';
import type { FitSpec } from './spec';
import type { UncertaintySummary } from './uncertainty';

export interface Plot {
  /** path inside the fit folder, e.g. plots/d0-dfo-wave_speed_ratio.svg */
  path: string;
  title: string;
  svg: string;
}

/** The points of each plot group, in data order. */
export function groups(plan: FitPlan): PlannedPoint[][] {
  const by = new Map<string, PlannedPoint[]>();
  for (const p of plan.points) {
    const g = by.get(p.group) ?? [];
    g.push(p);
    by.set(p.group, g);
  }
  return [...by.values()];
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');
const fmt = (v: number) => String(Number(v.toPrecision(4)));

export function groupTitle(spec: FitSpec, p: PlannedPoint): string {
  return `${p.agent}: ${p.observable}${p.t_min !== null ? ` at ${p.t_min} min` : ''} (${spec.data[p.data].file})`;
}

export function groupPlotPath(p: PlannedPoint): string {
  return `plots/d${p.data}-${slug(p.agent)}-${p.observable}${p.t_min !== null ? `-t${slug(String(p.t_min))}` : ''}.svg`;
}

function groupPlot(spec: FitSpec, pts: PlannedPoint[], best: Best): Plot {
  const first = pts[0];
  const info = OBSERVABLE_INFO[first.observable];
  const model = (p: PlannedPoint) => best.points[p.index].model;
  const dosed = pts.filter((p) => p.dose > 0).sort((a, b) => a.dose - b.dose);
  const doses = dosed.map((p) => p.dose);
  const log = doses.length > 1 && doses[doses.length - 1] / doses[0] >= 10;
  const shown = log ? dosed : [...pts].sort((a, b) => a.dose - b.dose);
  const series: Series[] = [
    { name: 'data', points: shown.map((p) => [p.dose, p.value] as const), line: false, marker: 'circle', color: '#000000' },
    { name: 'model (best fit)', points: shown.map((p) => [p.dose, model(p)] as const), marker: 'diamond', color: '#d55e00' },
  ];
  const rules: Rule[] = [];
  const zero = pts.filter((p) => p.dose === 0);
  if (log && zero.length) {
    rules.push({ axis: 'y', at: zero[0].value, label: `data at dose 0: ${fmt(zero[0].value)}`, color: '#000000' });
    if (model(zero[0]) !== zero[0].value) rules.push({ axis: 'y', at: model(zero[0]), label: `model at dose 0: ${fmt(model(zero[0]))}`, color: '#d55e00' });
  }
  const title = groupTitle(spec, first);
  const svg = lineChart({
    title,
    x: { label: `${first.agent} dose`, unit: AGENTS[first.agent].unit, log },
    y: { label: first.observable, unit: info.unit },
    series,
    ribbons: [{ name: 'data ± SD', points: shown.map((p) => [p.dose, p.value - p.sd, p.value + p.sd] as const), color: '#7f7f7f' }],
    rules,
  });
  return { path: groupPlotPath(first), title, svg };
}

function profilePlot(spec: FitSpec, u: UncertaintySummary, j: number, bestObjective: number): Plot {
  const p = spec.parameters[j];
  const q = u.params[j];
  const title = `profile of ${p.name} (${Math.round(u.level * 100)}% threshold ${fmt(u.threshold)})`;
  const svg = lineChart({
    title,
    x: { label: p.name, unit: paramSpec(p.name)?.unit ?? '1', log: p.scale === 'log' },
    y: { label: 'objective above the best', unit: 'chi-square' },
    series: [{ name: 'profile (others re-optimised)', points: q.profile.map((pt) => [pt.value, pt.objective - bestObjective] as const), marker: 'circle' }],
    rules: [
      { axis: 'y', at: u.threshold, label: `${Math.round(u.level * 100)}% threshold`, color: '#d55e00' },
      { axis: 'x', at: q.best, label: 'best', color: '#000000' },
    ],
  });
  return { path: `plots/profile-${slug(p.name)}.svg`, title, svg };
}

/** Every figure of a finished fit. */
export function fitPlots(spec: FitSpec, plan: FitPlan, best: Best, u: UncertaintySummary): Plot[] {
  const out = groups(plan).map((g) => groupPlot(spec, g, best));
  if (u.method === 'profile') for (let j = 0; j < spec.parameters.length; j++) out.push(profilePlot(spec, u, j, best.objective));
  return out;
}
