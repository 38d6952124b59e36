// Why this file exists: the per-cell reactions, every rate law of a cell in one readable place.
// Three blocks, each a plain loop over the sites of a row segment:
// - slowCells (iron, zinc and metallothionein, selenium, NRF2, cystine -> cysteine -> GSH, GPX4, FSP1/CoQ10, BH4,
//   PUFA-PL, oxygen use, the division cycle, hypoxic death; time constants of minutes to hours)
//   runs every `slow_every` steps and hands its rates to the fast block (the aux arrays of layout.ts);
// - fastCells (ROS and the diffusible oxidant, lipid peroxides, commitment) runs every step;
// - deathCells (Ca2+, Cl-, volume and rupture of committed cells) runs every step.
// A cell only reads and writes its own site, so any split of rows across workers gives the same bits.
// These functions are the one source of the model's kinetics: they run as they are where
// WebAssembly does not, and `npm run build:kernels` compiles them (scripts/kernels) into the
// WebAssembly SIMD that runs two cells per vector everywhere else, with the same bits. So they are
// written in the subset that compiler takes (docs/architecture.md, "Kernels"): numbers, typed
// arrays of the state, `if`, `for`, `continue`, Math.max/min/sqrt/abs, keyed draws.
// Integration: linearly implicit Euler (x' = P - L x  ->  x1 = (x0 + dt P) / (1 + dt L)) keeps
// every pool positive; the ROS switch uses a second-order Patankar step (MPRK22) and the
// ROS <-> oxidant exchange is solved exactly. Diffusion and the splitting stay first order: the
// front speed at dt = 0.5 min is within ~4% of dt = 0.25 min (test/model/behaviour.test.ts).
import { TI } from './effects';
import type { int } from './kernel-types';
import { ALIVE, DEAD, DYING, NECROTIC, PHENO_DECODE, type SimState } from './layout';
import type { ParamValues } from './params';
import { PURPOSE, type RandomKey, uniform } from './random';
import { relaxStep } from './rate-laws';

// the treatment targets (targets.ts) by their index in a segment's target values T
const { xc: T_XC, gcl: T_GCL, gpx4_inactivation: T_INACT, gpx4_degradation: T_DEG } = TI;
const { coq10_depletion: T_COQ, fsp1: T_FSP1, dhfr: T_DHFR, rta: T_RTA } = TI;
const { cys_supply: T_CYS, iron_chelation: T_CHEL, ntbi: T_NTBI, tf_iron: T_TF, tf_medium: T_TFM } = TI;
const { nox: T_NOX, pi3k: T_PI3K, src_kinase: T_SRC, zn_bath: T_ZNB, zn_chelation: T_ZNCHEL, ca_ionophore: T_IONO } = TI;
const { orai1: T_ORAI, se_bath: T_SE, se_medium: T_SEM, tmem16f: T_TMEM, swelling: T_SWELL, mito_ros: T_MITO } = TI;
const { cystine_medium: T_CYSS, glutamate_bath: T_GLU, ca_medium: T_CA, serca: T_SERCA, ip3r: T_IP3R, mcu: T_MCU } = TI;
const { scd1: T_SCD1, mufa_supply: T_MUFA } = TI;

/** What a step is: its time, its length, its index (for keyed draws) and the seed's key. */
export interface StepContext {
  /** time at the start of the step, min */
  t: number;
  /** the step, min */
  dt: number;
  step: int;
  key: RandomKey;
  /** on a slow step, the minutes the slow block integrates (else 0) */
  dts: number;
}

/**
 * Slow block for sites [i0, i1) of one row segment (treatment targets T), advancing cx.dts
 * minutes, then the rates the fast block reads. Returns the number of cells that died of hypoxia.
 * Its WebAssembly has a `slowCells_sites` variant too (the kernel compiler's site targets) that takes
 * each site's targets from a table row (a tumour's drug gradients give most sites their own).
 * @lanes i
 * @siteTargets T N_TARGETS
 */
