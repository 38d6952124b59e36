// Why this file exists: the registry of treatments (docs/treatments.md). Each agent names its
// molecular targets with a potency taken from the literature and the source of that number.
// Scenario validation takes the allowed identifiers from here; effects.ts turns concentrations
// into target activities. Every number below carries its source; 'calibrated: ...' marks a model
// calibration rather than a measurement. The human-readable table is docs/treatments.md.
import type { ParamName } from './params';
import { TARGETS, type TargetId } from './targets';

export const AGENT_IDS = [
  'erastin',
  'sulfasalazine',
  'sorafenib',
  'cystine-free',
  'glutamate',
  'bso',
  'rsl3',
  'ml162',
  'fin56',
  'ifsp1',
  'fsen1',
  'methotrexate',
  'oleic-acid',
  'scd1-inhibitor',
  'ferrostatin-1',
  'liproxstatin-1',
  'trolox',
  'nac',
  'dfo',
  'fac',
  'holo-transferrin',
  'serum',
  'gkt137831',
  'ly294002',
  'dasatinib',
  'zncl2',
  'zno-np',
  'tpen',
  'ionomycin',
  'calcium-free',
  'orai1-blocker',
  'gsk-7975a',
  'thapsigargin',
  'xestospongin-c',
  'ru360',
  'selenite',
  'se-poor-medium',
  'tmem16f-inhibitor',
  'peg',
  'h2o2',
  'light-pulse',
  'zvad',
  'necrostatin-1',
] as const;
export type AgentId = (typeof AGENT_IDS)[number];

/** Genetic changes (a gene's expression scaled from the start: `gene` and `factor`, no dose); not in AGENTS, they act on no target. */
export const GENETIC_AGENTS = ['knockdown', 'overexpress'] as const;
export type GeneticAgent = (typeof GENETIC_AGENTS)[number];

export interface TargetAction {
  target: TargetId;
  /**
   * IC50 (inhibit) or EC50 (saturating), in the agent's unit; unused for bath/medium/pulse. A
   * parameter name instead of a number when the cellular potency is fitted (params.ts holds its
   * unit, range, default and source, and a scenario may set it like any parameter).
   */
  potency: number | ParamName;
  /** Hill coefficient, dimensionless */
  hill: number;
  /** saturating: effect at saturation, in the target's unit; bath: uM of target per unit applied (or a parameter name, as for potency) */
  max_effect: number | ParamName;
  /** where the potency and effect size come from (paper, year, assay) or 'calibrated: ...' */
  source: string;
}

export interface AgentSpec {
  id: AgentId;
  /** full name as a biologist would write it */
  name: string;
  /** unit of the dose the user gives: 'uM' for nearly all; the pulse agents use their own */
  unit: 'uM' | 'a.u.' | '% serum';
  /** which dose key the treatment takes: 'uM' or 'dose' (light-pulse); 'none' = optional uM */
  dose_key: 'uM' | 'dose';
  /** the dose used when the scenario gives none */
  default_dose: number;
  /** allowed dose range [min, max] in unit */
  range: [number, number];
  /** the typical working range in experiments, with source, for the docs */
  typical: string;
  actions: TargetAction[];
  notes: string;
}

// Shorthands for the actions that have no potency (bath / medium / pulse targets): potency and
// hill are unused there and set to 0 and 1 by convention.
const NO_POTENCY = { potency: 0, hill: 1 } as const;

