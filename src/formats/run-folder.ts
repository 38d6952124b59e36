// Why this file exists: what a run folder holds (`ferrowave run` writes one; each run of a sweep
// has one too): the file names and each file's text. scenario.resolved.json and summary.json are
// indented JSON; timeseries.csv has one row per sample (units in the column names, 7 significant
// digits); cells.csv one row per site with its fate and final state. Pure: run-folder-fs.ts writes.
import { MEAN_VARS, type Sample } from '../analysis/observables';
import { CELL_VARS, STATUS_NAMES, type SimState } from '../model/layout';

export const RESOLVED_SCENARIO_JSON = 'scenario.resolved.json';
export const SUMMARY_JSON = 'summary.json';
export const TIMESERIES_CSV = 'timeseries.csv';
export const CELLS_CSV = 'cells.csv';

/** A JSON file of a run folder (scenario.resolved.json, summary.json): indented by 2, with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const UNITS: Record<string, string> = Object.fromEntries(CELL_VARS.map((v) => [v.name, v.unit]));

/** A number as timeseries.csv writes it: 7 significant digits, shortest form; '' for null or not finite. */
export function fmt7(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  // an integer of at most 7 digits prints as itself (and skips the slower toPrecision round trip)
  if (Number.isInteger(x) && x < 1e7 && x > -1e7) return String(x);
  return String(Number(x.toPrecision(7)));
}

interface TsColumn {
  name: string;
  cell(s: Sample): string;
}

const TS_COLUMNS: readonly TsColumn[] = [
  { name: 't_min', cell: (s) => fmt7(s.t_min) },
  ...(['alive', 'dying', 'dead', 'necrotic', 'hypoxic', 'committed_total', 'necrotic_total', 'births_total'] as const).map((k) => ({
    name: k,
    cell: (s: Sample) => String(s[k]),
  })),
  ...MEAN_VARS.map((v) => ({ name: `mean_${v}_${UNITS[v].replace(/[^A-Za-z0-9.]/g, '')}`, cell: (s: Sample) => fmt7(s.means[v]) })),
  { name: 'mean_o2_uM', cell: (s) => fmt7(s.means.o2) },
  { name: 'front_um', cell: (s) => fmt7(s.front_um) },
];

export function timeseriesHeader(): string {
  return TS_COLUMNS.map((c) => c.name).join(',');
}

export function timeseriesRow(s: Sample): string {
  return allColumns.row(s);
}

/** The header and a row formatter for some columns of timeseries.csv (unknown names throw). */
export function timeseriesColumns(names: readonly string[]): { header: string; row(s: Sample): string } {
  const cols = names.map((n) => {
    const c = TS_COLUMNS.find((x) => x.name === n);
    if (!c) throw new Error(`unknown timeseries column ${n}`);
    return c;
  });
  const n = cols.length;
  return {
    header: names.join(','),
    row(s) {
      let line = n > 0 ? cols[0].cell(s) : '';
      for (let i = 1; i < n; i++) line += `,${cols[i].cell(s)}`;
      return line;
    },
  };
}

const allColumns = timeseriesColumns(TS_COLUMNS.map((c) => c.name));

/** cells.csv: one row per site: position, fate, death time and the final per-cell state. */
export function cellsCsv(st: SimState, site_um: number): string {
  const vars = CELL_VARS.filter((v) => v.name !== 't_dying' && v.name !== 't_dead');
  const lines = [['x_um', 'y_um', 'status', 't_death_min', 't_dying_min', 'clone', ...vars.map((v) => v.name)].join(',')];
  const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '');
  for (let y = 0; y < st.height; y++) {
    for (let x = 0; x < st.width; x++) {
      const i = y * st.width + x;
      lines.push(
        [
          ((x + 0.5) * site_um).toString(),
          ((y + 0.5) * site_um).toString(),
          STATUS_NAMES[st.status[i]],
          fmt(st.cell.t_dead[i]),
          fmt(st.cell.t_dying[i]),
          String(st.clone[i]),
          ...vars.map((v) => fmt(st.cell[v.name][i])),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