export function slowCells(st: SimState, i0: int, i1: int, p: ParamValues, T: Float64Array, cx: StepContext): int {
  const dt = cx.dts;
  const { fe, ftn, ca, ca_er: caEr, cl, zn, mt, se, cys, gsh, gpx4, coq, bh4, nrf2, ros, pufa, cycle, t_dead: tDead } = st.cell;
  const { def_gsh: aDefG, def_rt: aDefR, ros_src: aSrc, feedback: aFb, lpo_src: aLp, lpo_chain: aCh, o2_sink: aO2 } = st.aux;
  const { cystine, o2, ntbi, zn_ex: znEx } = st.field;
  const { status, nbr } = st;
  // phenotype bytes (expression factors, 1 = control)
  const { SLC7A11: pSLC, GPX4: pGPX4, FSP1: pFSP1, GCH1: pGCH1, ACSL4: pACSL4, TFR1: pTFR1 } = st.pheno;
  const { FPN: pFPN, FTH1: pFTH, NCOA4: pNCOA4, ZIP7: pZIP7, MT1G: pMT1G, NOX: pNOX, PROLIF: pPROLIF, CLIC5: pCLIC5, ACSL3: pACSL3 } = st.pheno;
  // expression factor of a phenotype byte: D[pGENE[i]]
  const D = PHENO_DECODE;

  // parameters (params.ts: units, ranges, sources) under short names
  const { prolif_rate: prolif, o2_prolif_km: o2ProlifKm, necrosis_o2: necO2 } = p;
  const { fe_ref: feRef, tf_km: tfKm, tfr_uptake: tfUp, ntbi_uptake: ntbiUp, ntbi_km: ntbiKm, ftn_store: store, ncoa4_release: ncoa4, fpn_export: fpn } = p;
  const { zn_ref: znRef, zn_rate: znRate, zn_nox_gain: znGain, zn_gr_ki: grKi, se_turnover: seRate, se_km: seKm } = p;
  const { nrf2_rate: nrfRate, nrf2_gain: nrfGain, nrf2_effect: nrfEff, cys_decay: cysDecay, gcl_km: gclKm } = p;
  const { gsh_turnover: gshTurn, gsh_ox_rate: gshOx, gpx4_gsh_km: gKm, gpx4_turnover: gpxTurn, coq_ox_rate: qOx } = p;
  const { bh4_rate: bhRate, bh4_dhfr_share: bhShare, bh4_ros_loss: bhRos, w_gpx4: wG, w_bh4: wB } = p;
  const { ros_time_scale: ts, o2_km: o2Km, o2_uptake: o2Up, lpo_rate: lpR, lpo_iron_share: lpShare } = p;
  const { pufa_rate: pufaRate, density_protection: dp, o2_medium: o2Bath, medium_exchange: mex, cell_medium_ratio: ratio } = p;
  // derived once per call
  const necP = p.necrosis_rate * dt;
  const erS = p.ion_couple_ca * p.er_pufa_share;
  // MUFA competition for the phospholipids' acyl positions (SCD1's own MUFA, exogenous oleate)
  const mufaC = p.mufa_compete;
  const mufaN = 1 + mufaC;
  const erRefInv = 1 / p.ca_er_ref;
  const feRefInv = 1 / feRef;
  const seDen = 1 / (1 + dt * seRate);
  const nrfDen = 1 / (1 + dt * nrfRate);
  // zinc (docs/model.md 3.4): free medium Zn2+ next to albumin, ZIP uptake relative to the control
  // medium's, MT buffering and induction; each coupling blended toward 1 by ion_couple_zn (ablation)
  const znC = p.ion_couple_zn;
  const albA = p.albumin_medium * p.albumin_zn_sites;
  const albKd = p.albumin_zn_kd;
  const zipKm = p.zip_zn_km;
  const znFreeRef = freeZinc(p.zn_medium, albA, albKd);
  const uRefInv = 1 / Math.max(znFreeRef / (znFreeRef + zipKm), 1e-12);
  const upS = p.zn_up_share;
  const vgS = p.zn_vgcc_share;
  const caMedInv = 1 / Math.max(p.ca_medium, 1e-9);
  const mtRelG = znRate * p.mt_ros_release;
  const mtK2 = p.mt_ros_k * p.mt_ros_k;
  const mbs = p.mt_buffer_share;
  const mtRate = p.mt_rate;
  const mtDen = 1 / (1 + dt * mtRate);
  const mtInd = p.mt_induction;
  const mtZK2 = p.mt_zn_k * p.mt_zn_k;
  const znRef2 = znRef * znRef;
  const mtIndNorm = 1 / (1 + (mtInd * znRef2) / (znRef2 + mtZK2));
  const znNoxG = znC * znGain;
  const znMitoK = p.zn_mito_k;
  const znMitoG = znC * p.zn_mito_gain;
  const znMitoNorm = 1 / (1 + (znMitoG * znRef) / (znRef + znMitoK));
  const p53K = p.zn_p53_k;
  const znXcG = znC * p.zn_xc_max;
  const p53Ref = znRef / (znRef + p53K);
  const grNum = znC * (grKi + znRef); // grRel = 1 + znC ((grKi + zn_ref) / (grKi + zn) - 1)
  const feKi = p.zn_fe_ki;
  const feNum = znC * (feKi + znFreeRef); // NTBI uptake x 1 + znC ((Ki + free_ref) / (Ki + free) - 1)
  // GPX4 made as the Cys variant (share gpx4_cys_share): Se-independent synthesis, lower activity,
  // loss by over-oxidation at high ROS; ion_couple_se blends the Se limit toward control (ablation)
  const cysS = p.gpx4_cys_share;
  const seCouple = p.ion_couple_se;
  const gpxAct = 1 - cysS + cysS * p.gpx4_cys_activity;
  const gpxOver = cysS * p.gpx4_overox;
  const nrfK2 = p.nrf2_ros_k * p.nrf2_ros_k;
  const gNorm = (p.gsh_ref + gKm) / p.gsh_ref;
  const qRef = p.fsp1_rate / (p.fsp1_rate + p.coq_ox_rate);
  const wF = p.w_fsp1 / qRef;
  const cBasal = p.ros_basal * ts;
  const kf = p.ros_feedback_max * ts;
  // the feedback's NOX-scaled share (NOX inhibitors) and iron-scaled share (labile Fe2+ x PUFA-PL)
  const sN = p.feedback_nox_share;
  const sF = p.feedback_iron_share;
  const feKm = p.fe_feedback_km;
  const feKmNorm = (feRef + feKm) / feRef;
  const chainK = p.lpo_chain_rate;
  // radical trapping of a control cell; the floor keeps rtRef / (rtRef + def_rt) at 1 (nothing
  // trapped) rather than 0/0 when there is none (w_fsp1 = w_bh4 = 0, no drug)
  const rtRef = Math.max(p.w_fsp1 + p.w_bh4, 1e-12);
  // basal ROS production is ros_src at the medium's O2: o2Norm = (o2_medium + o2_km) / o2_medium; an
  // (almost) anoxic medium (o2_medium < o2_km) normalises at o2_km instead, or tissue O2 from vessels
  // would meet a normalisation of ~1/o2_medium (1e9 x at o2_medium = 0)
  const o2Ref = Math.max(p.o2_medium, o2Km);
  const o2Norm = (o2Ref + o2Km) / o2Ref;
  // Ca2+ couplings (ion_couple_ca blends them toward rest, the ablation): Ca2+-activated PKC
  // raises the NOX arm, caNox = 1 + ca_nox_gain (pkc - pkc_ref) / (1 - pkc_ref), 1 at ca_rest;
  // MCU uptake raises mitochondrial ROS, mitoCa = (1 + mcu_ros_gain mcu) / (1 + mcu_ros_gain mcu_ref)
  const caC = p.ion_couple_ca;
  const pkcK2 = p.pkc_ca_k * p.pkc_ca_k;
  const caRest2 = p.ca_rest * p.ca_rest;
  const pkcRef = caRest2 / (caRest2 + pkcK2);
  const caNoxG = (caC * p.ca_nox_gain) / (1 - pkcRef);
  const mcuK2 = p.mcu_k * p.mcu_k;
  const mcuG = caC * p.mcu_ros_gain;
  const mcuNorm = 1 / (1 + (mcuG * caRest2) / (caRest2 + mcuK2));
  // Cl- couplings (ion_couple_cl blends them toward 1): a Cl- load (cl above cl_rest, relative to
  // the span to cl_open) raises mitochondrial ROS; CLIC5 limits them, (1 + g) / (1 + g [CLIC5]):
  // 1 at control, 1 + g when lost, below 1 when overexpressed
  const clC = p.ion_couple_cl;
  const clRest = p.cl_rest;
  const clSpanInv = p.cl_open !== clRest ? 1 / (p.cl_open - clRest) : 0;
  const clG = clC * p.cl_ros_gain;
  const c5G = clC * p.clic5_ros_gain;
  const cfNorm = 1 / (1 - dp);
  const mexDen = 1 / (1 + dt * mex);
  const burstP = p.burst_rate * dt;
  const burstSize = p.burst_size;
  // PUFA-PL relaxes to its ACSL4-set level by explicit Euler, the step's fraction capped at 1 so it
  // never steps past the target (and below 0) when pufa_rate x dts > 1
  const pufaFrac = Math.min(dt * pufaRate, 1);
  let necroses = 0;

  for (let i = i0; i < i1; i++) {
    // treatment targets: one set for the call, or (slowCells_sites) each site's own; what they
    // give is worked out here, per site, in the same operations either way
    const chel = T[T_CHEL];
    const znChel = T[T_ZNCHEL];
    const fsp1Act = T[T_FSP1];
    const dhfr = T[T_DHFR];
    const rta = T[T_RTA];
    const cystBath = T[T_CYSS];
    const ntbiBath = T[T_NTBI];
    const znBath = T[T_ZNB];
    const vg = 1 - vgS + vgS * T[T_CA] * caMedInv;
    // transferrin iron: the serum's (tf_medium, or a serum change) plus added holo-transferrin
    const tf = T[T_TFM] + T[T_TF];
    const tfRel = (tf / (tf + tfKm)) * ((p.tf_ref + tfKm) / p.tf_ref);
    // medium selenium (serum, or a selenium-poor medium) plus added selenite, relative to control
    const seT = (T[T_SEM] + T[T_SE]) / p.se_ref;
    const xcV = p.xc_vmax * T[T_XC];
    const xcKm = p.xc_km * (1 + T[T_GLU] / p.glu_ki);
    const tsp = p.tsp_supply + T[T_CYS];
    const gclV = p.gcl_vmax * T[T_GCL];
    const gpxLoss = T[T_INACT] + T[T_DEG];
    const qTot = Math.max(0, 1 - T[T_COQ]);
    const fspR = p.fsp1_rate * fsp1Act;
    const mito = 1 + T[T_MITO];
    const noxAct = T[T_NOX] * (1 - p.nox_pi3k_share * (1 - T[T_PI3K])) * (1 - p.nox_src_share * (1 - T[T_SRC]));
    const mcuAct = mcuG * T[T_MCU];
    // medium exchange of the pericellular layer (every site, with or without a cell)
    cystine[i] = (cystine[i] + dt * mex * cystBath) * mexDen;
    ntbi[i] = (ntbi[i] + dt * mex * ntbiBath) * mexDen;
    znEx[i] = (znEx[i] + dt * mex * znBath) * mexDen;
    o2[i] = (o2[i] + dt * mex * o2Bath) * mexDen;
    const s = status[i];
    if (s !== ALIVE && s !== DYING) {
      aO2[i] = 0;
      continue;
    }
    const R = ros[i];
    const R2 = R * R;
    const zn0 = zn[i];
    // contact inhibition: 1 at full confluence, up to 1/(1-dp) when isolated
    const cf = (1 - dp * (nbr[i] & 7) * 0.25) * cfNorm;

    // --- iron: TFR1 uptake (IRP-controlled), ferritin storage, NCOA4 release, FPN export, chelation
    const nf = 1 + nrfEff * (nrf2[i] - 1);
    const fe0 = fe[i];
    // IRP activity 2 fe_ref / (fe + fe_ref) and ferritin synthesis 2 fe / (fe + fe_ref)
    const rFe = 1 / (fe0 + feRef);
    const irp = 2 * feRef * rFe;
    const fsyn = 2 * fe0 * rFe;
    // free medium Zn2+ (uM), which competes with Fe2+ at ZIP14 (NTBI uptake) and is what ZIPs take up
    const znFree = freeZinc(znEx[i], albA, albKd);
    const nt = ntbi[i];
    const dFe = feKi + znFree;
    // NTBI uptake ntbiV = nN / dN (saturating in NTBI, lowered by free Zn2+ at ZIP14)
    const nN = ntbiUp * nt * ((1 - znC) * dFe + feNum);
    const dN = (nt + ntbiKm) * dFe;
    const kRel = ncoa4 * D[pNCOA4[i]];
    const kStore = store * D[pFTH[i]] * nf * fsyn;
    const ftn0 = ftn[i];
    // fe1 = (fe + dt (TFR1 uptake + ntbiV + release)) / (1 + dt (storage + export + chelation)),
    // times dN / dN. Written so, and the NTBI field's update below too, no division waits on another:
    // the loop is latency-bound (its chains of dependent divisions, not their number, set its time)
    const fe1 =
      ((fe0 + dt * (tfUp * D[pTFR1[i]] * cf * irp * tfRel + kRel * ftn0)) * dN + dt * nN) / ((1 + dt * (kStore + fpn * D[pFPN[i]] * fsyn + chel)) * dN);
    fe[i] = fe1;
    ftn[i] = (ftn0 + dt * kStore * fe1) / (1 + dt * kRel);
    // the pericellular NTBI taken up: nt / (1 + dt ratio ntbiV / (nt + 1e-6)), one division
    const nte = nt + 1e-6;
    ntbi[i] = (nt * nte * dN) / (nte * dN + dt * ratio * nN);
    const fen = fe1 * feRefInv;

    // --- zinc: ZIP uptake of free medium Zn2+ (saturating; a VGCC share needs medium Ca2+), ZIP7
    // release from the ER, Zn2+ freed from MT thiols by ROS; removal by MT binding (rises with MT)
    // and ZnT efflux; chelation. MT follows MT1G expression, induced by labile Zn2+ (MTF-1).
    const znT = znRef * (upS * vg * uRefInv * (znFree / (znFree + zipKm)) + (1 - upS) * D[pZIP7[i]]);
    const mt0 = mt[i];
    const znSink = znRate * (1 - mbs + mbs * mt0);
    // zn1 = (zn + dt (zn_rate znT + release R2/dR)) / (1 + dt (sink + chelation)), times dR / dR
    const dR = R2 + mtK2;
    const zn1 = (zn0 * dR + dt * (znRate * znT * dR + znRef * mtRelG * mt0 * R2)) / ((1 + dt * (znSink + znChel)) * dR);
    zn[i] = zn1;
    const zn12 = zn1 * zn1;
    mt[i] = (mt0 + dt * mtRate * D[pMT1G[i]] * (1 + (mtInd * zn12) / (zn12 + mtZK2)) * mtIndNorm) * mtDen;
    // couplings (in committed cells too, whose Zn2+ stays near control unless mt_ros_release > 0):
    // NOX factor 1 + g (2 zn/(zn + zn_ref) - 1), never negative (g > 1 would make it so at low
    // zinc); mitochondrial ROS; p53 repression of SLC7A11; glutathione reductase (as 1/grRel, the
    // factor on GSH oxidation). Their four saturations share one division, qC = 1/(d1 d2 d3 d4).
    const zc = zn0;
    const d1 = zc + znRef;
    const d2 = zc + znMitoK;
    const d3 = zc + p53K;
    const d4 = zc + grKi;
    const d12 = d1 * d2;
    const d34 = d3 * d4;
    const qC = 1 / (d12 * d34);
    const znNoxU = 1 + znNoxG * (2 * zc * d2 * d34 * qC - 1);
    const znNox = znNoxU > 0 ? znNoxU : 0;
    const znMito = (1 + znMitoG * zc * d1 * d34 * qC) * znMitoNorm;
    const znXcU = 1 - znXcG * (zc * d12 * d4 * qC - p53Ref);
    const znXc = znXcU > 0 ? znXcU : 0;
    // 1 / grRel = d4 / ((1 - znC) d4 + grNum)
    const grInv = d4 / ((1 - znC) * d4 + grNum);

    // --- Ca2+ (from the death program's last update): PKC -> NOX, MCU -> mitochondrial ROS, in
    // living cells; a committed cell's oxidant output is that of the calibrated death program
    // (its Ca2+ overload is part of what ox_release_gain was fitted to: docs/model.md 3.9, 6.0b)
    const c = s === ALIVE ? ca[i] : p.ca_rest;
    const c2 = c * c;
    const dPkc = c2 + pkcK2;
    const dMcu = c2 + mcuK2;
    const qCa = 1 / (dPkc * dMcu);
    const caNoxU = 1 + caNoxG * (c2 * dMcu * qCa - pkcRef);
    const caNox = caNoxU > 0 ? caNoxU : 0;
    const mitoCa = (1 + mcuAct * c2 * dPkc * qCa) * mcuNorm;

    // --- selenium and NRF2
    const se1 = (se[i] + dt * seRate * seT) * seDen;
    se[i] = se1;
    const seF = (se1 * (1 + seKm)) / (se1 + seKm);
    nrf2[i] = (nrf2[i] + dt * nrfRate * (1 + (nrfGain * R2) / (R2 + nrfK2))) * nrfDen;

    // --- cystine import (xc-) vxc = nXc / dXc, cysteine, GSH synthesis (GCL, gclK = gclV nf / dCys)
    // and loss. As for iron, the updates are multiplied through by the denominators they contain,
    // so that none of their divisions waits on another.
    const cyss = cystine[i];
    const nXc = xcV * D[pSLC[i]] * nf * znXc * cyss;
    const dXc = cyss + xcKm;
    // the pericellular cystine taken up: cyss / (1 + dt ratio vxc / (cyss + 1e-6))
    const cse = cyss + 1e-6;
    cystine[i] = (cyss * cse * dXc) / (cse * dXc + dt * ratio * nXc);
    const cys0 = cys[i];
    const dCys = cys0 + gclKm;
    const gclK = (gclV * nf) / dCys;
    // cys1 = (cys + dt (2 vxc + tsp)) / (1 + dt (cys_decay + gclK)), times dCys dXc / (dCys dXc)
    const cys1 = (((cys0 + dt * tsp) * dXc + 2 * dt * nXc) * dCys) / (((1 + dt * cysDecay) * dCys + dt * gclV * nf) * dXc);
    cys[i] = cys1;
    // gsh1 = nG / dG; GPX4's GSH saturation gsh1 / (gsh1 + gKm) = nG / (nG + gKm dG) (def_gsh below)
    const nG = gsh[i] + dt * gclK * cys1;
    const dG = 1 + dt * (gshTurn + gshOx * R * grInv);
    gsh[i] = nG / dG;

    // --- GPX4 (selenium-dependent synthesis; RSL3/ML162 inactivation, FIN56 degradation)
    const seS = (1 - cysS) * (seF * seCouple + (1 - seCouple)) + cysS;
    const gpx1 = (gpx4[i] + dt * gpxTurn * D[pGPX4[i]] * seS) / (1 + dt * (gpxTurn + gpxLoss + gpxOver * R));
    gpx4[i] = gpx1;

    // --- FSP1 keeps CoQ10 reduced; GCH1 and DHFR keep BH4
    const r = fspR * D[pFSP1[i]];
    const q1 = (coq[i] + dt * r * qTot) / (1 + dt * (r + qOx * (1 + R)));
    coq[i] = q1;
    const b1 = (bh4[i] + dt * bhRate * (D[pGCH1[i]] * (1 - bhShare) + bhShare * dhfr)) / (1 + dt * bhRate * (1 + bhRos * R));
    bh4[i] = b1;

    // --- PUFA-PL (ACSL4, lowered by contact inhibition)
    // (ER Ca2+ sets a share of elongation and desaturation: erF = 1 - s + s ca_er / ca_er_ref, a Ca2+
    // coupling that ion_couple_ca blends toward 1; MUFA competes for the acyl positions:
    // mufaF = (1 + m) / (1 + m (scd1 + [ACSL3] mufa_supply)), exactly 1 with SCD1 untouched and no oleate)
    const mufaF = mufaN / (1 + mufaC * (T[T_SCD1] + D[pACSL3[i]] * T[T_MUFA]));
    const pf = relaxStep(pufa[i], D[pACSL4[i]] * cf * (1 + erS * (caEr[i] * erRefInv - 1)) * mufaF, pufaFrac);
    pufa[i] = pf;

    // --- oxygen use; rates for the fast block
    // oxygen uptake is stiff next to its diffusion: hand its rate to the field solver
    // (one division for the O2 saturation and CLIC5's factor on ROS below: rO2 = 1/(dO2 dClic))
    const o2v = o2[i];
    const dClic = 1 + c5G * D[pCLIC5[i]];
    const rO2 = 1 / ((o2v + o2Km) * dClic);
    aO2[i] = o2Up * dClic * rO2;
    // --- division cycle (limited by oxygen; division itself needs a free neighbour: growth.ts)
    //     and death by hypoxia (necrosis)
    if (s === ALIVE) {
      if (prolif > 0) cycle[i] += dt * prolif * D[pPROLIF[i]] * (o2v / (o2v + o2ProlifKm));
      if (o2v < necO2 && necP > 0 && uniform(cx.key, i, cx.step, PURPOSE.necrosis) < necP) {
        status[i] = NECROTIC;
        necroses++;
        tDead[i] = cx.t;
        cycle[i] = 0;
        continue;
      }
    }
    aDefG[i] = wG * gpx1 * gpxAct * (nG / (nG + gKm * dG)) * gNorm;
    // FSP1's radical trapping scales with the enzyme (expression x inhibitors) and its reduced CoQ10
    aDefR[i] = wF * q1 * D[pFSP1[i]] * fsp1Act + wB * b1 + rta;
    const clLoadU = (cl[i] - clRest) * clSpanInv;
    const clLoad = clLoadU > 0 ? clLoadU : 0;
    // clRos x the O2 saturation: (1 + g load) (1 + g5) / dClic x o2v / (o2v + o2_km)
    const clRosO2 = (1 + clG * clLoad) * (1 + c5G) * o2v * rO2;
    aSrc[i] = cBasal * mito * mitoCa * znMito * clRosO2 * o2Norm;
    // autocatalytic feedback: a NOX share (expression, Zn2+, Ca2+ through PKC, inhibitors) and an
    // iron share (the Fe2+-catalysed peroxidation chain of PUFA-PL, saturating in Fe2+), 1 x
    // ros_feedback_max at control
    const dPhi = fe1 + feKm;
    const phiFe = (fe1 * feKmNorm) / dPhi;
    aFb[i] = kf * (1 - sN + sN * D[pNOX[i]] * znNox * caNox * noxAct) * (1 - sF + sF * phiFe * pf);
    aLp[i] = lpR * pf * (1 - lpShare + lpShare * fen);
    // the lipid-peroxide chain: Fe2+ turns PLOOH into radicals that peroxidise more PUFA-PL;
    // radical trappers (FSP1/CoQ10H2, BH4, ferrostatin-1) stop a share of it, GPX4 removes PLOOH
    // (phiFe's division and this one side by side: chain_rate phiFe pf rtRef / (rtRef + def_rt))
    aCh[i] = (chainK * fe1 * feKmNorm * pf * rtRef) / (dPhi * (rtRef + aDefR[i]));

    // --- a spontaneous ROS burst where the keyed draw u falls below pb = burst_rate dts fe / fe_ref;
    // its size is log-logistic (shape 4, scale burst_size): burst_size (pb/u - 1)^(1/4), since u/pb
    // is uniform given a burst; P(size > x) = 1 / (1 + (x / burst_size)^4), capped at 10 burst_size
    if (burstP > 0) {
      const u = uniform(cx.key, i, cx.step, PURPOSE.burst);
      const pb = burstP * fen;
      if (u < pb) ros[i] = R + burstSize * Math.min(10, Math.sqrt(Math.sqrt(pb / u - 1)));
    }
  }
  return necroses;
}

