// Why this file exists: every model parameter in one table, with its unit, default, allowed range
// and source. Scenario `params` overrides are validated against it; the kinetics read the
// resolved values by name (see resolveParams); docs/model.md is written with the same names.
// "Co2024" = Co, Wu, Lee & Chen, Nature 631:654 (2024) and its public simulation code.

export interface ParamSpec {
  name: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  group: string;
  doc: string;
  source: string;
}

const P = (
  name: string, unit: string, def: number, min: number, max: number, group: string, doc: string, source: string,
): ParamSpec => ({ name, unit, default: def, min, max, group, doc, source });

export const PARAMS: readonly ParamSpec[] = [
  // --- ROS core: the bistable switch of Co2024, each lumped term read mechanistically ---
  P('ros_basal', 'a.u./min', 0.1, 0, 2, 'ros', 'basal ROS production at reference labile iron and oxygen (Fenton, mitochondria): c in Co2024', 'Co2024 (c = 0.1)'),
  P('ros_nox_max', 'a.u./min', 1.2, 0, 10, 'ros', 'maximal NOX-driven positive feedback on ROS (Hill 3, half-activation 1 a.u.): kf in Co2024', 'Co2024 (kf = 1.2)'),
  P('ros_clear', '1/min', 1.8, 0, 20, 'ros', 'ROS clearance by the lipid-peroxide defences at control strength, failing at high ROS (2^3/(R^3+2^3)): kg in Co2024', 'Co2024 (kg = 1.5); calibrated to the erastin wave threshold (MODEL.md 5.3)'),
  P('ros_decay', '1/min', 0.46, 0, 5, 'ros', 'defence-independent ROS decay; minus ros_fenton at control iron it is kd of Co2024', 'Co2024 (kd = 0.26 = ros_decay - ros_fenton)'),
  P('ros_fenton', '1/min', 0.2, 0, 5, 'ros', 'Fenton feedback: ROS (H2O2) made into radicals by labile Fe2+, production ros_fenton * fe/fe_ref * ros', 'calibrated: iron chelation slows then stops the wave, iron loading speeds it (Co2024: Fenton reaction is one of the feedback loops of the wave)'),
  P('ros_time_scale', '1', 1, 0.01, 10, 'ros', 'factor on the Co2024 ROS rate constants (ros_basal, ros_nox_max, ros_clear, ros_decay) and ros_fenton: sets how fast a cell switches without moving its steady states or thresholds', 'calibrated: a front several cells wide on a 15-25 um lattice, so the speed does not depend on site size (MODEL.md 5, note on propagation failure)'),
  P('ros_exchange', '1/min', 2, 0, 20, 'ros', 'membrane exchange of the diffusible oxidant between a cell and its pericellular space (H2O2 via aquaporins)', 'calibrated to a front speed of 5.5 um/min (Co2024); H2O2 permeation half-times of minutes, Bienert et al. JBC 282:1183 (2007)'),
  P('ox_release_gain', '1', 1.0, 0, 10, 'ros', 'pericellular oxidant gained per unit of intracellular ROS exchanged (volume ratio cell : pericellular layer)', 'calibrated with ros_exchange'),
  P('ox_diffusion', 'um^2/min', 285, 1, 100000, 'ros', 'effective diffusivity of the lumped extracellular oxidant that carries the wave', 'calibrated to 5.5 um/min; Co2024 model read at 25 um per site gives 74 um^2/min (MODEL.md 5, note)'),
  P('ox_decay', '1/min', 0.05, 0, 50, 'ros', 'extracellular oxidant decay (catalase/peroxiredoxin in medium and on cells); sets the coupling length sqrt(D/k)', 'calibrated with ox_diffusion: among cells, exchange with them (ros_exchange) shortens the coupling length; across empty sites, which decay at ox_decay * kd_dead_factor, sqrt(ox_diffusion / (ox_decay * kd_dead_factor)) ~ 107 um, so 40 um gaps are crossed and 200 um gaps are not (MODEL.md 3)'),
  P('ox_rupture_release', '1', 0.5, 0, 5, 'ros', 'fraction of a rupturing cell\'s ROS released into its site\'s oxidant at once', 'assumption: contents released on rupture (MODEL.md 3)'),
  P('kd_dead_factor', '1', 0.5, 0, 1, 'ros', 'oxidant decay at a dead or empty site relative to a site with a living cell', 'Co2024 (kd halves at dead sites)'),

  // --- lipid peroxidation and commitment ---
  P('lpo_rate', '1/(a.u. min)', 0.1, 0, 10, 'lipid', 'PUFA-PL peroxidation per (a.u. ROS)^2 at reference iron (Fenton/LOX): production lpo_rate * pufa * ros^2', 'calibrated: lipid peroxides lag ROS by minutes (Co2024 fig. 1)'),
  P('lpo_iron_share', '1', 0.5, 0, 1, 'lipid', 'share of peroxidation that scales with labile iron (LOX, Fenton) rather than with ROS alone', 'assumption after Yang et al. PNAS 113:E4966 (2016)'),
  P('lpo_clear', '1/min', 0.1, 0, 10, 'lipid', 'lipid hydroperoxide reduction at control defence (GPX4, FSP1/CoQ10H2, BH4)', 'calibrated'),
  P('lpo_commit', 'a.u.', 20, 0.1, 100, 'lipid', 'lipid hydroperoxide level above which a cell is committed (dying)', 'calibrated: commit near the high ROS state (Co2024: 0.9 x high state)'),
  P('pufa_rate', '1/min', 0.002, 0, 1, 'lipid', 'relaxation rate of PUFA-PL content to its ACSL4- and density-set level', 'ACSL4-dependent remodelling over hours, Doll et al. Nat Chem Biol 13:91 (2017)'),
  P('density_protection', '1', 0.6, 0, 0.95, 'lipid', 'fractional drop of ACSL4 and TFR1 expression in fully contact-inhibited cells (E-cadherin/NF2/YAP)', 'Wu et al. Nature 572:402 (2019)'),

  // --- cystine / cysteine / GSH ---
  P('cystine_medium', 'uM', 200, 0, 2000, 'gsh', 'cystine in the medium', 'DMEM formulation (0.2 mM L-cystine)'),
  P('xc_vmax', 'uM/min', 42.7, 0, 1000, 'gsh', 'maximal system xc- cystine import (per cell volume)', 'calibrated: control GSH synthesis 60 uM/min (GSH 5 mM, turnover 0.012/min)'),
  P('xc_km', 'uM', 80, 1, 1000, 'gsh', 'Km of xc- for cystine', 'Bannai, J Biol Chem 261:2256 (1986)'),
  P('glu_ki', 'uM', 2000, 10, 100000, 'gsh', 'competitive inhibition constant of extracellular glutamate at xc-', 'Bannai 1986; oxytosis at 2-10 mM glutamate, Murphy et al. Neuron 2:1547 (1989)'),
  P('tsp_supply', 'uM/min', 2.5, 0, 100, 'gsh', 'cysteine from transsulfuration (xc- independent)', 'calibrated: GSH floor ~8% of control under 10 uM erastin (Co2024 GSH data)'),
  P('cys_decay', '1/min', 0.3, 0, 10, 'gsh', 'cysteine consumption outside GSH synthesis (protein synthesis, catabolism)', 'assumption; cysteine pool turns over in minutes'),
  P('gcl_vmax', 'uM/min', 360, 0, 5000, 'gsh', 'maximal GSH synthesis by GCL', 'calibrated with gcl_km to 60 uM/min at 20 uM cysteine'),
  P('gcl_km', 'uM', 100, 1, 5000, 'gsh', 'Km of GCL for cysteine', 'Richman & Meister, J Biol Chem 250:1422 (1975), order of 0.1-0.3 mM'),
  P('gsh_turnover', '1/min', 0.012, 0, 1, 'gsh', 'GSH loss by efflux and conjugation', 'calibrated: GSH falls to ~8% within 5 h of 10 uM erastin (Co2024)'),
  P('gsh_ox_rate', '1/(a.u. min)', 0.002, 0, 1, 'gsh', 'net GSH oxidation per a.u. ROS not recovered by glutathione reductase', 'assumption'),
  P('gsh_ref', 'uM', 5000, 100, 20000, 'gsh', 'control GSH used to normalise GPX4 activity', 'typical cellular GSH 1-10 mM, Meister & Anderson Annu Rev Biochem 52:711 (1983)'),
  P('gpx4_gsh_km', 'uM', 20000, 100, 1e6, 'gsh', 'apparent GSH dependence of GPX4 activity (large: activity ~ proportional to GSH)', 'Ursini et al. BBA 839:62 (1985): GPX4 kinetics far from saturation'),

  // --- GPX4 and selenium ---
  P('gpx4_turnover', '1/min', 0.002, 0, 1, 'gpx4', 'GPX4 protein synthesis/degradation rate (half-life ~6 h)', 'assumption: GPX4 half-life of several hours'),
  P('se_medium', 'uM', 0.03, 0, 10, 'gpx4', 'selenium in the medium (0.03 in 10% serum; lower it for selenium deprivation)', 'serum Se ~0.3 uM diluted 10-fold'),
  P('se_ref', 'uM', 0.03, 0.001, 10, 'gpx4', 'medium selenium at which cellular selenium is 1 (the control the other selenium numbers refer to)', 'serum Se ~0.3 uM diluted 10-fold'),
  P('se_turnover', '1/min', 0.002, 0, 1, 'gpx4', 'rate at which cellular selenium follows the medium', 'assumption: hours, Ingold et al. Cell 172:409 (2018)'),
  P('se_km', 'rel', 0.5, 0.01, 10, 'gpx4', 'cellular selenium (relative to control) giving half-maximal GPX4 synthesis', 'assumption: selenoprotein hierarchy, GPX4 near saturated at control'),

  // --- FSP1/CoQ10, GCH1/BH4, weights of the defence ---
  P('fsp1_rate', '1/min', 0.1, 0, 10, 'defence', 'CoQ10 reduction by FSP1 at control expression', 'assumption: CoQ10H2 turnover in minutes'),
  P('coq_ox_rate', '1/min', 0.1, 0, 10, 'defence', 'CoQ10H2 oxidation at zero ROS (grows with ROS)', 'assumption'),
  P('bh4_rate', '1/min', 0.01, 0, 1, 'defence', 'BH4 synthesis/turnover rate', 'assumption: BH4 turnover over ~1-2 h, Kraft et al. ACS Cent Sci 6:41 (2020)'),
  P('bh4_dhfr_share', '1', 0.5, 0, 1, 'defence', 'share of BH4 supply that is DHFR regeneration (rest is GCH1 de novo)', 'Soula et al. Nat Chem Biol 16:1351 (2020)'),
  P('bh4_ros_loss', '1/a.u.', 0.25, 0, 10, 'defence', 'extra BH4 consumption per a.u. ROS (radical trapping)', 'assumption'),
  P('w_gpx4', '1', 0.95, 0, 1, 'defence', 'share of the control lipid-peroxide defence carried by GPX4/GSH', 'calibrated: GSH depletion dominates erastin priming (Co2024)'),
  P('w_fsp1', '1', 0.03, 0, 1, 'defence', 'share carried by FSP1/CoQ10H2', 'Doll et al. Nature 575:693 (2019); Bersuker et al. Nature 575:688 (2019)'),
  P('w_bh4', '1', 0.02, 0, 1, 'defence', 'share carried by GCH1/BH4', 'Kraft et al. 2020'),

  // --- NRF2 ---
  P('nrf2_rate', '1/min', 0.003, 0, 1, 'nrf2', 'NRF2 activity relaxation (hours)', 'assumption'),
  P('nrf2_gain', '1', 1.0, 0, 10, 'nrf2', 'NRF2 activation by ROS (extra activity at ROS >> 1 a.u.)', 'assumption after Dodson et al. Redox Biol 23:101107 (2019)'),
  P('nrf2_ros_k', 'a.u.', 2, 0.01, 100, 'nrf2', 'ROS half-activating NRF2 (Hill 2)', 'assumption'),
  P('nrf2_effect', '1', 0.5, 0, 2, 'nrf2', 'linear gain of NRF2 activity on SLC7A11, GCL and ferritin expression: factor 1 + nrf2_effect * (nrf2 - 1)', 'assumption'),

  // --- iron ---
  P('fe_ref', 'uM', 1.0, 0.01, 100, 'iron', 'control labile Fe2+ pool', 'Kakhlon & Cabantchik, Free Radic Biol Med 33:1037 (2002): 0.5-1.5 uM'),
  P('ftn_ref', 'uM', 50, 0, 5000, 'iron', 'control ferritin-bound iron', 'assumption'),
  P('tf_medium', 'uM', 5, 0, 100, 'iron', 'transferrin-bound iron in 10% serum medium', 'serum iron ~20-30 uM diluted; order of magnitude'),
  P('tf_km', 'uM', 5, 0.01, 100, 'iron', 'transferrin-iron giving half-maximal TFR1 uptake', 'assumption'),
  P('tfr_uptake', 'uM/min', 0.008, 0, 1, 'iron', 'TFR1 iron uptake at control expression, iron and medium', 'calibrated: labile pool turnover ~30 min at control'),
  P('ntbi_uptake', '1/min', 0.0002, 0, 1, 'iron', 'uptake of non-transferrin-bound iron per uM in the medium', 'assumption; FAC 50-100 ug/mL raises labile iron several-fold'),
  P('ftn_store', '1/min', 0.025, 0, 1, 'iron', 'storage of labile iron in ferritin at control', 'calibrated with ftn_ref'),
  P('ncoa4_release', '1/min', 0.0005, 0, 1, 'iron', 'NCOA4 ferritinophagy release of ferritin iron', 'calibrated: ftn_store*fe_ref/ftn_ref'),
  P('fpn_export', '1/min', 0.008, 0, 1, 'iron', 'ferroportin export of labile iron at control', 'assumption'),

  // --- zinc ---
  P('zn_ref', 'nM', 1, 0.01, 1000, 'zinc', 'control labile cytosolic Zn2+', 'Krezel & Maret, J Biol Inorg Chem 11:1049 (2006): ~0.1-1 nM'),
  P('zn_medium', 'uM', 2, 0, 1000, 'zinc', 'Zn2+ in 10% serum medium', 'order of magnitude'),
  P('zn_rate', '1/min', 0.05, 0, 10, 'zinc', 'relaxation of labile Zn2+ (ZIP14 uptake, ZIP7 release, buffering)', 'assumption'),
  P('zn_nox_gain', '1', 1.0, 0, 10, 'zinc', 'extra NOX drive at saturating Zn2+ relative to control', 'Chen et al. Cell Death Dis 12 (2021): zinc required for ferroptosis'),
  P('zn_gr_ki', 'nM', 20, 0.1, 10000, 'zinc', 'labile Zn2+ halving glutathione reductase', 'Bellomo et al. 2016 (GR inhibition by Zn2+); assumption'),

  // --- calcium, chloride, swelling, rupture ---
  P('ca_rest', 'uM', 0.1, 0.01, 1, 'calcium', 'resting cytosolic Ca2+', 'textbook'),
  P('ca_medium', 'uM', 1800, 0, 10000, 'calcium', 'Ca2+ in DMEM', 'DMEM formulation'),
  P('ca_pump', '1/min', 1, 0, 100, 'calcium', 'Ca2+ clearance (PMCA/SERCA)', 'assumption'),
  P('ca_soce', 'uM/min', 0.3, 0, 100, 'calcium', 'store-operated entry (STIM1/ORAI1) at full oxidative activation', 'Maher et al. Redox Biol 14:366 (2018)'),
  P('ca_soce_ros_k', 'a.u.', 2, 0.01, 100, 'calcium', 'ROS half-activating store-operated entry (Hill 2)', 'assumption'),
  P('ca_damage', 'uM/min', 5, 0, 100, 'calcium', 'Ca2+ entry through peroxidised membrane at saturating lipid peroxides', 'Pedrera et al. Cell Death Differ 28:1644 (2021): Ca2+ rises before rupture'),
  P('tmem16f_ca_k', 'uM', 2, 0.1, 100, 'calcium', 'Ca2+ half-activating TMEM16F', 'Yang et al. Cell 151:111 (2012): low-uM Ca2+ sensitivity'),
  P('cl_rest', 'mM', 30, 1, 150, 'calcium', 'resting intracellular Cl-', 'textbook'),
  P('cl_open', 'mM', 110, 1, 200, 'calcium', 'Cl- the cell approaches with TMEM16F fully open (extracellular Cl-)', 'DMEM'),
  P('cl_rate', '1/min', 0.05, 0, 10, 'calcium', 'Cl- equilibration through open TMEM16F', 'calibrated: swelling within ~30 min of commitment (Riegman et al. NCB 22:1042 (2020))'),
  P('swell_rate', '1/min', 0.04, 0, 10, 'calcium', 'osmotic swelling rate at full Cl- load', 'calibrated with cl_rate'),
  P('rvd_rate', '1/min', 0.05, 0, 10, 'calcium', 'regulatory volume decrease of a living cell back to its resting volume', 'assumption; RVD over tens of minutes, Hoffmann et al. Physiol Rev 89:193 (2009)'),
  P('cl_leak', '1', 0.2, 0, 10, 'calcium', 'Cl- return to rest (KCC/NKCC) relative to cl_rate', 'assumption'),
  P('vol_rupture', '1', 1.6, 1.05, 5, 'calcium', 'volume (relative) at which the plasma membrane ruptures', 'Riegman et al. 2020'),

  // --- oxygen ---
  P('o2_medium', 'uM', 180, 0, 1000, 'oxygen', 'pericellular O2 under 21% O2', 'Wenger et al. Sci Signal 8:re1 (2015)'),
  P('o2_km', 'uM', 3, 0.1, 200, 'oxygen', 'O2 giving half-maximal ROS production and half-maximal O2 uptake', 'assumption'),
  P('o2_uptake', 'uM/min', 2, 0, 100, 'oxygen', 'O2 consumption per cell site at ample O2', 'order of magnitude'),
  P('o2_diffusion', 'um^2/min', 6000, 0, 1e6, 'oxygen', 'effective O2 diffusivity: the physical 1.2e5 um^2/min (2e-5 cm^2/s) and o2_tissue_uptake are both scaled by 1/20, which leaves the steady oxygen profile unchanged (it depends on their ratio) and stretches O2 equilibration from ~1 to ~20 min, so the direction-split solver stays accurate', '2e-5 cm^2/s, scaled (see meaning)'),
  P('cystine_diffusion', 'um^2/min', 36000, 0, 1e6, 'gsh', 'cystine diffusivity', 'small molecule in water, 6e-6 cm^2/s'),
  P('ion_diffusion', 'um^2/min', 40000, 0, 1e6, 'fields', 'diffusivity of extracellular iron (NTBI) and Zn2+', 'small ions in water, ~7e-6 cm^2/s'),
  P('cell_medium_ratio', '1', 0.004, 0, 1, 'fields', 'volume of cells per volume of pericellular medium they exchange solutes with (scales uptake and release of cystine, O2-independent solutes, iron and zinc)', 'assumption: ~10 um cell height under a mm-deep medium'),
  P('medium_exchange', '1/min', 0.05, 0, 100, 'fields', 'exchange of the pericellular layer with the bulk medium above a monolayer', 'assumption: mm-deep medium'),

  // --- fate timing, noise and spontaneous bursts ---
  P('pheno_cv', '1', 0.1, 0, 1, 'noise', 'cell-to-cell log-normal spread of phenotype expression', 'assumption; typical protein CV 0.1-0.3, Sigal et al. Nature 444:643 (2006)'),
  P('pheno_patch_share', '1', 0.15, 0, 1, 'noise', 'share of the phenotype variance that is spatially smooth (clonal patches, local micro-environment)', 'assumption: neighbouring cells in culture and tumours are related and share their surroundings'),
  P('pheno_patch_um', 'um', 100, 10, 10000, 'noise', 'length scale of the smooth share of phenotype variation', 'assumption: patches of a few cells'),
  P('burst_rate', '1/(cell min)', 0, 0, 1e-3, 'noise', 'rate of spontaneous ROS bursts per cell at reference iron (0 = off)', 'to be calibrated (spontaneous initiation, MODEL.md 5)'),
  P('burst_size', 'a.u.', 3, 0, 50, 'noise', 'size of a spontaneous ROS burst', 'assumption'),
// --- tumours: growth, oxygen, vessels, drugs in tissue ---
  P('prolif_rate', '1/min', 0.00083, 0, 0.01, 'tumour', 'progress through the division cycle at ample oxygen (1/prolif_rate = cycle time; 0.00083 = 20 h)', 'typical cancer-cell doubling 18-30 h in culture'),
  P('o2_prolif_km', 'uM', 5, 0.01, 100, 'tumour', 'oxygen halving the division rate', 'assumption; proliferation slows in hypoxia below ~1% O2'),
  P('o2_tissue_uptake', 'uM/min', 7.5, 0, 5000, 'tumour', 'oxygen consumption of a tumour cell site, scaled like o2_diffusion (physical ~150 uM/min)', 'order of magnitude of tumour O2 consumption; with o2_diffusion it gives hypoxia ~150-300 um from a vessel (Thomlinson & Gray, Br J Cancer 9:539 (1955))'),
  P('o2_blood', 'uM', 100, 0, 1000, 'tumour', 'plasma oxygen that perfusion around vessels pulls the tissue towards', 'arterial-capillary pO2 ~40-100 mmHg'),
  P('necrosis_o2', 'uM', 1, 0, 50, 'tumour', 'oxygen below which a cell may die of hypoxia (necrosis)', 'assumption: anoxia'),
  P('necrosis_rate', '1/min', 0.002, 0, 1, 'tumour', 'rate of hypoxic death below necrosis_o2', 'assumption: hours of anoxia'),
  P('debris_clear_min', 'min', 720, 0, 100000, 'tumour', 'time after death before the site is free for a daughter cell', 'assumption: clearance of debris over ~half a day'),
  P('pheno_inherit_cv', '1', 0.03, 0, 1, 'tumour', 'log-normal noise on each phenotype factor at division (heritable drift)', 'assumption'),
  P('perfusion_rate', '1/min', 1, 0, 100, 'tumour', 'exchange with plasma at the centre of a vessel (falls off as a Gaussian of width vessel_sigma_um)', 'assumption: capillary exchange of small solutes within minutes'),
  P('vessel_sigma_um', 'um', 40, 5, 1000, 'tumour', 'width of the tissue a vessel supplies directly (its radius if larger)', 'assumption: a vessel and its immediate surroundings'),
  P('drug_diffusion', 'um^2/min', 6000, 0, 1e6, 'tumour', 'drug diffusivity in tumour tissue', 'small molecules in tissue ~1e-6 cm^2/s'),
  P('drug_clearance', '1/min', 0.05, 0, 10, 'tumour', 'loss of a drug in tissue (uptake, metabolism)', 'assumption'),
  P('drug_local_rate', '1/min', 5, 0.001, 100, 'tumour', 'rate at which a drug applied to a region of a tumour (painted, topical or local injection) brings the tissue there to its concentration', 'assumption: near-clamp (equilibrates within a minute, like a bath change in a dish)'),
  P('tissue_cell_ratio', '1', 0.1, 0, 1, 'tumour', 'volume of cells per volume of interstitial fluid they exchange solutes with in a tumour (replaces cell_medium_ratio)', 'assumption'),
];

export type ParamName = (typeof PARAMS)[number]['name'];
const BY_NAME = new Map(PARAMS.map((p) => [p.name, p]));

export function paramSpec(name: string): ParamSpec | undefined {
  return BY_NAME.get(name);
}

/** Resolved parameter values: every name present. */
export type ParamValues = Record<string, number>;

/** Defaults overlaid with (already validated) overrides. */
export function resolveParams(overrides: Record<string, number> = {}): ParamValues {
  const out: ParamValues = {};
  for (const p of PARAMS) out[p.name] = p.default;
  for (const [k, v] of Object.entries(overrides)) out[k] = v;
  return out;
}