export const AGENTS: Record<AgentId, AgentSpec> = {
  // ---------------------------------------------------------------- system xc- (cystine import)
  erastin: {
    id: 'erastin',
    name: 'erastin',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 100],
    typical: '1-10 uM; 10 uM in HT-1080 (Dixon et al., Cell 149:1060 (2012)); waves from 1.25 uM, priming at 10 uM (Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'xc',
        potency: 0.13,
        hill: 1,
        max_effect: 1,
        source:
          'Dixon et al., eLife 3:e02523 (2014), HT-1080 glutamate release (cystine-glutamate exchange), IC50 ~0.2 uM; with h = 1 it also matches the 5 h GSH dose-response of Co et al., Nature 631:654 (2024)',
      },
      {
        target: 'mito_ros',
        potency: 20,
        hill: 2,
        max_effect: 0.5,
        source:
          'Yagoda et al., Nature 447:864 (2007): erastin binds VDAC2/3 and alters mitochondrial outer-membrane permeability (uM range); calibrated (max_effect, with the potency and Hill coefficient of the earlier calibration): the extra mitochondrial ROS ends bistability between 12 uM (still a wave) and 20 uM (every cell dies on its own), the counterpart of the 11.7 uM upper limit of the Co et al. 2024 model',
      },
    ],
    notes:
      'Binds SLC7A11 and blocks cystine-glutamate exchange; GSH falls over hours (lag before death). Its binding to VDAC2/3 adds mitochondrial ROS at high doses, which ends the wave regime in synchronous death.',
  },
  sulfasalazine: {
    id: 'sulfasalazine',
    name: 'sulfasalazine',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 500,
    range: [0, 5000],
    typical: '0.2-1 mM (Gout et al., Leukemia 15:1633 (2001); Dixon et al., eLife 3:e02523 (2014))',
    actions: [
      {
        target: 'xc',
        potency: 200,
        hill: 1,
        max_effect: 1,
        source:
          'Gout et al., Leukemia 15:1633 (2001), lymphoma cells, cystine uptake inhibited at sub-mM; Dixon et al., eLife 3:e02523 (2014), HT-1080 glutamate release (far less potent than erastin); 200 uM is a rounded value in that range',
      },
    ],
    notes:
      'Weak, reversible xc- inhibitor; needs near-mM doses and is limited by solubility (~1-2 mM) and serum binding. Also an NF-kB inhibitor (not modelled).',
  },
  sorafenib: {
    id: 'sorafenib',
    name: 'sorafenib',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 100],
    typical: '1-10 uM in cells (Dixon et al., eLife 3:e02523 (2014))',
    actions: [
      {
        target: 'xc',
        potency: 3,
        hill: 1,
        max_effect: 1,
        source: 'Dixon et al., eLife 3:e02523 (2014), HT-1080 glutamate release inhibited at low uM; 3 uM is approximate (calibrated: "a few uM")',
      },
    ],
    notes:
      'Multikinase inhibitor; its xc- inhibition is debated: Zheng et al., Cell Death Dis 12:698 (2021) found it fails to trigger ferroptosis across a wide range of cancer cell lines. Kinase effects are not modelled.',
  },
  'cystine-free': {
    id: 'cystine-free',
    name: 'cystine-free medium',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 0,
    range: [0, 1000],
    typical: '0 uM cystine (standard DMEM has ~200 uM, RPMI 1640 ~208 uM); partial depletion 5-50 uM',
    actions: [
      {
        target: 'cystine_medium',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'medium replacement: bath cystine becomes the given uM (medium formulations, DMEM / RPMI 1640)',
      },
    ],
    notes:
      'Replaces the medium cystine level where applied (dose = the new cystine uM, default 0). Equivalent to complete xc- blockade only when the transsulfuration pathway is weak.',
  },
  glutamate: {
    id: 'glutamate',
    name: 'L-glutamate (extracellular)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5000,
    range: [0, 50000],
    typical: '1-10 mM (oxidative glutamate toxicity / oxytosis, e.g. 5 mM in HT22 cells; Dixon et al., Cell 149:1060 (2012) used mM glutamate in brain slices)',
    actions: [
      {
        target: 'glutamate_bath',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'bath addition, 1 uM per uM applied',
      },
    ],
    notes: 'Extracellular glutamate competes with cystine at xc- (oxytosis); no receptor-mediated excitotoxicity is modelled.',
  },

  // ---------------------------------------------------------------- GSH synthesis
  bso: {
    id: 'bso',
    name: 'L-buthionine sulfoximine (BSO)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 10000],
    typical: '10 uM-1 mM for 24-72 h (class-1 inducer in Yang et al., Cell 156:317 (2014))',
    actions: [
      {
        target: 'gcl',
        potency: 5,
        hill: 1,
        max_effect: 1,
        source:
          'calibrated: cellular GSH-depletion IC50 in the low-uM range; mechanism from Griffith & Meister, J Biol Chem 254:7558 (1979), purified gamma-glutamylcysteine synthetase and mouse kidney',
      },
    ],
    notes: 'Irreversible GCL inhibitor; GSH falls slowly (turnover of the existing pool, hours-days). Depletes GSH without killing many lines on its own.',
  },

  // ---------------------------------------------------------------- GPX4
  rsl3: {
    id: 'rsl3',
    name: '(1S,3R)-RSL3',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 20],
    typical: '0.05-2 uM (Yang et al., Cell 156:317 (2014); Hendricks et al., Cell Chem Biol 30:1090 (2023) used 0.2-5 uM in H460)',
    actions: [
      {
        target: 'gpx4_inactivation',
        potency: 0.05,
        hill: 1,
        max_effect: 0.2,
        source:
          'EC50: Yang et al., Cell 156:317 (2014), HT-1080 / BJeLR killing, ~10-100 nM; max_effect calibrated: 0.2 /min, so that at saturation active GPX4 is gone within ~20 min and 1 uM leaves ~1 % of the active enzyme (synthesis against inactivation): every cell of a dish then dies of the lipid-peroxide chain within ~3-4 h, while 0.01 uM kills none (docs/model.md 3.8; behaviours 5.7, 5.8)',
      },
    ],
    notes:
      'Covalent GPX4 (selenocysteine) inhibitor: kills without the GSH-depletion lag. Cheff et al. (Redox Biol, 2023) argued it acts via TXNRD1 rather than binding GPX4 directly; the model keeps the GPX4 reading.',
  },
  ml162: {
    id: 'ml162',
    name: 'ML162',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 20],
    typical: '0.05-2 uM (Yang et al., Cell 156:317 (2014); Hendricks et al., Cell Chem Biol 30:1090 (2023))',
    actions: [
      {
        target: 'gpx4_inactivation',
        potency: 0.05,
        hill: 1,
        max_effect: 0.2,
        source:
          'Weiwer et al., Bioorg Med Chem Lett 22:1822 (2012), HRAS-mutant BJ cells, and Yang et al., Cell 156:317 (2014): potency similar to RSL3 (tens of nM); max_effect calibrated as for RSL3',
      },
    ],
    notes: 'Chloroacetamide covalent GPX4 inhibitor, treated like RSL3. Same TXNRD1 caveat as RSL3 (Cheff et al., Redox Biol, 2023).',
  },
  fin56: {
    id: 'fin56',
    name: 'FIN56',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 50],
    typical: '1-10 uM for 6-24 h (Shimada et al., Nat Chem Biol 12:497 (2016))',
    actions: [
      {
        target: 'gpx4_degradation',
        potency: 2,
        hill: 1,
        max_effect: 0.1,
        source:
          'EC50: Shimada et al., Nat Chem Biol 12:497 (2016), BJeLR / HT-1080 killing, ~1-5 uM; max_effect calibrated: 0.1 /min so that 10 uM kills every cell within a day and 0.1 uM none, as in that paper (the model loses GPX4 faster, within ~1 h, than the several hours measured)',
      },
      {
        target: 'coq10_depletion',
        potency: 2,
        hill: 1,
        max_effect: 0.5,
        source:
          'Shimada et al., Nat Chem Biol 12:497 (2016): FIN56 activates squalene synthase and depletes CoQ10; calibrated: up to 50 % depletion, same EC50 as GPX4 degradation',
      },
    ],
    notes: 'Two actions: ACC-dependent GPX4 protein degradation and CoQ10 depletion via squalene synthase (mevalonate pathway). Slower than RSL3.',
  },

  // ---------------------------------------------------------------- FSP1 / BH4
  ifsp1: {
    id: 'ifsp1',
    name: 'iFSP1',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 100],
    typical: '1-10 uM (Doll et al., Nature 575:693 (2019))',
    actions: [
      {
        target: 'fsp1',
        potency: 0.1,
        hill: 1,
        max_effect: 1,
        source: 'Doll et al., Nature 575:693 (2019), Gpx4-knockout Pfa1 cells expressing human FSP1, EC50 ~0.1 uM',
      },
    ],
    notes:
      'Inhibits human FSP1 only (not the mouse enzyme; Nakamura et al., Nat Struct Mol Biol 30:1806 (2023)). Sensitises mainly when GPX4 is also compromised.',
  },
  fsen1: {
    id: 'fsen1',
    name: 'FSEN1 (ferroptosis sensitizer 1)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 50],
    typical: '0.5-5 uM; 1 uM with RSL3 in H460 cells (Hendricks et al., Cell Chem Biol 30:1090 (2023)); used in Co et al., Nature 631:654 (2024)',
    actions: [
      {
        target: 'fsp1',
        potency: 'fsen1_ic50',
        hill: 1,
        max_effect: 1,
        source:
          'cellular IC50 fitted to the FSEN1 titration of Co et al., Nature 631:654 (2024) (parameter fsen1_ic50); Hendricks et al., Cell Chem Biol 30:1090 (2023): the most potent of their FSP1 inhibitors (uncompetitive), active at tens of nM in H460 cells',
      },
    ],
    notes: 'Uncompetitive FSP1 inhibitor, synergises with GPX4 inhibitors and endoperoxides (DHA).',
  },
  methotrexate: {
    id: 'methotrexate',
    name: 'methotrexate',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 100],
    typical: '0.1-10 uM (Soula et al., Nat Chem Biol 16:1351 (2020), with GPX4 inhibition)',
    actions: [
      {
        target: 'dhfr',
        potency: 0.05,
        hill: 1,
        max_effect: 1,
        source:
          'calibrated: cellular DHFR block at tens of nM (enzyme Ki is pM; growth IC50 of most lines 10-100 nM); ferroptosis link from Soula et al., Nat Chem Biol 16:1351 (2020), DHFR regenerates BH4 and MTX synergises with GPX4 inhibition',
      },
    ],
    notes:
      'Blocks BH2 -> BH4 regeneration (and folate metabolism, which the model ignores). Sensitises only; little effect on its own in the time window of a wave.',
  },

  // ---------------------------------------------------------------- radical-trapping antioxidants
  // ---------------------------------------------------------------- phospholipid composition (PUFA vs MUFA)
  'oleic-acid': {
    id: 'oleic-acid',
    name: 'oleic acid (C18:1, exogenous MUFA)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 125,
    range: [0, 1000],
    typical:
      '125 uM in HT-1080 cells (Dixon lab screen, Magtanong et al., Cell Chem Biol 26:420 (2019), data.mendeley.com/datasets/g2xhxht7cw); 50-250 uM is the usual range of fatty-acid supplementation',
    actions: [
      {
        target: 'mufa_supply',
        potency: 'oleate_ec50',
        hill: 1,
        max_effect: 'oleate_max_supply',
        source:
          'unsourced magnitude (parameters oleate_ec50, oleate_max_supply; docs/model.md 3.5): exogenous MUFAs potently inhibit ferroptosis, lower the PUFA-containing phospholipids over several hours and need activation by ACSL3 (Magtanong et al. 2019; Ubellacker et al., Nature 585:113 (2020))',
      },
    ],
    notes:
      'Taken up and activated by ACSL3 (the gene ACSL3 scales it), it competes with PUFA for the acyl positions of phospholipids, so PUFA-PL falls at the rate of remodelling (pufa_rate, hours): it protects when given hours ahead and less when given with the trigger. Lipid droplets play no part (Magtanong et al. 2019).',
  },
  'scd1-inhibitor': {
    id: 'scd1-inhibitor',
    name: 'SCD1 inhibitor (CAY10566; A939572)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 100],
    typical:
      '0.1-1 uM CAY10566 in cancer cells for 1-3 days (e.g. 1 uM with 50 uM oleate in OVCAR5/8 cells, Exp Mol Med (2024), doi:10.1038/s12276-024-01356-2)',
    actions: [
      {
        target: 'scd1',
        potency: 0.01,
        hill: 1,
        max_effect: 1,
        source:
          'approximate: CAY10566 blocks the desaturation of saturated acyl-CoAs in HepG2 cells at low nM (Liu et al., J Med Chem 50:3086 (2007)); the exact cellular IC50 was not checked, and at the usual 0.1-1 uM the enzyme is fully inhibited either way',
      },
    ],
    notes:
      "SCD1 makes the cell's own MUFA (oleoyl-, palmitoleoyl-CoA); without it PUFA gains the phospholipid acyl positions and cells are sensitised (Tesfay et al., Cancer Res 79:5355 (2019)). Its other effects (CoQ10 fall, saturated ceramides and apoptosis in Tesfay et al.) are not modelled.",
  },

  'ferrostatin-1': {
    id: 'ferrostatin-1',
    name: 'ferrostatin-1 (Fer-1)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 200],
    typical: '0.1-2 uM to block death (Dixon et al., Cell 149:1060 (2012)); 5-20 uM abolishes the trigger wave (Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'rta',
        potency: 1.79,
        hill: 1,
        max_effect: 4,
        source:
          'calibrated to the cellular EC50 against ferroptosis, ~60 nM (Dixon et al., Cell 149:1060 (2012), HT-1080 + erastin): the potency of the radical-trapping action (half of max_effect) is set so that half of the cells of a 20 x 20 dish under 1 uM RSL3 survive 24 h at 60 nM (validation check 5.5); max_effect: 4x the control defence, so that 5-20 uM abolishes the wave',
      },
    ],
    notes: 'Radical-trapping antioxidant in membranes (Zilka et al., ACS Cent Sci 3:232 (2017)); stops lipid peroxidation, not GSH loss.',
  },
  'liproxstatin-1': {
    id: 'liproxstatin-1',
    name: 'liproxstatin-1 (Lip-1)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 200],
    typical: '0.05-1 uM to block death (Friedmann Angeli et al., Nat Cell Biol 16:1180 (2014)); 5-20 uM for the wave experiments (docs/behaviours.md item 5)',
    actions: [
      {
        target: 'rta',
        potency: 0.657,
        hill: 1,
        max_effect: 4,
        source:
          'calibrated to the cellular EC50, ~22 nM in Gpx4-knockout Pfa1 cells (Friedmann Angeli et al., Nat Cell Biol 16:1180 (2014)): set as for ferrostatin-1, half of the cells under 1 uM RSL3 survive 24 h at 22 nM (validation check 5.5); max_effect as for ferrostatin-1',
      },
    ],
    notes: 'Spiroquinoxalinamine radical-trapping antioxidant (Zilka et al., ACS Cent Sci 3:232 (2017)).',
  },
  trolox: {
    id: 'trolox',
    name: 'Trolox',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 2000],
    typical: '50-500 uM (much weaker than Fer-1; Dixon et al., Cell 149:1060 (2012); used in Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'rta',
        potency: 433,
        hill: 1,
        max_effect: 2,
        source:
          'calibrated to a cellular EC50 in the tens of uM (water-soluble vitamin E analogue, far less potent than Fer-1 in cells; Dixon et al., Cell 149:1060 (2012)): half of the cells under 1 uM RSL3 survive 24 h at ~30 uM (validation check 5.5); max_effect 2 calibrated',
      },
    ],
    notes: 'Hydrophilic chromanol; partitions poorly into membranes, hence the weak cellular potency.',
  },

  // ---------------------------------------------------------------- cysteine supply
  nac: {
    id: 'nac',
    name: 'N-acetyl-L-cysteine (NAC)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1000,
    range: [0, 20000],
    typical: '1-5 mM (standard rescue of cystine starvation; used in Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'cys_supply',
        potency: 1000,
        hill: 1,
        max_effect: 40,
        source:
          'calibrated: EC50 ~1 mM (mM doses are needed in practice); max 40 uM/min of intracellular cysteine (the control cell gets ~63 uM/min through xc- and 2.5 uM/min from transsulfuration)',
      },
    ],
    notes: 'Enters slowly and is deacetylated to cysteine, bypassing xc-; also reduces medium cystine and scavenges some oxidants (not modelled).',
  },

  // ---------------------------------------------------------------- iron
  dfo: {
    id: 'dfo',
    name: 'deferoxamine (DFO)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 2000],
    typical: '50-200 uM; 100 uM is standard (Dixon et al., Cell 149:1060 (2012); Hendricks et al., Cell Chem Biol 30:1090 (2023))',
    actions: [
      {
        target: 'iron_chelation',
        potency: 'dfo_ec50',
        hill: 1,
        max_effect: 'dfo_chelation_max',
        source:
          'EC50 and rate fitted to the DFO titration of Co et al., Nature 631:654 (2024) (parameters dfo_ec50, dfo_chelation_max); DFO enters cells slowly by endocytosis, so its cellular EC50 is tens of uM (Glickstein et al., Blood 106:3242 (2005), calcein imaging of labile iron)',
      },
    ],
    notes: 'Hexadentate Fe3+ chelator, poorly membrane-permeant: acts over tens of minutes to hours, so pre-incubation matters.',
  },
  fac: {
    id: 'fac',
    name: 'ferric ammonium citrate (FAC)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 5000],
    typical: '50-500 uM Fe (often given as 50-200 ug/ml FAC, ~16-18 % Fe by mass); Co et al., Nature 631:654 (2024) used ferric citrate',
    actions: [
      {
        target: 'ntbi',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'bath addition: dose is given in uM Fe, 1 uM NTBI per uM',
      },
    ],
    notes: 'Non-transferrin-bound iron; enters via ZIP14/DMT1 after reduction. Dose must be entered as uM iron, not ug/ml of salt.',
  },
  'holo-transferrin': {
    id: 'holo-transferrin',
    name: 'holo-transferrin (diferric)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 200],
    typical: '1-60 uM transferrin (0.08-5 mg/ml; 10 % serum gives ~2-4 uM); used in Co et al., Nature 631:654 (2024)',
    actions: [
      {
        target: 'tf_iron',
        ...NO_POTENCY,
        max_effect: 2,
        source: 'stoichiometry: 2 Fe per fully loaded transferrin molecule',
      },
    ],
    notes: 'Iron delivered by TFR1 endocytosis; uptake saturates with receptor number.',
  },

  // ---------------------------------------------------------------- NOX
  serum: {
    id: 'serum',
    name: 'serum change (FBS)',
    unit: '% serum',
    dose_key: 'dose',
    default_dose: 10,
    range: [0, 20],
    typical: '0.15-10 % FBS; 0.15 % against 5 % changes the number of spontaneous wave sites (Co et al., Nature 631:654 (2024), Extended Data Fig. 2)',
    actions: [
      {
        target: 'tf_medium',
        ...NO_POTENCY,
        max_effect: 0.5,
        source:
          'transferrin-bound iron scales with the serum share: 0.5 uM Fe per % serum, so 10 % gives the default tf_medium of 5 uM (serum iron ~20-30 uM diluted)',
      },
    ],
    notes:
      'Changes the serum share of the medium at its start (dose in % serum); cells start adapted to the default 10 %. Only the transferrin iron the serum brings is modelled, not its growth factors or lipids.',
  },
  gkt137831: {
    id: 'gkt137831',
    name: 'GKT137831 (setanaxib)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 200],
    typical: '1-20 uM in cells; used in Co et al., Nature 631:654 (2024)',
    actions: [
      {
        target: 'nox',
        potency: 'gkt137831_ic50',
        hill: 1,
        max_effect: 1,
        source:
          'cellular IC50 fitted to the GKT137831 titration of Co et al., Nature 631:654 (2024) on the full primed dish (parameter gkt137831_ic50, fits/gkt-dish.fit.json); cell-free Ki 0.11 uM (NOX1), 0.14 uM (NOX4), Aoyama et al., Hepatology 56:2316 (2012)',
      },
    ],
    notes:
      'Dual NOX1/4 inhibitor; cellular potency is probably lower than the Ki and its specificity has been questioned (Augsburger et al., Redox Biol 26:101272 (2019)).',
  },

  ly294002: {
    id: 'ly294002',
    name: 'LY294002',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 20,
    range: [0, 200],
    typical: '10-50 uM in cells (Vlahos et al., J Biol Chem 269:5241 (1994)); 0.006-50 uM titrated on ferroptotic waves (Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'pi3k',
        potency: 'ly294002_ic50',
        hill: 1,
        max_effect: 1,
        source:
          'cellular IC50 fitted to the LY294002 titration of Co et al., Nature 631:654 (2024) (parameter ly294002_ic50); cell-free IC50 1.4 uM, Vlahos et al., J Biol Chem 269:5241 (1994)',
      },
    ],
    notes:
      'Reversible ATP-site PI3K inhibitor. PI3K makes PIP3, which recruits Rac GEFs; Rac-GTP is part of the active NOX1/NOX2 complex (Hordijk, Circ Res 98:453 (2006)), so the PI3K-dependent share of NOX activity (nox_pi3k_share) falls. Also inhibits mTOR, CK2 and others at similar doses (Gharbi et al., Biochem J 404:15 (2007)): not modelled.',
  },
  dasatinib: {
    id: 'dasatinib',
    name: 'dasatinib',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 0.1,
    range: [0, 50],
    typical: '1-100 nM for Src/Abl in cells; 0.6 nM-5 uM titrated on ferroptotic waves (Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'src_kinase',
        potency: 'dasatinib_src_ic50',
        hill: 1,
        max_effect: 1,
        source:
          'cellular IC50 fitted to the dasatinib titration of Co et al., Nature 631:654 (2024) (parameter dasatinib_src_ic50); cell-free Src IC50 0.5 nM, Lombardo et al., J Med Chem 47:6658 (2004)',
      },
      {
        target: 'pi3k',
        potency: 'dasatinib_offtarget_ic50',
        hill: 1,
        max_effect: 1,
        source:
          'unsourced mechanism, potency fitted (parameter dasatinib_offtarget_ic50): the second slowing above 2.5 uM in Co et al. 2024 is lumped onto the PI3K arm of NOX activation; at uM dasatinib binds dozens of kinases (Davis et al., Nat Biotechnol 29:1046 (2011))',
      },
    ],
    notes:
      'Src-family / Abl inhibitor. c-Src phosphorylates the NOX1 organiser Tks4/Tks5 and NOXA1 and is needed for full NOX1 activity (Gianni et al., Mol Biol Cell 21:4287 (2010)); the Src-dependent share of NOX activity is nox_src_share. The slowing at uM doses is attributed to off-target kinases (lumped, unsourced).',
  },

  // ---------------------------------------------------------------- zinc
  zncl2: {
    id: 'zncl2',
    name: 'zinc chloride',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 50,
    range: [0, 1000],
    typical: '10-100 uM (zinc supplementation sensitises; Chen et al., Cell Death Dis 12 (2021))',
    actions: [
      {
        target: 'zn_bath',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'bath addition, 1 uM Zn2+ per uM',
      },
    ],
    notes: 'Serum albumin binds much of the added zinc; free Zn2+ is far below the nominal dose in serum-containing medium.',
  },
  'zno-np': {
    id: 'zno-np',
    name: 'zinc oxide nanoparticles',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 2000],
    typical: '10-50 ug/ml ZnO (~120-600 uM; 10 ug/ml = 123 uM); induce ferroptosis (Zhang et al., Cell Death Dis 11 (2020))',
    actions: [
      {
        target: 'zn_bath',
        ...NO_POTENCY,
        max_effect: 0.5,
        source:
          'calibrated: half of the ZnO dissolves as Zn2+; dissolved Zn in complete medium plateaus near 10 ug/ml (~150 uM) (Song et al., Toxicol Lett 199:389 (2010), Ana-1 macrophages)',
      },
    ],
    notes:
      'Dose in uM ZnO (81.4 g/mol). Dissolution saturates, so the linear 0.5 overestimates Zn2+ above ~300 uM ZnO; lysosomal dissolution after uptake is not modelled.',
  },
  tpen: {
    id: 'tpen',
    name: 'TPEN',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 2,
    range: [0, 50],
    typical: '0.5-5 uM (zinc chelation protects against erastin; Chen et al., Cell Death Dis 12 (2021))',
    actions: [
      {
        target: 'zn_chelation',
        potency: 1,
        hill: 1,
        max_effect: 0.2,
        source:
          'calibrated: EC50 ~1 uM, max 0.2 /min of labile Zn2+ removal; protective range from Chen et al., Cell Death Dis 12 (2021), breast / renal cancer cells',
      },
    ],
    notes: 'Membrane-permeant, very high-affinity Zn2+ chelator; also binds Fe2+ and Cu (not modelled) and is toxic over long exposure above ~5 uM.',
  },

  // ---------------------------------------------------------------- calcium
  ionomycin: {
    id: 'ionomycin',
    name: 'ionomycin',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 20],
    typical: '0.5-5 uM; used in Co et al., Nature 631:654 (2024)',
    actions: [
      {
        target: 'ca_ionophore',
        potency: 1,
        hill: 1,
        max_effect: 1,
        source: 'calibrated: EC50 ~1 uM, max ~1 uM/min of Ca2+ influx at 1 mM outside Ca2+ (against 0.1 uM resting Ca2+ cleared at ~1 /min)',
      },
    ],
    notes: 'Ca2+ ionophore; also releases ER stores (not modelled separately). Effect scales with medium Ca2+.',
  },
  'calcium-free': {
    id: 'calcium-free',
    name: 'Ca2+-free medium',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 0,
    range: [0, 5000],
    typical: '0 uM Ca2+, often with 0.1-1 mM EGTA (normal media: ~0.4 mM RPMI 1640, 1.8 mM DMEM)',
    actions: [
      {
        target: 'ca_medium',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'medium replacement: bath Ca2+ becomes the given uM (medium formulations)',
      },
    ],
    notes: 'Replaces medium Ca2+ where applied (dose = new Ca2+ uM, default 0). Long exposure loosens cell-cell contacts (not modelled).',
  },
  'orai1-blocker': {
    id: 'orai1-blocker',
    name: 'ORAI1 blocker (BTP2 / YM-58483; Synta66)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 50],
    typical: '0.1-10 uM (BTP2 0.1-1 uM; Synta66 1-10 uM)',
    actions: [
      {
        target: 'orai1',
        potency: 0.1,
        hill: 1,
        max_effect: 1,
        source:
          'Ishikawa et al., J Immunol 170:4441 (2003), Jurkat store-operated Ca2+ entry, YM-58483 IC50 ~0.1 uM; role of ORAI1 in oxidative glutamate toxicity from Henke et al., Cell Death Dis 4:e470 (2013), HT22',
      },
    ],
    notes: 'Store-operated Ca2+ entry blocker; BTP2 also affects TRPC channels and TRPM4. Synta66 is more selective but ~10x less potent.',
  },

  'gsk-7975a': {
    id: 'gsk-7975a',
    name: 'GSK-7975A (ORAI1/ORAI3 blocker)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 100],
    typical: '1-10 uM (Derler et al., Cell Calcium 53:139 (2013))',
    actions: [
      {
        target: 'orai1',
        potency: 4,
        hill: 1,
        max_effect: 1,
        source: 'Derler et al., Cell Calcium 53:139 (2013): ORAI1 and ORAI3 currents, IC50 ~4 uM, slow onset, no washout',
      },
    ],
    notes: 'Store-operated entry blocker acting on the ORAI pore; more selective than BTP2 (no TRPC block).',
  },
  thapsigargin: {
    id: 'thapsigargin',
    name: 'thapsigargin',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 1,
    range: [0, 10],
    typical: '0.1-2 uM in cells',
    actions: [
      {
        target: 'serca',
        potency: 0.01,
        hill: 1,
        max_effect: 1,
        source:
          'assumption for the cellular IC50: thapsigargin binds SERCA at sub-nM, stoichiometrically and irreversibly (Sagara & Inesi, J Biol Chem 266:13503 (1991)); the 0.1-2 uM used in cells is saturating either way',
      },
    ],
    notes: 'Empties the ER within minutes and so opens store-operated entry (STIM1/ORAI1): the classic test of the store-operated Ca2+ pathway.',
  },
  'xestospongin-c': {
    id: 'xestospongin-c',
    name: 'xestospongin C',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 50],
    typical: '1-10 uM',
    actions: [
      {
        target: 'ip3r',
        potency: 0.358,
        hill: 1,
        max_effect: 1,
        source:
          'Gafni et al., Neuron 19:723 (1997): IP3-induced Ca2+ release, IC50 358 nM; xestospongin B blocks the RSL3-induced Ca2+ rise in SH-SY5Y (Gleitze et al., Antioxidants 13:196 (2024))',
      },
    ],
    notes: 'Membrane-permeant IP3 receptor blocker; at higher doses it also inhibits SERCA (not modelled).',
  },
  ru360: {
    id: 'ru360',
    name: 'Ru360 (MCU inhibitor)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 100],
    typical: '1-10 uM in cells',
    actions: [
      {
        target: 'mcu',
        potency: 1,
        hill: 1,
        max_effect: 1,
        source:
          'unsourced cellular IC50: 0.18 nM on isolated mitochondria (Matlib et al., J Biol Chem 273:10223 (1998)), but Ru360 enters cells poorly and is used at 1-10 uM',
      },
    ],
    notes: 'Blocks mitochondrial Ca2+ uptake through the uniporter and with it the Ca2+-driven part of mitochondrial ROS.',
  },

  // ---------------------------------------------------------------- selenium
  selenite: {
    id: 'selenite',
    name: 'sodium selenite',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 0.1,
    range: [0, 10],
    typical: '0.01-1 uM (Ingold et al., Cell 172:409 (2018); Alim et al., Cell 177:1262 (2019))',
    actions: [
      {
        target: 'se_bath',
        ...NO_POTENCY,
        max_effect: 1,
        source: 'bath addition, 1 uM Se per uM selenite',
      },
    ],
    notes: 'Raises GPX4 (and other selenoproteins) over ~1 day; selenite itself is pro-oxidant and cytotoxic above a few uM (not modelled).',
  },
  'se-poor-medium': {
    id: 'se-poor-medium',
    name: 'selenium-poor medium',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 0.003,
    range: [0, 10],
    typical:
      '0.003 uM Se (1 % serum, or 10 % of a selenium-poor serum lot) against ~0.03 uM in 10 % serum; serum-free media without a selenium supplement ~0 (serum Se varies between lots: Parant et al., Int J Mol Sci 25:7261 (2024))',
    actions: [
      {
        target: 'se_medium',
        ...NO_POTENCY,
        max_effect: 1,
        source: "medium replacement: the medium's selenium becomes the given uM",
      },
    ],
    notes:
      "Replaces the medium's selenium (dose = new Se uM, default 0.003); cellular selenium follows over hours (se_turnover), GPX4 synthesis with it. Selenite added on top still counts. Cells making the Cys variant of GPX4 (params.gpx4_cys_share) do not depend on it (Ingold et al. 2018).",
  },

  // ---------------------------------------------------------------- Cl- current and rupture
  'tmem16f-inhibitor': {
    id: 'tmem16f-inhibitor',
    name: 'TMEM16F inhibitor (niclosamide; CaCCinh-A01)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 5,
    range: [0, 100],
    typical: '1-10 uM (niclosamide: Braga et al., Nature 594:88 (2021); TMEM16F in ferroptosis: Ousingsawat et al., Cancers 11:625 (2019))',
    actions: [
      {
        target: 'tmem16f',
        potency: 1,
        hill: 1,
        max_effect: 1,
        source:
          'approximate: niclosamide suppresses TMEM16F currents and scrambling at sub- to low-uM (Braga et al., Nature 594:88 (2021), spike-expressing cells); CaCCinh-A01 acts at low-uM on TMEM16A; 1 uM is a calibration',
      },
    ],
    notes:
      'No selective TMEM16F blocker exists; niclosamide is also a mitochondrial uncoupler and TMEM16A blocker. The ferroptosis role of TMEM16F comes from knockout cells (Ousingsawat et al., 2019).',
  },
  peg: {
    id: 'peg',
    name: 'polyethylene glycol osmoprotectant (PEG 1450-3350)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10000,
    range: [0, 50000],
    typical:
      'millimolar PEG of ~1-3 kDa delays ferroptotic rupture (Riegman et al., Nat Cell Biol 22:1042 (2020); Pedrera et al., Cell Death Differ 28:1644 (2021))',
    actions: [
      {
        target: 'swelling',
        potency: 5000,
        hill: 2,
        max_effect: 1,
        source:
          'calibrated: IC50 5 mM (h = 2, osmotic balance is steep) so that mM PEG delays rupture as in Riegman et al., Nat Cell Biol 22:1042 (2020) and Pedrera et al., Cell Death Differ 28:1644 (2021); the exact concentrations of those papers were not checked',
      },
    ],
    notes:
      'Too large to pass ferroptotic nanopores, so it balances the osmotic water influx: delays swelling and rupture but not lipid peroxidation; the wave runs upstream of rupture and must continue.',
  },

  // ---------------------------------------------------------------- ROS triggers
  h2o2: {
    id: 'h2o2',
    name: 'hydrogen peroxide bolus',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 100,
    range: [0, 10000],
    typical: '50 uM-1 mM bolus (decays within tens of minutes in cell culture)',
    actions: [
      {
        target: 'oxidant_bolus',
        ...NO_POTENCY,
        max_effect: 0.05,
        source:
          'calibrated: 0.05 a.u. of extracellular oxidant per uM H2O2, so a 100 uM bolus in a 100 um disc ignites erastin-primed cells and leaves unprimed cells alive (Co et al. Nature 631:654 (2024) started waves with local H2O2 or light)',
      },
    ],
    notes: 'Local extracellular oxidant pulse to launch a wave; catalase / peroxiredoxins clear it quickly.',
  },
  'light-pulse': {
    id: 'light-pulse',
    name: 'light pulse (local ROS burst)',
    unit: 'a.u.',
    dose_key: 'dose',
    default_dose: 3,
    range: [0, 50],
    typical: '1-10 a.u. of the ROS variable; the high (dying) state of the Co et al. one-variable model is ~5 a.u.',
    actions: [
      {
        target: 'ros_burst',
        ...NO_POTENCY,
        max_effect: 1,
        source:
          'calibrated: model units (1 a.u. = half-activation of the NOX feedback, Co et al., Nature 631:654 (2024)); 3 a.u. exceeds the unstable threshold of primed cells',
      },
    ],
    notes: 'Intracellular ROS bolus in the illuminated region at the start time; stands for photo-induced ROS.',
  },

  // ---------------------------------------------------------------- negative controls
  zvad: {
    id: 'zvad',
    name: 'Z-VAD-FMK',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 20,
    range: [0, 500],
    typical: '10-100 uM (no effect on ferroptosis: Dixon et al., Cell 149:1060 (2012); no effect on the wave: Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'caspase',
        potency: 5,
        hill: 1,
        max_effect: 1,
        source: 'calibrated: cellular caspase block at low uM (irreversible pan-caspase inhibitor; Slee et al., Biochem J 315:21 (1996))',
      },
    ],
    notes: 'Apoptosis only: the caspase target is outside the ferroptosis network, so it must not change ferroptosis or the wave.',
  },
  'necrostatin-1': {
    id: 'necrostatin-1',
    name: 'necrostatin-1 (Nec-1)',
    unit: 'uM',
    dose_key: 'uM',
    default_dose: 10,
    range: [0, 200],
    typical: '10-50 uM (no effect on the wave: Co et al., Nature 631:654 (2024))',
    actions: [
      {
        target: 'ripk1',
        potency: 0.5,
        hill: 1,
        max_effect: 1,
        source:
          'Degterev et al., Nat Chem Biol 1:112 (2005), FADD-deficient Jurkat necroptosis, EC50 ~0.5 uM; target RIPK1 from Degterev et al., Nat Chem Biol 4:313 (2008)',
      },
    ],
    notes:
      'Necroptosis only (RIPK1 is outside the ferroptosis network). Nec-1 (not Nec-1s) also inhibits IDO and has reported off-target anti-ferroptotic activity at tens of uM, which the model deliberately omits.',
  },
};

/** Agents that act as a one-off bolus at their start (an action on a 'pulse' target): light-pulse and h2o2. */
export const PULSE_AGENTS: readonly AgentId[] = AGENT_IDS.filter((id) => AGENTS[id].actions.some((a) => TARGETS[a.target].kind === 'pulse'));

/** Whether a treatment's agent (any value, e.g. from scenario JSON) is a pulse agent: it fires once and is over. */
export function isPulseAgent(agent: unknown): boolean {
  return (PULSE_AGENTS as readonly unknown[]).includes(agent);
}

/** Whether a treatment's agent (any value, e.g. from scenario JSON) is a genetic change: it acts from t = 0 and takes no dose. */
export function isGeneticAgent(agent: unknown): agent is GeneticAgent {
  return (GENETIC_AGENTS as readonly unknown[]).includes(agent);
}