/**
 * Fast block, first pass, for sites [i0, i1): ROS <-> oxidant exchange (ex, exchangeMatrix of
 * half a step), the ROS switch, lipid peroxidation and commitment. It reads no treatment target,
 * so a caller may run it over a whole row of segments at once. Returns the cells committed.
 * @lanes i
 */
export function fastCells(st: SimState, i0: int, i1: int, p: ParamValues, cx: StepContext, ex: ExchangeMatrix): int {
  const { t, dt } = cx;
  const { ros, lpo, t_dying: tDying } = st.cell;
  const { def_gsh: defGsh, def_rt: defRt, ros_src: rosSrc, feedback, lpo_src: lpoSrc, lpo_chain: lpoChain } = st.aux;
  const { ox } = st.field;
  const { status } = st;
  const { ros_time_scale: ts, lpo_commit: lCommit } = p;
  // the ROS <-> oxidant exchange over half a step (exchangeMatrix)
  const [e00, e01, e10, e11] = ex;
  const kg8 = p.ros_clear * ts * 8;
  const kgR = p.ros_clear * ts;
  const kd = p.ros_decay * ts;
  const oxDeadDen = 1 / (1 + dt * p.ox_decay * p.kd_dead_factor);
  const dtLpC8 = 8 * dt * p.lpo_clear;
  const h = 0.5 * dt;
  const tCommit = t + dt;
  let committed = 0;

  for (let i = i0; i < i1; i++) {
    const s = status[i];
    if (s !== ALIVE && s !== DYING) {
      // no living cell: the oxidant decays faster over the dead
      ox[i] *= oxDeadDen;
      continue;
    }
    const defG = defGsh[i];
    const defR = defRt[i];
    const kfc = feedback[i];

    // Strang splitting: half a step of the linear ROS <-> oxidant exchange, solved exactly; a
    // full step of the nonlinear ROS kinetics by MPRK22; another exact half step of exchange.
    const R0 = ros[i];
    const ox0 = ox[i];
    const R = e00 * R0 + e01 * ox0;
    const oxq = e10 * R0 + e11 * ox0;
    const R3 = R * R * R;
    // The Hill terms kf R^3/(R^3+1) and kg def_gsh 8/(R^3+8) share one denominator D0 = (R^3+1)(R^3+8).
    // The predictor and the corrector below are each written over one division, their fractions
    // multiplied out by D0 and D1 (the same at Rp): the loop is latency-bound, and this takes two
    // divisions off the chain from R to R1 (q0 itself is only needed for the corrector).
    const src = rosSrc[i];
    const D0 = (R3 + 1) * (R3 + 8);
    const q0 = 1 / D0;
    const nox0 = kfc * R3 * (R3 + 8) * q0;
    const prod = src + nox0;
    const linLoss = kgR * defR + kd;
    const loss = kg8 * defG * (R3 + 1) * q0 + linLoss;
    // predictor Rp = (R + dt prod) / (1 + dt loss), times D0 / D0
    const Rp = ((R + dt * src) * D0 + dt * kfc * R3 * (R3 + 8)) / ((1 + dt * linLoss) * D0 + dt * kg8 * defG * (R3 + 1));
    const Rp3 = Rp * Rp * Rp;
    const D1 = (Rp3 + 1) * (Rp3 + 8);
    // at Rp: production src + B / D1, loss linLoss + C / D1
    const B = kfc * Rp3 * (Rp3 + 8);
    const C = kg8 * defG * (Rp3 + 1);
    // MPRK22 corrector: Rr = (R + h (P0 + P1)) / (1 + h (L0 R + L1 Rp) / Rp), one division (times
    // Rp D1 / Rp D1); the denominator is 0 only where R, its production and so the numerator are 0
    // (no basal ROS, no oxygen, no oxidant): the added 1e-300 makes that 0 / 1e-300 = 0 instead of
    // NaN, and leaves every denominator above 1e-284 bit for bit unchanged (an add, cheaper than a SIMD max)
    const Rr = (Rp * ((R + h * (prod + src)) * D1 + h * B)) / ((Rp + h * (loss * R + linLoss * Rp)) * D1 + h * Rp * C + 1e-300);
    const R1 = e00 * Rr + e01 * oxq;
    ros[i] = R1;
    ox[i] = e10 * Rr + e11 * oxq;

    // --- lipid peroxidation of PUFA-PL (ROS^2 x iron, and the Fe2+ chain on existing PLOOH),
    // reduction of PLOOH by GPX4 with GSH (radical trapping acts on the chain: slowCells)
    // GPX4 fails at high ROS as GSH is oxidised, the same factor 8/(R^3 + 8) as in the ROS clearance;
    // a committed cell no longer clears them (the point of no return). Implicit in the clearance:
    // L = (L0 + dt (src R^2 + chain L0)) / (1 + dt 8 lpo_clear def_gsh / (R^3 + 8)), written with one
    // division as ... (R^3 + 8) / (R^3 + 8 + dt 8 lpo_clear def_gsh)
    const R12 = R1 * R1;
    const L0 = lpo[i];
    const r8 = R12 * R1 + 8;
    const clr = s === ALIVE ? dtLpC8 * defG : 0;
    const L = ((L0 + dt * (lpoSrc[i] * R12 + lpoChain[i] * L0)) * r8) / (r8 + clr);
    lpo[i] = L;

    // --- commitment: lipid peroxides past lpo_commit
    if (s === ALIVE && L >= lCommit) {
      status[i] = DYING;
      committed++;
      tDying[i] = tCommit;
    }
  }
  return committed;
}

