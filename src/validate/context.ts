// Why this file exists: the context every check runs in: build a scenario from a preset plus
// CLI-style overrides (so each run in the report can be reproduced with `ferrowave run`), run it
// to the end on an engine (N workers for big lattices, in-thread for tiny ones) while recording
// tracked cells, kymograph rows, probes, lattice snapshots and commitment times at each sample,
// and memoise runs shared by checks.
// Environment-free: the host passes its way of starting a worker.
import { hashBuffer } from '../analysis/hash';
import type { Sample } from '../analysis/observables';
import { summarise } from '../analysis/summary';
import { createEngine, type WorkerHandle } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import { ALIVE, DYING, EMPTY, type SimState } from '../model/layout';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { applyOverride, resolveScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { FERROWAVE_VERSION } from '../model/version';
import type { CheckContext, Kymograph, KymoKind, RunResult, RunSpec, Snapshot, Track } from './types';

/** Lattices with fewer sites than this run in the calling thread (workers cost more than they save). */
export const SMALL_LATTICE = 4000;
/** At most this many x bins per kymograph row. */
export const KYMO_MAX_COLS = 200;

export interface ContextOptions {
  workers: number;
  spawn?: () => WorkerHandle;
  log?: (message: string) => void;
}

/** Quote a --set argument for a POSIX shell when it needs it. */
const shellArg = (a: string) => (/^[A-Za-z0-9_.[\]=/:,+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export function createCheckContext(o: ContextOptions): CheckContext {
  const memo = new Map<string, Promise<RunResult>>();
  // one simulation at a time: each already uses all the workers, and oversubscribed barriers spin
  let queue: Promise<unknown> = Promise.resolve();
  const log = o.log ?? (() => {});
  const ctx: CheckContext = {
    workers: o.workers,
    log,
    scenario(preset, overrides = []) {
      if (!PRESETS[preset]) throw new Error(`unknown preset "${preset}"; presets: ${PRESET_NAMES.join(', ')}`);
      const raw = structuredClone(PRESETS[preset]);
      for (const a of overrides) applyOverride(raw, a);
      const scenario = resolveScenario(raw, FERROWAVE_VERSION);
      // the folder is named by the second lane of the hash (the last 8 hex digits), which mixes every
      // byte: the first lane skips a tail shorter than a word, so overrides differing only there
      // (factor 0.5 / 0.1) would share a folder
      const out = overrides.length ? `runs/${preset}-${hashBuffer(new TextEncoder().encode(overrides.join('\n')).slice().buffer).slice(-6)}` : `runs/${preset}`;
      const command = ['npx ferrowave run', preset, '--out', out, ...overrides.flatMap((a) => ['--set', shellArg(a)])].join(' ');
      return { scenario, command };
    },
    run(spec) {
      const key = JSON.stringify({
        sc: spec.scenario,
        track: spec.track ?? null,
        kymo: spec.kymographs ?? [],
        probes: Object.keys(spec.probes ?? {}).sort(),
        snap: spec.snapshots ?? null,
        commit: spec.commitTimes ?? false,
      });
      let p = memo.get(key);
      if (!p) {
        p = queue.then(() => runSpec(spec, o, log));
        queue = p.catch(() => {});
        memo.set(key, p);
      }
      return p;
    },
  };
  return ctx;
}

async function runSpec(spec: RunSpec, o: ContextOptions, log: (m: string) => void): Promise<RunResult> {
  const sc = spec.scenario;
  const { width: W, height: H, site_um: site } = sc.lattice;
  const workers = spec.workers ?? (W * H >= SMALL_LATTICE && o.spawn ? o.workers : 0);
  const sim = createSimulation(sc);
  const t0 = performance.now();
  // keep every worker this run starts: createEngine does not stop them when their init fails
  // (e.g. the sources changed under a running validation), and a live worker keeps Node running
  const started: WorkerHandle[] = [];
  const spawn = o.spawn
    ? () => {
        const h = o.spawn!();
        started.push(h);
        return h;
      }
    : undefined;
  const stopAll = () => {
    for (const h of started.splice(0)) h.terminate();
  };
  let engine: Awaited<ReturnType<typeof createEngine>>;
  try {
    engine = await createEngine(sim, workers, spawn);
  } catch (e) {
    stopAll();
    throw e;
  }
  const st = sim.state;
  const tracks: Track[] = (spec.track?.cells ?? []).map((index) => {
    if (!Number.isInteger(index) || index < 0 || index >= st.n) throw new Error(`tracked cell ${index} is outside the ${W} x ${H} lattice`);
    const x = index % W;
    return {
      index,
      x_um: (x + 0.5) * site,
      y_um: ((index - x) / W + 0.5) * site,
      values: Object.fromEntries((spec.track?.vars ?? []).map((v) => [v, []])),
      status: [],
    };
  });
  const bins = Math.min(W, KYMO_MAX_COLS);
  const binOf = Int32Array.from({ length: W }, (_, x) => Math.floor((x * bins) / W));
  const kymos: Kymograph[] = (spec.kymographs ?? []).map((what) => ({
    what,
    x_um: Array.from({ length: bins }, (_, b) => {
      const x0 = Math.ceil((b * W) / bins);
      const x1 = Math.ceil(((b + 1) * W) / bins);
      return ((x0 + x1) / 2) * site;
    }),
    x_domain: [0, W * site],
    rows: [],
  }));
  const probes: Record<string, number[]> = Object.fromEntries(Object.keys(spec.probes ?? {}).map((k) => [k, []]));
  const snapTimes = [...(spec.snapshots?.t_min ?? [])].sort((a, b) => a - b);
  const snapshots: Snapshot[] = [];
  const commit_t = spec.commitTimes ? new Float64Array(st.n).fill(Number.NaN) : null;
  const record = (s: Sample) => {
    while (snapshots.length < snapTimes.length && s.t_min >= snapTimes[snapshots.length] - 1e-9) {
      snapshots.push({
        t_min: s.t_min,
        status: st.status.slice(),
        clone: st.clone.slice(),
        values: Object.fromEntries((spec.snapshots?.vars ?? []).map((v) => [v, st.cell[v].slice()])),
      });
    }
    if (commit_t) {
      const td = st.cell.t_dying;
      for (let i = 0; i < st.n; i++) if (Number.isNaN(commit_t[i]) && Number.isFinite(td[i])) commit_t[i] = td[i];
    }
    for (const tr of tracks) {
      for (const v of Object.keys(tr.values)) tr.values[v].push(st.cell[v as keyof typeof st.cell][tr.index]);
      tr.status.push(st.status[tr.index]);
    }
    for (const k of kymos) k.rows.push(kymoRow(st, k.what, bins, binOf));
    for (const [name, f] of Object.entries(spec.probes ?? {})) probes[name].push(f(st));
  };
  let samples: RunResult['samples'];
  try {
    samples = await runToEnd(engine, { onSample: record });
  } finally {
    engine.dispose();
    stopAll();
  }
  const wall_s = (performance.now() - t0) / 1000;
  const command = spec.command ?? `(scenario ${sc.name})`;
  log(`    run ${sc.name} ${W}x${H} ${sc.duration_min} min on ${workers} worker${workers === 1 ? '' : 's'}: ${wall_s.toFixed(2)} s`);
  return { scenario: sc, command, sim, samples, summary: summarise(sim, samples), tracks, kymographs: kymos, probes, snapshots, commit_t, wall_s };
}

/** One kymograph row: the chosen quantity per x bin. */
export function kymoRow(st: SimState, what: KymoKind, bins: number, binOf: Int32Array): Float64Array {
  const { width: W, height: H, status } = st;
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  const values = what.kind === 'cell' ? st.cell[what.name] : what.kind === 'field' ? st.field[what.name] : null;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const s = status[i];
      const b = binOf[x];
      if (what.kind === 'committed') {
        if (s === EMPTY) continue;
        count[b]++;
        if (s >= DYING) sum[b]++;
      } else if (what.kind === 'cell') {
        if (s !== ALIVE && s !== DYING) continue;
        count[b]++;
        sum[b] += values![i];
      } else {
        count[b]++;
        sum[b] += values![i];
      }
    }
  }
  const row = new Float64Array(bins);
  for (let b = 0; b < bins; b++) row[b] = count[b] > 0 ? sum[b] / count[b] : Number.NaN;
  return row;
}

/** Index of the site containing (x_um, y_um). */
export function siteAt(sc: { lattice: { width: number; height: number; site_um: number } }, x_um: number, y_um: number): number {
  const { width: W, height: H, site_um: s } = sc.lattice;
  const x = Math.min(W - 1, Math.max(0, Math.floor(x_um / s)));
  const y = Math.min(H - 1, Math.max(0, Math.floor(y_um / s)));
  return y * W + x;
}
