// Why this file exists: the molecular targets that treatments act on, named once so that the
// agent registry (agents.ts), the effect calculation (effects.ts) and the kinetics agree.
// Each target is a number the kinetics reads; how agents combine onto it is in effects.ts.

/** How an agent acts on a target. */
export type TargetKind =
  /** fraction of activity left: 1 / (1 + sum_i (c_i / IC50_i)^h_i) over all agents on the target */
  | 'inhibit'
  /** an added rate or amount: sum_i max_effect_i * c^h / (c^h + EC50^h) */
  | 'saturating'
  /** the concentration itself adds to a bath (extracellular) supply, in uM per uM applied */
  | 'bath'
  /** the medium is replaced: the bath level becomes max_effect x the treatment's dose (default 0) where it applies */
  | 'medium'
  /** a one-off bolus at the treatment's start (dose in the target's unit) */
  | 'pulse';

export const TARGETS = {
  xc: { kind: 'inhibit', unit: 'activity', doc: 'system xc- (SLC7A11/SLC3A2) cystine import activity' },
  gcl: { kind: 'inhibit', unit: 'activity', doc: 'glutamate-cysteine ligase (GSH synthesis) activity' },
  gpx4_inactivation: { kind: 'saturating', unit: '1/min', doc: 'covalent inactivation of GPX4 protein, 1/min' },
  gpx4_degradation: { kind: 'saturating', unit: '1/min', doc: 'extra degradation of GPX4 protein, 1/min' },
  coq10_depletion: { kind: 'saturating', unit: 'fraction of the pool', doc: 'fraction of the CoQ10 pool depleted (0-1)' },
  mito_ros: { kind: 'saturating', unit: 'x basal ROS production', doc: 'extra mitochondrial ROS production (VDAC opening), as a fraction of basal production' },
  fsp1: { kind: 'inhibit', unit: 'activity', doc: 'FSP1 (AIFM2) CoQ10 reductase activity' },
  dhfr: { kind: 'inhibit', unit: 'activity', doc: 'DHFR activity (BH2 -> BH4 regeneration)' },
  rta: { kind: 'saturating', unit: 'x control defence', doc: 'radical-trapping antioxidant capacity, in units of the control cell defence' },
  scd1: {
    kind: 'inhibit',
    unit: 'activity',
    doc: "stearoyl-CoA desaturase 1 activity (the cell's own MUFA synthesis, which competes with PUFA for phospholipids)",
  },
  mufa_supply: {
    kind: 'saturating',
    unit: 'x endogenous MUFA supply',
    doc: 'exogenous monounsaturated fatty acid (oleate) activated by ACSL3 and built into phospholipids, in units of the supply SCD1 gives a control cell',
  },
  cys_supply: { kind: 'saturating', unit: 'uM/min cysteine', doc: 'cysteine supply bypassing xc-, uM/min' },
  iron_chelation: { kind: 'saturating', unit: '1/min', doc: 'removal of labile Fe2+ by a chelator, 1/min' },
  ntbi: { kind: 'bath', unit: 'uM Fe', doc: 'non-transferrin-bound iron in the medium, uM Fe' },
  tf_iron: { kind: 'bath', unit: 'uM Fe', doc: 'transferrin-bound iron added to the medium (holo-transferrin), uM Fe' },
  tf_medium: {
    kind: 'medium',
    unit: 'uM Fe',
    doc: 'transferrin-bound iron the serum brings, replaced by a serum change (tf_medium at the default 10 % serum)',
  },
  nox: { kind: 'inhibit', unit: 'activity', doc: 'NOX1/4 activity' },
  pi3k: { kind: 'inhibit', unit: 'activity', doc: 'class I PI3K activity (Rac activation of NOX; share nox_pi3k_share of NOX activity depends on it)' },
  src_kinase: {
    kind: 'inhibit',
    unit: 'activity',
    doc: 'Src-family kinase activity (phosphorylation of the NOX organisers; share nox_src_share of NOX activity depends on it)',
  },
  zn_bath: { kind: 'bath', unit: 'uM Zn2+', doc: 'Zn2+ in the medium, uM' },
  zn_chelation: { kind: 'saturating', unit: '1/min', doc: 'removal of labile Zn2+ by a chelator, 1/min' },
  ca_ionophore: {
    kind: 'saturating',
    unit: 'uM/min Ca2+',
    doc: 'Ca2+ influx through an ionophore, uM/min at the medium Ca2+ of ca_medium (scaled with outside Ca2+)',
  },
  orai1: { kind: 'inhibit', unit: 'activity', doc: 'ORAI1 store-operated Ca2+ entry' },
  serca: { kind: 'inhibit', unit: 'activity', doc: 'SERCA Ca2+ pump of the ER (uptake into the store)' },
  ip3r: { kind: 'inhibit', unit: 'activity', doc: 'IP3 receptor Ca2+ release from the ER (the ROS-sensitised part of ER release)' },
  mcu: { kind: 'inhibit', unit: 'activity', doc: 'mitochondrial Ca2+ uniporter (MCU) uptake' },
  se_bath: { kind: 'bath', unit: 'uM Se', doc: 'selenium added to the medium (as selenite), uM' },
  se_medium: {
    kind: 'medium',
    unit: 'uM Se',
    doc: 'selenium the medium brings (se_medium at the default 10 % serum), replaced by a selenium-poor medium',
  },
  tmem16f: { kind: 'inhibit', unit: 'activity', doc: 'TMEM16F Ca2+-activated Cl- current / scrambling' },
  swelling: { kind: 'inhibit', unit: 'activity', doc: 'osmotic water influx into a leaky cell (rupture by swelling)' },
  cystine_medium: { kind: 'medium', unit: 'uM cystine', doc: 'cystine in the medium replaced by the given uM (cystine-free: 0)' },
  glutamate_bath: { kind: 'bath', unit: 'uM glutamate', doc: 'glutamate in the medium, uM (competes with cystine at xc-)' },
  ca_medium: { kind: 'medium', unit: 'uM Ca2+', doc: 'Ca2+ in the medium replaced by the given uM (Ca2+-free: 0)' },
  ros_burst: { kind: 'pulse', unit: 'a.u. ROS', doc: 'bolus of intracellular ROS, a.u. of the ROS variable (light pulse)' },
  oxidant_bolus: { kind: 'pulse', unit: 'a.u. ox', doc: 'bolus of extracellular oxidant, a.u. of the ox field (the agent converts uM H2O2 to a.u.)' },
  caspase: { kind: 'inhibit', unit: 'activity', doc: 'caspases (apoptosis): not part of the ferroptosis network' },
  ripk1: { kind: 'inhibit', unit: 'activity', doc: 'RIPK1 (necroptosis): not part of the ferroptosis network' },
} as const satisfies Record<string, { kind: TargetKind; unit: string; doc: string }>;

export type TargetId = keyof typeof TARGETS;
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];