/**
 * The fast block at sites [i0, i1) of which none holds a living cell (alive or dying): the
 * oxidant decays faster over the dead. The same operations as fastCells's branch for such sites
 * (test/model/void-cells.test.ts holds them to the same bits), without its per-site test: runs of
 * a row without living cells (a tumour's empty tissue and necrosis, a dish after the wave) take
 * this instead of fastCells and deathCells.
 * @lanes i
 */
export function voidCells(st: SimState, i0: int, i1: int, p: ParamValues, cx: StepContext): void {
  const { ox } = st.field;
  const oxDeadDen = 1 / (1 + cx.dt * p.ox_decay * p.kd_dead_factor);
  for (let i = i0; i < i1; i++) ox[i] *= oxDeadDen;
}

/**
 * Fast block, second pass (kept apart so each loop holds few live values), for sites [i0, i1)
 * of one segment (targets T): the death program. Committed cells run it every step; living
 * cells, whose Ca2+, Cl- and volume only drift at rest, on slow steps (cx.dts > 0).
 * @lanes i
 */
export function deathCells(st: SimState, i0: int, i1: int, p: ParamValues, T: Float64Array, cx: StepContext): void {
  const { t, dt: dtStep, dts: dtsAlive } = cx;
  const { ca, ca_er: caEr, cl, ros, lpo, vol, fe, ftn, zn, t_dead: tDeadA, cycle } = st.cell;
  const { ox, ntbi, zn_ex: znEx } = st.field;
  const { status } = st;
  const { ORAI1: pORAI1, TMEM16F: pTMEM, MS4A15: pMS4A15, CHMP4B: pCHMP4B } = st.pheno;
  const D = PHENO_DECODE;
  const gain = p.ox_release_gain;
  const escMax = p.esc_max;
  const escK2 = p.esc_ca_k * p.esc_ca_k;
  const msShare = p.ms4a15_leak_share;
  const poreS = p.swell_pore_share;
  const lCommit = p.lpo_commit;
  const lCommit4 = lCommit * lCommit * lCommit * lCommit;
  const { ca_pump: caPump, ca_damage: caDmg, cl_rest: clRest, cl_open: clOpen, cl_rate: clRate, cl_leak: clLeak } = p;
  const { vol_rupture: volRupt, rvd_rate: rvd, cell_medium_ratio: ratio } = p;
  // --- Ca2+ of the cytosol (ca) and the ER (ca_er), docs/model.md 3.9. Entry scales with the
  // medium's Ca2+ (calcium-free medium: none): a leak, an ionophore, store-operated entry
  // (STIM1/ORAI1, open as the ER empties: Hill 4 in ca_er) and entry through peroxidised membrane
  const cab = T[T_CA] / Math.max(p.ca_medium, 1e-9);
  const caRest = p.ca_rest;
  const erRef = p.ca_er_ref;
  const sercaK2 = p.serca_k * p.serca_k;
  const stimK2 = p.stim_er_k * p.stim_er_k;
  const stimK4 = stimK2 * stimK2;
  const erRef2 = erRef * erRef;
  const stimRef = stimK4 / (stimK4 + erRef2 * erRef2);
  // the ER leak and the plasma-membrane leak that hold a resting cell at (ca_rest, ca_er_ref)
  const erLeak = (p.serca_vmax * caRest * caRest) / (caRest * caRest + sercaK2) / Math.max(erRef - caRest, 1e-9);
  const pmLeak = Math.max(caPump * caRest - p.soce_max * stimRef, 0);
  const caIn = cab * (pmLeak + T[T_IONO]);
  const soce = cab * p.soce_max * T[T_ORAI];
  const caDmgB = cab * caDmg;
  const sercaV = p.serca_vmax * T[T_SERCA];
  // labile Zn2+ blocks PMCA (znP, 1 at control Zn2+; ion_couple_zn blends it toward 1)
  const pmKi = p.zn_pmca_ki;
  const znPNum = pmKi + p.zn_ref; // znP = (1 + zn_ref/Ki) / (1 + zn/Ki) = znPNum / (Ki + zn)
  const znPC = p.ion_couple_zn;
  const ip3G = p.ip3r_lpo_gain * T[T_IP3R];
  const ionoEr = p.iono_er_release * T[T_IONO];
  const ip3K2 = p.ip3r_lpo_k * p.ip3r_lpo_k;
  const g = p.ca_er_ratio;
  const tmem = T[T_TMEM];
  const tK2 = p.tmem16f_ca_k * p.tmem16f_ca_k;
  // Cl- load relative to its span; none when cl_open = cl_rest (no span to load)
  const clLoadNorm = clOpen !== clRest ? 1 / (clOpen - clRest) : 0;
  const swell = p.swell_rate * T[T_SWELL];
  const rupRel = p.ox_rupture_release * gain;
  // regulatory volume decrease of living cells (step dtsAlive): explicit Euler towards vol 1, the
  // step's fraction capped at 1 so a fast rvd_rate never overshoots below 1 (or below 0)
  const rvdFrac = Math.min(dtsAlive * rvd, 1);
  // ceiling of lpo: a committed cell that cannot rupture (swelling blocked) keeps its chain
  // growing exponentially (fastCells) and would reach Infinity in float32 within a day; past
  // 1e9 x lpo_commit nothing the model reads changes (Ca2+ entry through damaged membrane is saturated)
  const lpoMax = 1e9 * lCommit;
  const tDead = t + dtStep;
  for (let i = i0; i < i1; i++) {
    const s = status[i];
    if (s !== DYING && (s !== ALIVE || dtsAlive === 0)) continue;
    const dt = s === ALIVE ? dtsAlive : dtStep;
    const R1 = ros[i];
    const Lr = lpo[i];
    const L = Lr < lpoMax ? Lr : lpoMax;
    lpo[i] = L;

    // --- Ca2+: the cytosol-ER pair by linearly implicit Euler with the nonlinear rates (SERCA,
    // STIM1) frozen: an M-matrix, so both stay positive at any step and the rest state is exact.
    // kr: ER release (leak, IP3R sensitised by lipid peroxides, ionophore); ks: SERCA per uM of
    // cytosolic Ca2+; kp: PMCA, blocked by labile Zn2+ (znP = (1 + zn_ref/Ki) / (1 + zn/Ki)).
    // Saturating terms that share a step are put over one division (x/a = x b q, q = 1/(a b)); it
    // waits only on loads, side by side with the SERCA/STIM1 one (docs/model.md 4, "Speed").
    // pore = L^4 / (L^4 + lpo_commit^4) (peroxidation nanopores) lets Ca2+ in; ESCRT-III, recruited
    // by Ca2+, reseals them: rep = esc_max [CHMP4B] ca^2 / (ca^2 + esc_ca_k^2) at the step's start,
    // pore entry and swelling / (1 + rep) = dEsc / dRep. MS4A15 carries a share of the ER leak.
    const L2 = L * L;
    const L4 = L2 * L2;
    const c0 = ca[i];
    const c02 = c0 * c0;
    const dIp3 = L2 + ip3K2;
    const dDmg = L4 + lCommit4;
    const dZn = pmKi + zn[i];
    const dEsc = c02 + escK2;
    const dRep = dEsc + escMax * D[pCHMP4B[i]] * c02;
    const qL = 1 / (dIp3 * dDmg * dZn * dRep);
    const kr = erLeak * (1 - msShare + msShare * D[pMS4A15[i]]) * (1 + ip3G * L2 * dDmg * dZn * dRep * qL) + ionoEr;
    // pore / (1 + rep), and 1 / (1 + rep)
    const poreRep = L4 * dIp3 * dZn * dEsc * qL;
    const repF = dIp3 * dDmg * dZn * dEsc * qL;
    const jFix = caIn + caDmgB * poreRep;
    const kp = caPump * (1 + znPC * (znPNum * dIp3 * dDmg * dRep * qL - 1));
    const soceC = soce * D[pORAI1[i]];
    const e0 = caEr[i];
    const e02 = e0 * e0;
    const dSt0 = stimK4 + e02 * e02;
    const dSe0 = c02 + sercaK2;
    const q0 = 1 / (dSt0 * dSe0);
    const j0 = jFix + soceC * stimK4 * dSe0 * q0;
    const ks0 = sercaV * c0 * dSt0 * q0;
    const cJ0 = c0 + dt * j0;
    const a0 = 1 + dt * (kp + ks0 + kr);
    const b = 1 + dt * g * kr;
    const krD = dt * kr;
    const den0 = 1 / (a0 + dt * g * kr * (1 + dt * kp));
    let ca1 = (cJ0 * b + krD * e0) * den0;
    let er1 = (e0 * a0 + dt * g * (ks0 + kr) * cJ0) * den0;
    if (s === ALIVE) {
      // a living cell's slow step (minutes): a second pass with SERCA and STIM1 at the first's end,
      // the same solve multiplied through by P1 = dSt1 dSe1 (ksP = ks1 P1 = sercaV ca1 dSt1, cJP =
      // cJ1 P1, aP = a1 P1, denP = den1 P1): its two divisions then run side by side, where q1 and
      // den1 ran in turn (the loop is latency-bound)
      const e12 = er1 * er1;
      const dSt1 = stimK4 + e12 * e12;
      const dSe1 = ca1 * ca1 + sercaK2;
      const P1 = dSt1 * dSe1;
      const ksP = sercaV * ca1 * dSt1;
      const cJP = c0 * P1 + dt * (jFix * P1 + soceC * stimK4 * dSe1);
      const aP = (1 + dt * (kp + kr)) * P1 + dt * ksP;
      const denP = aP + dt * g * kr * (1 + dt * kp) * P1;
      ca1 = (cJP * b + krD * e0 * P1) / denP;
      er1 = (e0 * aP * P1 + dt * g * (ksP + kr * P1) * cJP) / (denP * P1);
    }
    ca[i] = ca1;
    caEr[i] = er1;

    // --- Cl- through Ca2+-activated TMEM16F (conductance gT = gTn / dT), osmotic swelling,
    // rupture; the implicit Cl- step with numerator and denominator multiplied by dT
    const ca2 = ca1 * ca1;
    const dT = ca2 + tK2;
    const gTn = D[pTMEM[i]] * tmem * ca2;
    const dtCl = dt * clRate;
    const cl1 = ((cl[i] + dtCl * clLeak * clRest) * dT + dtCl * gTn * clOpen) / ((1 + dtCl * clLeak) * dT + dtCl * gTn);
    cl[i] = cl1;
    const load = (cl1 - clRest) * clLoadNorm;
    // swelling: the TMEM16F Cl- load and Ca2+-independent pores (share swell_pore_share), both
    // slowed by ESCRT-III resealing
    let v = vol[i] + dt * swell * ((1 - poreS) * (load > 0 ? load : 0) * repF + poreS * poreRep);
    if (s === ALIVE) v = relaxStep(v, 1, rvdFrac); // regulatory volume decrease while the membrane holds
    vol[i] = v;

    // --- fate: a committed cell ruptures when swollen
    if (s === DYING && v >= volRupt) {
      status[i] = DEAD;
      tDeadA[i] = tDead;
      cycle[i] = 0;
      ox[i] += rupRel * R1;
      ntbi[i] += ratio * (fe[i] + ftn[i]);
      znEx[i] += ratio * zn[i] * 1e-3;
    }
  }
}

