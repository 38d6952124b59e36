// Why this file exists: what the speed checks share (5.11-5.13, lipids, ion-ca-repair): one full-dish
// pulse run per treatment case (10 uM erastin unless stated), optionally after a day's pre-culture,
// its front speed, and the bar chart and table of speeds.
import { barChart, PALETTE } from '../../report/svg';
import { type FrontSpeed, frontSpeed, presetRun } from '../kit';
import { fx } from '../measures';
import type { CheckContext, RunResult } from '../types';

export interface SpeedCase {
  name: string;
  /** treatments added after erastin and the pulse */
  extra?: object[];
  erastin?: number;
  params?: Record<string, number>;
}

export type SpeedResult = SpeedCase & { run: RunResult; s: FrontSpeed };

export async function speedRun(ctx: CheckContext, k: SpeedCase): Promise<SpeedResult> {
  const overrides: string[] = [];
  if (k.erastin !== undefined && k.erastin !== 10) overrides.push(`treatments[0].uM=${k.erastin}`);
  for (const [j, t] of (k.extra ?? []).entries()) overrides.push(`treatments[${2 + j}]=${JSON.stringify(t)}`);
  for (const [p, v] of Object.entries(k.params ?? {})) overrides.push(`params.${p}=${v}`);
  const run = await presetRun(ctx, 'primed-light-pulse', overrides);
  return { ...k, run, s: frontSpeed(run) };
}

/** pre-culture before erastin (min): lipid remodelling (PUFA-PL) takes hours, so treatments that act through it start a day ahead */
export const PRE_MIN = 1440;

/** The primed dish after PRE_MIN of pre-culture with `extra` (from t = 0), then erastin `uM` and the pulse 6 h later (900 min after erastin). */
export async function precultured(ctx: CheckContext, uM: number, extra: object[], params: Record<string, number> = {}): Promise<RunResult> {
  const overrides = [
    `duration_min=${PRE_MIN + 900}`,
    `treatments[0].uM=${uM}`,
    `treatments[0].start_min=${PRE_MIN}`,
    `treatments[1].start_min=${PRE_MIN + 360}`,
    `treatments[1].end_min=${PRE_MIN + 370}`,
  ];
  for (const [j, t] of extra.entries()) overrides.push(`treatments[${2 + j}]=${JSON.stringify(t)}`);
  for (const [p, v] of Object.entries(params)) overrides.push(`params.${p}=${v}`);
  return presetRun(ctx, 'primed-light-pulse', overrides);
}

export const drug = (agent: string, uM: number) => ({ agent, uM, start_min: 0 });
export const knockdown = (gene: string, factor: number) => ({ agent: 'knockdown', gene, factor });
/** a gene's expression scaled in every cell: knockdown below 1, overexpress above */
export const geneChange = (gene: string, factor: number) => ({ agent: factor < 1 ? 'knockdown' : 'overexpress', gene, factor });

/** erastin doses of a threshold, uM (the lowest giving a wave or synchronous death on the dish) */
export const ERASTIN = [0.6, 0.8, 1.0, 1.25, 1.6, 2.5];

/** a death response at this erastin dose: a travelling wave or synchronous death */
export const responds = (r: SpeedResult) => r.s.v > 0 || r.s.wave.pattern === 'synchronous';

/** The erastin threshold with these extra treatments: the index in ERASTIN of the lowest responding dose (null: none), and the runs up to it. */
export async function threshold(
  ctx: CheckContext,
  label: string,
  extra: object[],
  params: Record<string, number> = {},
): Promise<{ k: number | null; runs: SpeedResult[] }> {
  const runs: SpeedResult[] = [];
  for (const [k, uM] of ERASTIN.entries()) {
    const r = await speedRun(ctx, { name: `${label}erastin ${uM} uM`, erastin: uM, extra, params });
    runs.push(r);
    if (responds(r)) return { k, runs };
  }
  return { k: null, runs };
}

export const doseText = (k: number | null) => (k === null ? `none up to ${ERASTIN[ERASTIN.length - 1]} uM` : `${ERASTIN[k]} uM`);

/** Bar chart of front speeds (0 = no wave) with the reference speed as a rule. */
export function speedBars(title: string, runs: Array<{ name: string; s: FrontSpeed }>, ref: number): string {
  return barChart({
    title,
    x: { label: 'front speed', unit: 'um/min' },
    bars: runs.map((x, k) => ({
      label: x.name,
      value: x.s.v > 0 ? x.s.v : Number.NaN,
      color: x.s.met_um !== null ? '#e69f00' : PALETTE[k === 0 ? 6 : 0],
      note:
        x.s.v > 0
          ? `${fx(x.s.v)}${x.s.met_um !== null ? ' (pulse front)' : ''}`
          : x.s.wave.pattern === 'synchronous'
            ? 'no wave: synchronous death'
            : 'no wave',
    })),
    rules: [{ axis: 'x', at: ref, label: `untreated ${fx(ref)}` }],
  });
}

export const speedTable = (runs: Array<{ name: string; s: FrontSpeed; run: RunResult }>) =>
  [
    '| condition | speed (um/min) | pattern | reach (um) | R² | committed at the end |',
    '|---|---|---|---|---|---|',
    ...runs.map(
      (x) =>
        `| ${x.name} | ${x.s.text} | ${x.s.wave.pattern} | ${fx(x.s.wave.reach_um, 0)} | ${fx(x.s.wave.r2, 4)} | ${fx(100 * x.run.summary.death.fraction_final, 1)} % |`,
    ),
  ].join('\n');
