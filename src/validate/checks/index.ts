// Why this file exists: the registry of behaviours from docs/behaviours.md (and a few from
// elsewhere) that the validation report checks at full size, in report order. Each check is one
// file of this folder: its target (numbers and the pass criterion), its source, and a `run` that
// simulates, measures, decides pass/fail and draws its figures, using ctx.scenario/ctx.run and the
// helpers in ../kit.ts, ../measures.ts and ../figures.ts (see the note at the end of this file).
import type { Behaviour } from '../types';
import { bistable56 } from './bistability';
import { crosstalk } from './crosstalk';
import { inhibitors55 } from './death-inhibitors';
import { density510 } from './density';
import { threshold53 } from './erastin-threshold';
import { order59 } from './event-order';
import { gaps } from './gaps';
import { gpx4Inhibitors58 } from './gpx4-inhibitors';
import { gsh54 } from './gsh-dose';
import { ionCalcium } from './ion-calcium';
import { ionCalciumRepair } from './ion-calcium-repair';
import { ionChloride } from './ion-chloride';
import { ionSelenium } from './ion-selenium';
import { ionZinc } from './ion-zinc';
import { lipids } from './lipids';
import { speed513 } from './iron-nox-fsp1';
import { selenium512 } from './selenium';
import { spontaneous } from './spontaneous';
import { synchronous57 } from './synchronous-death';
import { wave51 } from './trigger-wave';
import { tumours } from './tumours';
import { phaseDiagram } from './phase-diagram';
import { robustness } from './robustness';
import { rtaPotency } from './rta-potency';
import { reach52 } from './unprimed-reach';
import { zinc511 } from './zinc';

/** Every check, in report order. */
export const BEHAVIOURS: Behaviour[] = [
  wave51,
  reach52,
  threshold53,
  gsh54,
  inhibitors55,
  rtaPotency,
  bistable56,
  synchronous57,
  gpx4Inhibitors58,
  order59,
  density510,
  lipids,
  zinc511,
  selenium512,
  speed513,
  robustness,
  phaseDiagram,
  gaps,
  spontaneous,
  tumours,
  ionCalcium,
  ionCalciumRepair,
  ionZinc,
  ionSelenium,
  ionChloride,
  crosstalk,
];

// How to add a check: a new file in this folder exporting a Behaviour, listed above where it
// belongs in the report, whose `run(ctx)`
//   1. builds scenarios with ctx.scenario(preset, ['path=value', ...]) (reproducible with `ferrowave run`),
//   2. runs them with ctx.run({ scenario, command, kymographs?, track?, probes? }) (memoised: the
//      same scenario and recording spec runs once per validation, shared between checks),
//   3. records each criterion with Criteria.add(what, model value, ok) and returns result(...)
//      with its figures (src/report/svg.ts builders or the helpers in ../figures.ts).
// A check that throws is reported as crashed (and `ferrowave validate` exits 1); a check that
// cannot be decided yet returns status 'not-implemented'. presetRun(ctx, preset, overrides) is the
// shortcut for a pulse run that other checks may share.