export type ExchangeMatrix = [number, number, number, number];

/**
 * Free Zn2+ (uM) of a medium holding total Zn2+ `total` (uM) next to `albumin` uM of binding sites
 * (albumin x albumin_zn_sites) of dissociation constant `kd` (uM): the positive root of the
 * binding quadratic.
 */
export function freeZinc(total: number, albumin: number, kd: number): number {
  return bindingRoot(total - albumin - kd, kd * total);
}

/**
 * The positive root of x^2 - b x - c = 0 (c >= 0), (b + s) / 2 with s = sqrt(b^2 + 4c), in a form
 * without cancellation on either side of b = 0 and with one square root and one division: with
 * m = max(b, 0), n = max(-b, 0) (as ternaries: cheaper than Math.max in SIMD), s - n = (m^2 + 4c) / (s + n), so x = (m + (m^2 + 4c) / (s + n)) / 2.
 * (1e-300 keeps b = c = 0 at 0 rather than 0/0; it is below any other s + n's rounding.)
 */
export function bindingRoot(b: number, c: number): number {
  return 0.5 * ((b > 0 ? b : 0) + ((b > 0 ? b * b : 0) + 4 * c) / (Math.sqrt(b * b + 4 * c) + (b < 0 ? -b : 0) + 1e-300));
}
