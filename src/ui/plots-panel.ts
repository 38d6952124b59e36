// Why this file exists: the live plots beside the lattice: alive / dying / dead cells over time
// (with its legend), the mean of a chosen variable and the front's position and speed, all
// sampled together at the scenario's output interval while the state is consistent; their values
// under the cursor (in the legends and a tip), and every sample as CSV.
import type { Simulation } from '../model/simulation';
import type { SimController } from './controller';
import { byId } from './dom';
import { type FateSeries, FatePlot } from './plot';
import { column } from './csv-names';
import { TRACE_VARS, type TraceSeries, TracePlots } from './trace-plots';

/** The plots' samples as CSV: time, cells, the mean of every variable (units in the names), the front. */
export function plotsCsv(plot: FateSeries, traces: TraceSeries): string {
  const cell = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '' : String(+v.toPrecision(7)));
  const head = ['t_min', 'alive', 'dying', 'dead', ...TRACE_VARS.map((v) => column(`mean_${v.name}`, v.unit)), 'front_um'];
  const rows = plot.t_min.map((t, k) => {
    // the traces are sampled with the cells; look their sample up by time all the same
    const j = traces.t_min.indexOf(t);
    return [
      t,
      plot.alive[k],
      plot.dying[k],
      plot.dead[k],
      ...TRACE_VARS.map((v) => (j < 0 ? null : traces.means[v.name][j])),
      j < 0 ? null : traces.front_um[j],
    ]
      .map(cell)
      .join(',');
  });
  return `${[head.join(','), ...rows].join('\n')}\n`;
}

/** the plots' series at one moment (a checkpoint keeps them to restore on a branch) */
export interface PlotSeries {
  plot: FateSeries;
  traces: TraceSeries;
}

export interface PlotsPanel {
  /** the live alive / dying / dead plot */
  plot: FatePlot;
  /** live means of a chosen variable and the front's position and speed */
  traces: TracePlots;
  /** a fresh simulation (load or reset): start over and take its first sample */
  restart(sim: Simulation): void;
  /** take a sample if one is due (call between two advances) */
  sample(sim: Simulation): void;
  /** copies of the series so far */
  snapshot(): PlotSeries;
  /** after a branch: the series as they were at the checkpoint, then a sample of now */
  restore(saved: PlotSeries, sim: Simulation): void;
  /** the run's length changed (extended at its end): the time axes span the new duration_min */
  setDuration(duration_min: number): void;
  /** redraw what changed */
  draw(): void;
}

/** `onSampled` is called after each sample the plots record (the state is between two advances). */
export function mountPlotsPanel(controller: SimController, onSampled?: () => void): PlotsPanel {
  const plot = new FatePlot(byId('plot'));
  const traces = new TracePlots(byId('trace-mean'), byId<HTMLSelectElement>('trace-var'), byId('trace-front'), byId('front-readout'));
  traces.busy = () => controller.playing;
  const csvLink = byId<HTMLAnchorElement>('plots-csv');
  let csvUrl = '';
  // made when asked for: the link's address is set before the browser follows it
  csvLink.addEventListener('click', () => {
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([plotsCsv(plot.series, traces.series)], { type: 'text/csv' }));
    csvLink.href = csvUrl;
  });
  plot.onSample = (st, t, c) => {
    if (controller.sim) traces.record(st, controller.scenario, t, c);
    onSampled?.();
  };

  return {
    plot,
    traces,
    restart: (sim) => {
      plot.clear(sim.scenario.duration_min, sim.scenario.output.sample_every_min);
      traces.clear(sim.scenario.duration_min);
      plot.sample(sim.state, sim.time());
    },
    sample: (sim) => {
      plot.sample(sim.state, sim.time());
    },
    snapshot: () => ({ plot: structuredClone(plot.series), traces: structuredClone(traces.series) }),
    restore: (saved, sim) => {
      plot.clear(sim.scenario.duration_min, sim.scenario.output.sample_every_min);
      for (const k of Object.keys(saved.plot) as (keyof FateSeries)[]) plot.series[k].push(...saved.plot[k]);
      traces.clear(sim.scenario.duration_min);
      traces.series = structuredClone(saved.traces);
      plot.sample(sim.state, sim.time());
    },
    setDuration: (d) => {
      plot.setDuration(d);
      traces.setDuration(d);
    },
    draw: () => {
      plot.draw();
      traces.draw();
    },
  };
}
