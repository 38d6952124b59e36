;; Why this file exists: the hot loops of a step in WebAssembly SIMD, two cells (or two columns,
;; or two rows) per f64x2 vector: the fast block's two passes (kinetics.ts fastCells and
;; deathProgram: the ROS switch, lipid peroxidation, commitment, the death program), the slow
;; block (slowSegment), the row kernels of the column sweeps (diffusion.ts sweepCols and
;; sweepColsSink) and the row sweep with a sink (sweepRowsSink). In V8's scalar code these were
;; most of a step. Every operation is the IEEE double operation of the TypeScript in the same
;; order (no fused multiply-add, no reassociation), loads widen float32 exactly, stores round to
;; nearest like Float32Array and masked lanes keep their old bits, so the kernels give the same
;; bits as the TypeScript: a speed-up, never a second model. test/model/kernels-identity.test.ts
;; holds them to bit-identity.
;; Build: `npm run build:wasm` compiles this text (wabt) into kernels.bytes.ts, once with a
;; shared and once with an unshared memory import (the placeholder in the import below).
(module
  (import "env" "memory" (memory @MEMORY@))

  ;; Sites [i0, i1) of one row segment, i1 - i0 even. Addresses are byte addresses in the memory:
  ;; `st` of the status bytes, the others of float32 arrays (index i at a + 4 i). Returns the number
  ;; of cells committed (ALIVE -> DYING), which the caller adds to the header's running total.
  (func (export "fast")
    (param $i0 i32) (param $i1 i32) (param $st i32)
    (param $aDefG i32) (param $aDefR i32) (param $aNox i32) (param $aRos i32) (param $aOx i32)
    (param $aFen i32) (param $aSrc i32) (param $aLpo i32) (param $aLp i32) (param $aTdy i32)
    (param $e00 f64) (param $e01 f64) (param $e10 f64) (param $e11 f64)
    (param $kg8 f64) (param $kgR f64) (param $kd f64) (param $dt f64) (param $h f64)
    (param $dtLpC f64) (param $lCommit f64) (param $oxDeadDen f64) (param $tDying f64)
    ;; spontaneous bursts (burst_rate > 0): burstP = burst_rate dt, burstAdd = burst_size / dt, the
    ;; random key, the step and imul(PURPOSE.burst + 1, 0x27d4eb2f) of random.ts uniform()
    (param $aFe i32) (param $burstP f64) (param $burstAdd f64) (param $feRef f64)
    (param $k0 i32) (param $k1 i32) (param $step i32) (param $purposeMix i32)
    (result i32)
    (local $i i32) (local $j i32) (local $s0 i32) (local $s1 i32) (local $ok0 i32) (local $ok1 i32)
    (local $n i32)
    (local $vE00 v128) (local $vE01 v128) (local $vE10 v128) (local $vE11 v128)
    (local $vKg8 v128) (local $vKgR v128) (local $vKd v128) (local $vDt v128) (local $vH v128)
    (local $vDtLpC v128) (local $vLCommit v128) (local $vDead v128) (local $one v128) (local $eight v128)
    (local $m32 v128) (local $alive v128)
    (local $defG v128) (local $defR v128) (local $kfc v128) (local $R0 v128) (local $ox0 v128)
    (local $rawRos v128) (local $rawOx v128) (local $rawLpo v128)
    (local $R v128) (local $oxq v128) (local $R3 v128) (local $R3p1 v128) (local $R3p8 v128)
    (local $q0 v128) (local $nox0 v128) (local $kFen v128) (local $prod v128) (local $loss v128)
    (local $kg8DefG v128) (local $kgRDefR v128)
    (local $Rp v128) (local $Rp3 v128) (local $Rp3p1 v128) (local $Rp3p8 v128) (local $q1 v128)
    (local $prod2 v128) (local $loss2 v128) (local $Rr v128) (local $R1 v128) (local $oxN v128)
    (local $L v128) (local $commit v128) (local $hit v128) (local $fe v128)

    (local.set $vE00 (f64x2.splat (local.get $e00)))
    (local.set $vE01 (f64x2.splat (local.get $e01)))
    (local.set $vE10 (f64x2.splat (local.get $e10)))
    (local.set $vE11 (f64x2.splat (local.get $e11)))
    (local.set $vKg8 (f64x2.splat (local.get $kg8)))
    (local.set $vKgR (f64x2.splat (local.get $kgR)))
    (local.set $vKd (f64x2.splat (local.get $kd)))
    (local.set $vDt (f64x2.splat (local.get $dt)))
    (local.set $vH (f64x2.splat (local.get $h)))
    (local.set $vDtLpC (f64x2.splat (local.get $dtLpC)))
    (local.set $vLCommit (f64x2.splat (local.get $lCommit)))
    (local.set $vDead (f64x2.splat (local.get $oxDeadDen)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $eight (f64x2.splat (f64.const 8)))

    (local.set $i (local.get $i0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $i1)))
        (local.set $j (i32.shl (local.get $i) (i32.const 2)))
        ;; status: a cell takes part when ALIVE (1) or DYING (2)
        (local.set $s0 (i32.load8_u (i32.add (local.get $st) (local.get $i))))
        (local.set $s1 (i32.load8_u offset=1 (i32.add (local.get $st) (local.get $i))))
        (local.set $ok0 (i32.lt_u (i32.sub (local.get $s0) (i32.const 1)) (i32.const 2)))
        (local.set $ok1 (i32.lt_u (i32.sub (local.get $s1) (i32.const 1)) (i32.const 2)))
        (local.set $rawOx (v128.load64_zero (i32.add (local.get $aOx) (local.get $j))))
        (local.set $ox0 (f64x2.promote_low_f32x4 (local.get $rawOx)))

        (if (i32.eqz (i32.or (local.get $ok0) (local.get $ok1)))
          (then
            ;; no living cell: the oxidant decays faster over the dead
            (v128.store64_lane 0 (i32.add (local.get $aOx) (local.get $j))
              (f32x4.demote_f64x2_zero (f64x2.mul (local.get $ox0) (local.get $vDead)))))
          (else
            ;; float32 lanes 0 and 1 set where the cell takes part
            (local.set $m32
              (i32x4.replace_lane 1
                (i32x4.replace_lane 0 (v128.const i32x4 0 0 0 0) (i32.sub (i32.const 0) (local.get $ok0)))
                (i32.sub (i32.const 0) (local.get $ok1))))
            (local.set $defG (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aDefG) (local.get $j)))))
            (local.set $defR (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aDefR) (local.get $j)))))
            (local.set $kfc (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aNox) (local.get $j)))))
            (local.set $rawRos (v128.load64_zero (i32.add (local.get $aRos) (local.get $j))))
            (local.set $R0 (f64x2.promote_low_f32x4 (local.get $rawRos)))

            ;; half a step of the exchange, exactly: R = e00 R0 + e01 ox0, oxq = e10 R0 + e11 ox0
            (local.set $R (f64x2.add (f64x2.mul (local.get $vE00) (local.get $R0)) (f64x2.mul (local.get $vE01) (local.get $ox0))))
            (local.set $oxq (f64x2.add (f64x2.mul (local.get $vE10) (local.get $R0)) (f64x2.mul (local.get $vE11) (local.get $ox0))))
            ;; R3 = R R R; q0 = 1 / ((R3 + 1)(R3 + 8))
            (local.set $R3 (f64x2.mul (f64x2.mul (local.get $R) (local.get $R)) (local.get $R)))
            (local.set $R3p1 (f64x2.add (local.get $R3) (local.get $one)))
            (local.set $R3p8 (f64x2.add (local.get $R3) (local.get $eight)))
            (local.set $q0 (f64x2.div (local.get $one) (f64x2.mul (local.get $R3p1) (local.get $R3p8))))
            ;; nox0 = kfc R3 (R3 + 8) q0
            (local.set $nox0 (f64x2.mul (f64x2.mul (f64x2.mul (local.get $kfc) (local.get $R3)) (local.get $R3p8)) (local.get $q0)))
            (local.set $kFen (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aFen) (local.get $j)))))
            ;; prod = src + nox0 + kFen R
            (local.set $prod
              (f64x2.add
                (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aSrc) (local.get $j)))) (local.get $nox0))
                (f64x2.mul (local.get $kFen) (local.get $R))))
            ;; a spontaneous burst where the keyed draw falls below burstP fe / feRef
            (if (f64.gt (local.get $burstP) (f64.const 0))
              (then
                (local.set $fe (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aFe) (local.get $j)))))
                (local.set $hit
                  (f64x2.lt
                    (f64x2.replace_lane 1
                      (f64x2.splat (call $uniform (local.get $i) (local.get $step) (local.get $k0) (local.get $k1) (local.get $purposeMix)))
                      (call $uniform (i32.add (local.get $i) (i32.const 1)) (local.get $step) (local.get $k0) (local.get $k1) (local.get $purposeMix)))
                    (f64x2.div (f64x2.mul (f64x2.splat (local.get $burstP)) (local.get $fe)) (f64x2.splat (local.get $feRef)))))
                (local.set $prod
                  (v128.bitselect (f64x2.add (local.get $prod) (f64x2.splat (local.get $burstAdd))) (local.get $prod) (local.get $hit)))))
            ;; loss = kg8 defG (R3 + 1) q0 + kgR defR + kd
            (local.set $kg8DefG (f64x2.mul (local.get $vKg8) (local.get $defG)))
            (local.set $kgRDefR (f64x2.mul (local.get $vKgR) (local.get $defR)))
            (local.set $loss
              (f64x2.add
                (f64x2.add (f64x2.mul (f64x2.mul (local.get $kg8DefG) (local.get $R3p1)) (local.get $q0)) (local.get $kgRDefR))
                (local.get $vKd)))
            ;; predictor: Rp = (R + dt prod) / (1 + dt loss)
            (local.set $Rp
              (f64x2.div
                (f64x2.add (local.get $R) (f64x2.mul (local.get $vDt) (local.get $prod)))
                (f64x2.add (local.get $one) (f64x2.mul (local.get $vDt) (local.get $loss)))))
            (local.set $Rp3 (f64x2.mul (f64x2.mul (local.get $Rp) (local.get $Rp)) (local.get $Rp)))
            (local.set $Rp3p1 (f64x2.add (local.get $Rp3) (local.get $one)))
            (local.set $Rp3p8 (f64x2.add (local.get $Rp3) (local.get $eight)))
            (local.set $q1 (f64x2.div (local.get $one) (f64x2.mul (local.get $Rp3p1) (local.get $Rp3p8))))
            ;; prod2 = prod + kfc Rp3 (Rp3 + 8) q1 - nox0 + kFen (Rp - R)
            (local.set $prod2
              (f64x2.add
                (f64x2.sub
                  (f64x2.add (local.get $prod)
                    (f64x2.mul (f64x2.mul (f64x2.mul (local.get $kfc) (local.get $Rp3)) (local.get $Rp3p8)) (local.get $q1)))
                  (local.get $nox0))
                (f64x2.mul (local.get $kFen) (f64x2.sub (local.get $Rp) (local.get $R)))))
            ;; loss2 = kg8 defG (Rp3 + 1) q1 + kgR defR + kd
            (local.set $loss2
              (f64x2.add
                (f64x2.add (f64x2.mul (f64x2.mul (local.get $kg8DefG) (local.get $Rp3p1)) (local.get $q1)) (local.get $kgRDefR))
                (local.get $vKd)))
            ;; corrector: Rr = Rp (R + h (prod + prod2)) / (Rp + h (loss R + loss2 Rp))
            (local.set $Rr
              (f64x2.div
                (f64x2.mul (local.get $Rp)
                  (f64x2.add (local.get $R) (f64x2.mul (local.get $vH) (f64x2.add (local.get $prod) (local.get $prod2)))))
                (f64x2.add (local.get $Rp)
                  (f64x2.mul (local.get $vH)
                    (f64x2.add (f64x2.mul (local.get $loss) (local.get $R)) (f64x2.mul (local.get $loss2) (local.get $Rp)))))))
            ;; the second half step of the exchange
            (local.set $R1 (f64x2.add (f64x2.mul (local.get $vE00) (local.get $Rr)) (f64x2.mul (local.get $vE01) (local.get $oxq))))
            (local.set $oxN (f64x2.add (f64x2.mul (local.get $vE10) (local.get $Rr)) (f64x2.mul (local.get $vE11) (local.get $oxq))))
            ;; lipid peroxides: L = (lpo + dt lp R1 R1) / (1 + dt lpC (defG + defR))
            (local.set $rawLpo (v128.load64_zero (i32.add (local.get $aLpo) (local.get $j))))
            (local.set $L
              (f64x2.div
                (f64x2.add (f64x2.promote_low_f32x4 (local.get $rawLpo))
                  (f64x2.mul
                    (f64x2.mul (local.get $vDt) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aLp) (local.get $j)))))
                    (f64x2.mul (local.get $R1) (local.get $R1))))
                (f64x2.add (local.get $one) (f64x2.mul (local.get $vDtLpC) (f64x2.add (local.get $defG) (local.get $defR))))))

            ;; stores: the new values where the cell takes part, else the old float32 bits (ox decays)
            (v128.store64_lane 0 (i32.add (local.get $aRos) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $R1)) (local.get $rawRos) (local.get $m32)))
            (v128.store64_lane 0 (i32.add (local.get $aOx) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $oxN))
                (f32x4.demote_f64x2_zero (f64x2.mul (local.get $ox0) (local.get $vDead))) (local.get $m32)))
            (v128.store64_lane 0 (i32.add (local.get $aLpo) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $L)) (local.get $rawLpo) (local.get $m32)))

            ;; commitment: an ALIVE cell whose lipid peroxides (before rounding) reach lpo_commit
            (local.set $alive
              (i64x2.replace_lane 1
                (i64x2.splat (i64.extend_i32_u (i32.eq (local.get $s0) (i32.const 1))))
                (i64.extend_i32_u (i32.eq (local.get $s1) (i32.const 1)))))
            (local.set $commit
              (v128.and (f64x2.ge (local.get $L) (local.get $vLCommit)) (i64x2.neg (local.get $alive))))
            (if (v128.any_true (local.get $commit))
              (then
                (if (i64.ne (i64x2.extract_lane 0 (local.get $commit)) (i64.const 0))
                  (then
                    (i32.store8 (i32.add (local.get $st) (local.get $i)) (i32.const 2))
                    (f32.store (i32.add (local.get $aTdy) (local.get $j)) (f32.demote_f64 (local.get $tDying)))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))))
                (if (i64.ne (i64x2.extract_lane 1 (local.get $commit)) (i64.const 0))
                  (then
                    (i32.store8 offset=1 (i32.add (local.get $st) (local.get $i)) (i32.const 2))
                    (f32.store offset=4 (i32.add (local.get $aTdy) (local.get $j)) (f32.demote_f64 (local.get $tDying)))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (local.get $n))
  ;; random.ts mix32 and uniform(key, cell, step, purpose): the same 32-bit integer operations
  (func $mix32 (param $h i32) (result i32)
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x85ebca6b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
  (func $uniform (param $cell i32) (param $step i32) (param $k0 i32) (param $k1 i32) (param $purposeMix i32) (result f64)
    (local $h i32)
    (local.set $h (call $mix32 (i32.xor (local.get $k0) (i32.mul (local.get $cell) (i32.const 0x9e3779b1)))))
    (local.set $h (call $mix32 (i32.xor (i32.add (local.get $h) (i32.mul (local.get $step) (i32.const 0x85ebca77))) (local.get $k1))))
    (local.set $h (call $mix32 (i32.xor (local.get $h) (local.get $purposeMix))))
    (f64.div (f64.convert_i32_u (local.get $h)) (f64.const 4294967296)))

  ;; The death program (kinetics.ts deathProgram) for sites [i0, i1), i1 - i0 even: DYING cells
  ;; every step (dt), ALIVE cells on slow steps (dtAlive > 0, else 0). `aD` is the address of the
  ;; phenotype decode table (256 float32), `pOrai` and `pTmem` of the two phenotype byte arrays.
  ;; Returns nothing: a rupture (DYING -> DEAD) is written in place, as in the TypeScript.
  (func (export "death")
    (param $i0 i32) (param $i1 i32) (param $st i32) (param $aD i32) (param $pOrai i32) (param $pTmem i32)
    (param $aRos i32) (param $aLpo i32) (param $aCa i32) (param $aCl i32) (param $aVol i32)
    (param $aTdead i32) (param $aCycle i32) (param $aOx i32) (param $aNtbi i32) (param $aFe i32) (param $aFtn i32)
    (param $aZn i32) (param $aZnEx i32)
    (param $dt f64) (param $dtAlive f64) (param $caPump f64) (param $soceK2 f64) (param $lCommit4 f64)
    (param $caBase f64) (param $caSoce f64) (param $caDmgB f64) (param $tmem f64) (param $tK2 f64)
    (param $clRate f64) (param $clOpen f64) (param $clLeak f64) (param $clRest f64) (param $clLoadNorm f64)
    (param $swell f64) (param $rvd f64) (param $volRupt f64) (param $tDead f64) (param $rupRelGain f64)
    (param $ratio f64)
    (local $i i32) (local $j i32) (local $s0 i32) (local $s1 i32) (local $on0 i32) (local $on1 i32)
    (local $alive64 v128) (local $dying64 v128) (local $m32 v128) (local $vdt v128)
    (local $one v128) (local $zero v128) (local $vDtAlive v128) (local $vDtStep v128)
    (local $vCaPump v128) (local $vSoceK2 v128) (local $vLc4 v128) (local $vCaBase v128) (local $vCaSoce v128)
    (local $vCaDmgB v128) (local $vTmem v128) (local $vTK2 v128) (local $vClRate v128) (local $vClOpen v128)
    (local $vClLeakRest v128) (local $vClLeak v128) (local $vClRest v128) (local $vClLoadNorm v128) (local $vSwell v128)
    (local $vRvd v128) (local $vVolRupt v128)
    (local $rawCa v128) (local $rawCl v128) (local $rawVol v128)
    (local $R1 v128) (local $L v128) (local $R12 v128) (local $L4 v128) (local $a1 v128) (local $a2 v128)
    (local $dOrai v128) (local $dTmem v128) (local $influx v128) (local $ca1 v128) (local $ca2 v128) (local $gT v128)
    (local $dtCl v128) (local $cl1 v128) (local $load v128) (local $v v128) (local $rupt v128)

    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $vDtAlive (f64x2.splat (local.get $dtAlive)))
    (local.set $vDtStep (f64x2.splat (local.get $dt)))
    (local.set $vCaPump (f64x2.splat (local.get $caPump)))
    (local.set $vSoceK2 (f64x2.splat (local.get $soceK2)))
    (local.set $vLc4 (f64x2.splat (local.get $lCommit4)))
    (local.set $vCaBase (f64x2.splat (local.get $caBase)))
    (local.set $vCaSoce (f64x2.splat (local.get $caSoce)))
    (local.set $vCaDmgB (f64x2.splat (local.get $caDmgB)))
    (local.set $vTmem (f64x2.splat (local.get $tmem)))
    (local.set $vTK2 (f64x2.splat (local.get $tK2)))
    (local.set $vClRate (f64x2.splat (local.get $clRate)))
    (local.set $vClOpen (f64x2.splat (local.get $clOpen)))
    (local.set $vClLeak (f64x2.splat (local.get $clLeak)))
    (local.set $vClRest (f64x2.splat (local.get $clRest)))
    (local.set $vClLeakRest (f64x2.mul (local.get $vClLeak) (local.get $vClRest)))
    (local.set $vClLoadNorm (f64x2.splat (local.get $clLoadNorm)))
    (local.set $vSwell (f64x2.splat (local.get $swell)))
    (local.set $vRvd (f64x2.splat (local.get $rvd)))
    (local.set $vVolRupt (f64x2.splat (local.get $volRupt)))

    (local.set $i (local.get $i0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $i1)))
        (local.set $s0 (i32.load8_u (i32.add (local.get $st) (local.get $i))))
        (local.set $s1 (i32.load8_u offset=1 (i32.add (local.get $st) (local.get $i))))
        ;; a cell runs the program when DYING (2), or ALIVE (1) on a slow step
        (local.set $on0 (i32.or (i32.eq (local.get $s0) (i32.const 2))
          (i32.and (i32.eq (local.get $s0) (i32.const 1)) (f64.ne (local.get $dtAlive) (f64.const 0)))))
        (local.set $on1 (i32.or (i32.eq (local.get $s1) (i32.const 2))
          (i32.and (i32.eq (local.get $s1) (i32.const 1)) (f64.ne (local.get $dtAlive) (f64.const 0)))))
        (if (i32.or (local.get $on0) (local.get $on1))
          (then
            (local.set $j (i32.shl (local.get $i) (i32.const 2)))
            (local.set $m32
              (i32x4.replace_lane 1
                (i32x4.replace_lane 0 (v128.const i32x4 0 0 0 0) (i32.sub (i32.const 0) (local.get $on0)))
                (i32.sub (i32.const 0) (local.get $on1))))
            (local.set $alive64
              (i64x2.neg (i64x2.replace_lane 1
                (i64x2.splat (i64.extend_i32_u (i32.eq (local.get $s0) (i32.const 1))))
                (i64.extend_i32_u (i32.eq (local.get $s1) (i32.const 1))))))
            (local.set $dying64
              (i64x2.neg (i64x2.replace_lane 1
                (i64x2.splat (i64.extend_i32_u (i32.eq (local.get $s0) (i32.const 2))))
                (i64.extend_i32_u (i32.eq (local.get $s1) (i32.const 2))))))
            ;; dt = ALIVE ? dtAlive : dt
            (local.set $vdt (v128.bitselect (local.get $vDtAlive) (local.get $vDtStep) (local.get $alive64)))
            (local.set $R1 (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aRos) (local.get $j)))))
            (local.set $L (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $aLpo) (local.get $j)))))
            (local.set $R12 (f64x2.mul (local.get $R1) (local.get $R1)))
            (local.set $L4 (f64x2.mul (f64x2.mul (f64x2.mul (local.get $L) (local.get $L)) (local.get $L)) (local.get $L)))
            (local.set $a1 (f64x2.add (local.get $R12) (local.get $vSoceK2)))
            (local.set $a2 (f64x2.add (local.get $L4) (local.get $vLc4)))
            (local.set $dOrai
              (f64x2.replace_lane 1
                (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $aD)
                  (i32.shl (i32.load8_u (i32.add (local.get $pOrai) (local.get $i))) (i32.const 2))))))
                (f64.promote_f32 (f32.load (i32.add (local.get $aD)
                  (i32.shl (i32.load8_u offset=1 (i32.add (local.get $pOrai) (local.get $i))) (i32.const 2)))))))
            ;; Ca2+: influx = caBase + (caSoce D R12 a2 + caDmgB L4 a1) / (a1 a2); ca1 = (ca + dt influx) / (1 + dt caPump)
            (local.set $influx
              (f64x2.add (local.get $vCaBase)
                (f64x2.div
                  (f64x2.add
                    (f64x2.mul (f64x2.mul (f64x2.mul (local.get $vCaSoce) (local.get $dOrai)) (local.get $R12)) (local.get $a2))
                    (f64x2.mul (f64x2.mul (local.get $vCaDmgB) (local.get $L4)) (local.get $a1)))
                  (f64x2.mul (local.get $a1) (local.get $a2)))))
            (local.set $rawCa (v128.load64_zero (i32.add (local.get $aCa) (local.get $j))))
            (local.set $ca1
              (f64x2.mul
                (f64x2.add (f64x2.promote_low_f32x4 (local.get $rawCa)) (f64x2.mul (local.get $vdt) (local.get $influx)))
                (f64x2.div (local.get $one) (f64x2.add (local.get $one) (f64x2.mul (local.get $vdt) (local.get $vCaPump))))))
            (v128.store64_lane 0 (i32.add (local.get $aCa) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $ca1)) (local.get $rawCa) (local.get $m32)))
            ;; Cl- through TMEM16F: gT = D tmem ca2 / (ca2 + tK2)
            (local.set $ca2 (f64x2.mul (local.get $ca1) (local.get $ca1)))
            (local.set $dTmem
              (f64x2.replace_lane 1
                (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $aD)
                  (i32.shl (i32.load8_u (i32.add (local.get $pTmem) (local.get $i))) (i32.const 2))))))
                (f64.promote_f32 (f32.load (i32.add (local.get $aD)
                  (i32.shl (i32.load8_u offset=1 (i32.add (local.get $pTmem) (local.get $i))) (i32.const 2)))))))
            (local.set $gT
              (f64x2.div
                (f64x2.mul (f64x2.mul (local.get $dTmem) (local.get $vTmem)) (local.get $ca2))
                (f64x2.add (local.get $ca2) (local.get $vTK2))))
            ;; cl1 = (cl + dt clRate (gT clOpen + clLeak clRest)) / (1 + dt clRate (gT + clLeak))
            (local.set $dtCl (f64x2.mul (local.get $vdt) (local.get $vClRate)))
            (local.set $rawCl (v128.load64_zero (i32.add (local.get $aCl) (local.get $j))))
            (local.set $cl1
              (f64x2.div
                (f64x2.add (f64x2.promote_low_f32x4 (local.get $rawCl))
                  (f64x2.mul (local.get $dtCl)
                    (f64x2.add (f64x2.mul (local.get $gT) (local.get $vClOpen)) (local.get $vClLeakRest))))
                (f64x2.add (local.get $one) (f64x2.mul (local.get $dtCl) (f64x2.add (local.get $gT) (local.get $vClLeak))))))
            (v128.store64_lane 0 (i32.add (local.get $aCl) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $cl1)) (local.get $rawCl) (local.get $m32)))
            ;; swelling: v = vol + dt swell max(load, 0) (NaN -> 0 as in the TypeScript); ALIVE: v -= dt rvd (v - 1)
            (local.set $load (f64x2.mul (f64x2.sub (local.get $cl1) (local.get $vClRest)) (local.get $vClLoadNorm)))
            (local.set $rawVol (v128.load64_zero (i32.add (local.get $aVol) (local.get $j))))
            (local.set $v
              (f64x2.add (f64x2.promote_low_f32x4 (local.get $rawVol))
                (f64x2.mul (f64x2.mul (local.get $vdt) (local.get $vSwell))
                  (v128.bitselect (local.get $load) (local.get $zero) (f64x2.gt (local.get $load) (local.get $zero))))))
            (local.set $v
              (v128.bitselect
                (f64x2.sub (local.get $v)
                  (f64x2.mul (f64x2.mul (local.get $vdt) (local.get $vRvd)) (f64x2.sub (local.get $v) (local.get $one))))
                (local.get $v) (local.get $alive64)))
            (v128.store64_lane 0 (i32.add (local.get $aVol) (local.get $j))
              (v128.bitselect (f32x4.demote_f64x2_zero (local.get $v)) (local.get $rawVol) (local.get $m32)))
            ;; rupture of a swollen DYING cell
            (local.set $rupt (v128.and (f64x2.ge (local.get $v) (local.get $vVolRupt)) (local.get $dying64)))
            (if (v128.any_true (local.get $rupt))
              (then
                (if (i64.ne (i64x2.extract_lane 0 (local.get $rupt)) (i64.const 0))
                  (then (call $rupture (local.get $i) (local.get $st) (local.get $aTdead) (local.get $aCycle) (local.get $aOx)
                    (local.get $aNtbi) (local.get $aFe) (local.get $aFtn) (local.get $aZn) (local.get $aZnEx)
                    (f64x2.extract_lane 0 (local.get $R1)) (local.get $tDead) (local.get $rupRelGain) (local.get $ratio))))
                (if (i64.ne (i64x2.extract_lane 1 (local.get $rupt)) (i64.const 0))
                  (then (call $rupture (i32.add (local.get $i) (i32.const 1)) (local.get $st) (local.get $aTdead) (local.get $aCycle) (local.get $aOx)
                    (local.get $aNtbi) (local.get $aFe) (local.get $aFtn) (local.get $aZn) (local.get $aZnEx)
                    (f64x2.extract_lane 1 (local.get $R1)) (local.get $tDead) (local.get $rupRelGain) (local.get $ratio))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair))))

  ;; A committed cell ruptures: DEAD, its time, no cycle, its oxidant, iron and zinc to the outside.
  (func $rupture
    (param $i i32) (param $st i32) (param $aTdead i32) (param $aCycle i32) (param $aOx i32) (param $aNtbi i32)
    (param $aFe i32) (param $aFtn i32) (param $aZn i32) (param $aZnEx i32)
    (param $R1 f64) (param $tDead f64) (param $rupRelGain f64) (param $ratio f64)
    (local $j i32)
    (local.set $j (i32.shl (local.get $i) (i32.const 2)))
    (i32.store8 (i32.add (local.get $st) (local.get $i)) (i32.const 3))
    (f32.store (i32.add (local.get $aTdead) (local.get $j)) (f32.demote_f64 (local.get $tDead)))
    (f32.store (i32.add (local.get $aCycle) (local.get $j)) (f32.const 0))
    ;; ox += rupRel gain R1
    (f32.store (i32.add (local.get $aOx) (local.get $j))
      (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $aOx) (local.get $j))))
        (f64.mul (local.get $rupRelGain) (local.get $R1)))))
    ;; ntbi += ratio (fe + ftn)
    (f32.store (i32.add (local.get $aNtbi) (local.get $j))
      (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $aNtbi) (local.get $j))))
        (f64.mul (local.get $ratio)
          (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $aFe) (local.get $j))))
            (f64.promote_f32 (f32.load (i32.add (local.get $aFtn) (local.get $j)))))))))
    ;; zn_ex += ratio zn 1e-3
    (f32.store (i32.add (local.get $aZnEx) (local.get $j))
      (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $aZnEx) (local.get $j))))
        (f64.mul (f64.mul (local.get $ratio) (f64.promote_f32 (f32.load (i32.add (local.get $aZn) (local.get $j)))))
          (f64.const 1e-3))))))

  ;; The slow block (kinetics.ts slowSegment) for sites [i0, i1), i1 - i0 even, advancing dt = dts
  ;; minutes. Written with the build's leaf macros (scripts/lib/wasm-kernels.ts expands them):
  ;; "#ld a" the two float32 at a + 4 i widened to f64x2, "#raw a" the same unwidened, "#addr a"
  ;; the address a + 4 i, "#d p" the decoded phenotype factors of the two cells from byte array p,
  ;; "#c x" the f64 parameter x splatted (declared and set once, at the two markers). Returns the
  ;; number of cells that died of hypoxia.
  (func (export "slow")
    (param $i0 i32) (param $i1 i32) (param $st i32) (param $nbr i32) (param $aD i32)
    (param $pTFR1 i32) (param $pNCOA4 i32) (param $pFTH i32) (param $pFPN i32) (param $pZIP7 i32) (param $pSLC i32)
    (param $pGPX4 i32) (param $pFSP1 i32) (param $pGCH1 i32) (param $pACSL4 i32) (param $pPROLIF i32) (param $pNOX i32)
    (param $aFe i32) (param $aFtn i32) (param $aZn i32) (param $aSe i32) (param $aCys i32) (param $aGsh i32) (param $aGpx4 i32)
    (param $aCoq i32) (param $aBh4 i32) (param $aNrf2 i32) (param $aRos i32) (param $aPufa i32) (param $aCycle i32) (param $aTdead i32)
    (param $aDefG i32) (param $aDefR i32) (param $aSrc i32) (param $aNox i32) (param $aLp i32) (param $aFen i32) (param $aO2s i32)
    (param $aCyst i32) (param $aO2 i32) (param $aNtbi i32) (param $aZnEx i32)
    (param $mexDen f64) (param $cAddCyst f64) (param $cAddNtbi f64) (param $cAddZn f64) (param $cAddO2 f64)
    (param $dt f64) (param $dp f64) (param $cfNorm f64) (param $nrfEff f64) (param $feRef f64) (param $twoFeRef f64)
    (param $tfUp f64) (param $tfRel f64) (param $ntbiUp f64) (param $ncoa4 f64) (param $store f64) (param $fpn f64) (param $chel f64)
    (param $ntbiDen f64) (param $znRef f64) (param $znMed f64) (param $dtZnRate f64) (param $znDen f64) (param $znGain f64)
    (param $grNorm f64) (param $grKi f64) (param $seNum f64) (param $seDen f64) (param $seKm f64) (param $seKm1 f64)
    (param $dtNrf f64) (param $nrfGain f64) (param $nrfK2 f64) (param $nrfDen f64)
    (param $xcV f64) (param $xcKm f64) (param $dtRatio f64) (param $tsp f64) (param $cysDecay f64) (param $gclV f64) (param $gclKm f64)
    (param $gshTurn f64) (param $gshOx f64) (param $dtGpx f64) (param $gpxDen f64)
    (param $fspR f64) (param $qTot f64) (param $qOx f64) (param $dtBh f64) (param $bhA f64) (param $bhB f64) (param $bhRos f64)
    (param $dtPufa f64) (param $o2Up f64) (param $o2Km f64) (param $prolif f64) (param $dtProlif f64) (param $o2ProlifKm f64)
    (param $necO2 f64) (param $necP f64) (param $tNow f64) (param $k0 i32) (param $k1 i32) (param $step i32) (param $purposeMix i32)
    (param $wG f64) (param $gKm f64) (param $gNorm f64) (param $wF f64) (param $fsp1Act f64) (param $wB f64) (param $rta f64)
    (param $cBasalMito f64) (param $o2Norm f64) (param $kFen f64) (param $kf f64) (param $lpR f64) (param $lpA f64) (param $lpShare f64)
    (result i32)
    (local $i i32) (local $j i32) (local $s0 i32) (local $s1 i32) (local $on0 i32) (local $on1 i32) (local $n i32)
    (local $nec0 i32) (local $nec1 i32)
    (local $m32 v128) (local $alive64 v128) (local $keep32 v128) (local $one v128) (local $zero v128)
    (local $rawCyst v128) (local $rawNtbi v128) (local $rawZnEx v128) (local $rawO2 v128)
    (local $cyss v128) (local $ntbi v128) (local $znEx v128) (local $o2v v128)
    (local $R v128) (local $R2 v128) (local $cf v128) (local $nf v128) (local $fe0 v128) (local $irp v128) (local $fsyn v128)
    (local $up v128) (local $kRel v128) (local $kStore v128) (local $fe1 v128) (local $ftn v128) (local $fen v128)
    (local $znT v128) (local $zn1 v128) (local $znNox v128) (local $grRel v128) (local $se1 v128) (local $seF v128)
    (local $vxc v128) (local $cys0 v128) (local $gclK v128) (local $cys1 v128) (local $gsh1 v128) (local $gpx1 v128)
    (local $dFsp1 v128) (local $r v128) (local $q1 v128) (local $b1 v128) (local $pufa v128) (local $pf v128)
    (local $raw v128)
    ;;#locals

    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    ;;#splats

    (local.set $i (local.get $i0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $i1)))
        (local.set $j (i32.shl (local.get $i) (i32.const 2)))
        ;; medium exchange of the pericellular layer (every site, with or without a cell)
        (local.set $rawCyst (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add (#ld $aCyst) (#c $cAddCyst)) (#c $mexDen))))
        (v128.store64_lane 0 (#addr $aCyst) (local.get $rawCyst))
        (local.set $rawNtbi (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add (#ld $aNtbi) (#c $cAddNtbi)) (#c $mexDen))))
        (v128.store64_lane 0 (#addr $aNtbi) (local.get $rawNtbi))
        (local.set $rawZnEx (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add (#ld $aZnEx) (#c $cAddZn)) (#c $mexDen))))
        (v128.store64_lane 0 (#addr $aZnEx) (local.get $rawZnEx))
        (local.set $rawO2 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add (#ld $aO2) (#c $cAddO2)) (#c $mexDen))))
        (v128.store64_lane 0 (#addr $aO2) (local.get $rawO2))
        (local.set $s0 (i32.load8_u (i32.add (local.get $st) (local.get $i))))
        (local.set $s1 (i32.load8_u offset=1 (i32.add (local.get $st) (local.get $i))))
        (local.set $on0 (i32.lt_u (i32.sub (local.get $s0) (i32.const 1)) (i32.const 2)))
        (local.set $on1 (i32.lt_u (i32.sub (local.get $s1) (i32.const 1)) (i32.const 2)))
        (if (i32.eqz (i32.or (local.get $on0) (local.get $on1)))
          (then
            ;; no living cell: no oxygen uptake
            (i64.store (#addr $aO2s) (i64.const 0)))
          (else
            (local.set $m32
              (i32x4.replace_lane 1
                (i32x4.replace_lane 0 (v128.const i32x4 0 0 0 0) (i32.sub (i32.const 0) (local.get $on0)))
                (i32.sub (i32.const 0) (local.get $on1))))
            (local.set $cyss (f64x2.promote_low_f32x4 (local.get $rawCyst)))
            (local.set $ntbi (f64x2.promote_low_f32x4 (local.get $rawNtbi)))
            (local.set $znEx (f64x2.promote_low_f32x4 (local.get $rawZnEx)))
            (local.set $o2v (f64x2.promote_low_f32x4 (local.get $rawO2)))
            (local.set $R (#ld $aRos))
            (local.set $R2 (f64x2.mul (local.get $R) (local.get $R)))
            ;; contact inhibition: cf = (1 - dp (nbr & 7) 0.25) cfNorm
            (local.set $cf
              (f64x2.mul
                (f64x2.sub (local.get $one)
                  (f64x2.mul
                    (f64x2.mul (#c $dp)
                      (f64x2.replace_lane 1
                        (f64x2.splat (f64.convert_i32_u (i32.and (i32.load8_u (i32.add (local.get $nbr) (local.get $i))) (i32.const 7))))
                        (f64.convert_i32_u (i32.and (i32.load8_u offset=1 (i32.add (local.get $nbr) (local.get $i))) (i32.const 7)))))
                    (f64x2.splat (f64.const 0.25))))
                (#c $cfNorm)))

            ;; --- iron
            (local.set $nf (f64x2.add (local.get $one) (f64x2.mul (#c $nrfEff) (f64x2.sub (#ld $aNrf2) (local.get $one)))))
            (local.set $fe0 (#ld $aFe))
            (local.set $irp (f64x2.div (#c $twoFeRef) (f64x2.add (local.get $fe0) (#c $feRef))))
            (local.set $fsyn (f64x2.div (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $fe0)) (f64x2.add (local.get $fe0) (#c $feRef))))
            (local.set $up
              (f64x2.add
                (f64x2.mul (f64x2.mul (f64x2.mul (f64x2.mul (#c $tfUp) (#d $pTFR1)) (local.get $cf)) (local.get $irp)) (#c $tfRel))
                (f64x2.mul (#c $ntbiUp) (local.get $ntbi))))
            (local.set $kRel (f64x2.mul (#c $ncoa4) (#d $pNCOA4)))
            (local.set $kStore (f64x2.mul (f64x2.mul (f64x2.mul (#c $store) (#d $pFTH)) (local.get $nf)) (local.get $fsyn)))
            (local.set $ftn (#ld $aFtn))
            (local.set $fe1
              (f64x2.div
                (f64x2.add (local.get $fe0) (f64x2.mul (#c $dt) (f64x2.add (local.get $up) (f64x2.mul (local.get $kRel) (local.get $ftn)))))
                (f64x2.add (local.get $one)
                  (f64x2.mul (#c $dt)
                    (f64x2.add
                      (f64x2.add (local.get $kStore) (f64x2.mul (f64x2.mul (#c $fpn) (#d $pFPN)) (local.get $fsyn)))
                      (#c $chel))))))
            (v128.store64_lane 0 (#addr $aFe) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $fe1)) (#raw $aFe) (local.get $m32)))
            (v128.store64_lane 0 (#addr $aFtn)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.div
                    (f64x2.add (local.get $ftn) (f64x2.mul (f64x2.mul (#c $dt) (local.get $kStore)) (local.get $fe1)))
                    (f64x2.add (local.get $one) (f64x2.mul (#c $dt) (local.get $kRel)))))
                (#raw $aFtn) (local.get $m32)))
            (v128.store64_lane 0 (#addr $aNtbi)
              (v128.bitselect (f32x4.demote_f64x2_zero (f64x2.div (local.get $ntbi) (#c $ntbiDen))) (local.get $rawNtbi) (local.get $m32)))
            (local.set $fen (f64x2.div (local.get $fe1) (#c $feRef)))

            ;; --- zinc
            (local.set $znT
              (f64x2.mul (#c $znRef)
                (f64x2.add
                  (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.div (local.get $znEx) (#c $znMed)))
                  (f64x2.mul (f64x2.splat (f64.const 0.5)) (#d $pZIP7)))))
            (local.set $zn1 (f64x2.div (f64x2.add (#ld $aZn) (f64x2.mul (#c $dtZnRate) (local.get $znT))) (#c $znDen)))
            (v128.store64_lane 0 (#addr $aZn) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $zn1)) (#raw $aZn) (local.get $m32)))
            (local.set $znNox
              (f64x2.add (local.get $one)
                (f64x2.mul (#c $znGain)
                  (f64x2.sub
                    (f64x2.div (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $zn1)) (f64x2.add (local.get $zn1) (#c $znRef)))
                    (local.get $one)))))
            (local.set $grRel (f64x2.div (#c $grNorm) (f64x2.add (local.get $one) (f64x2.div (local.get $zn1) (#c $grKi)))))

            ;; --- selenium and NRF2
            (local.set $se1 (f64x2.div (f64x2.add (#ld $aSe) (#c $seNum)) (#c $seDen)))
            (v128.store64_lane 0 (#addr $aSe) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $se1)) (#raw $aSe) (local.get $m32)))
            (local.set $seF (f64x2.div (f64x2.mul (local.get $se1) (#c $seKm1)) (f64x2.add (local.get $se1) (#c $seKm))))
            (v128.store64_lane 0 (#addr $aNrf2)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.div
                    (f64x2.add (#ld $aNrf2)
                      (f64x2.mul (#c $dtNrf)
                        (f64x2.add (local.get $one)
                          (f64x2.div (f64x2.mul (#c $nrfGain) (local.get $R2)) (f64x2.add (local.get $R2) (#c $nrfK2))))))
                    (#c $nrfDen)))
                (#raw $aNrf2) (local.get $m32)))

            ;; --- cystine import (xc-), cysteine, GSH
            (local.set $vxc
              (f64x2.div
                (f64x2.mul (f64x2.mul (f64x2.mul (#c $xcV) (#d $pSLC)) (local.get $nf)) (local.get $cyss))
                (f64x2.add (local.get $cyss) (#c $xcKm))))
            (v128.store64_lane 0 (#addr $aCyst)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.div (local.get $cyss)
                    (f64x2.add (local.get $one)
                      (f64x2.div (f64x2.mul (#c $dtRatio) (local.get $vxc)) (f64x2.add (local.get $cyss) (f64x2.splat (f64.const 1e-6)))))))
                (local.get $rawCyst) (local.get $m32)))
            (local.set $cys0 (#ld $aCys))
            (local.set $gclK (f64x2.div (f64x2.mul (#c $gclV) (local.get $nf)) (f64x2.add (local.get $cys0) (#c $gclKm))))
            (local.set $cys1
              (f64x2.div
                (f64x2.add (local.get $cys0)
                  (f64x2.mul (#c $dt) (f64x2.add (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $vxc)) (#c $tsp))))
                (f64x2.add (local.get $one) (f64x2.mul (#c $dt) (f64x2.add (#c $cysDecay) (local.get $gclK))))))
            (v128.store64_lane 0 (#addr $aCys) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $cys1)) (#raw $aCys) (local.get $m32)))
            (local.set $gsh1
              (f64x2.div
                (f64x2.add (#ld $aGsh) (f64x2.mul (f64x2.mul (#c $dt) (local.get $gclK)) (local.get $cys1)))
                (f64x2.add (local.get $one)
                  (f64x2.mul (#c $dt)
                    (f64x2.add (#c $gshTurn) (f64x2.div (f64x2.mul (#c $gshOx) (local.get $R)) (local.get $grRel)))))))
            (v128.store64_lane 0 (#addr $aGsh) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $gsh1)) (#raw $aGsh) (local.get $m32)))

            ;; --- GPX4
            (local.set $gpx1
              (f64x2.div
                (f64x2.add (#ld $aGpx4) (f64x2.mul (f64x2.mul (#c $dtGpx) (#d $pGPX4)) (local.get $seF)))
                (#c $gpxDen)))
            (v128.store64_lane 0 (#addr $aGpx4) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $gpx1)) (#raw $aGpx4) (local.get $m32)))

            ;; --- FSP1 / CoQ10, BH4
            (local.set $dFsp1 (#d $pFSP1))
            (local.set $r (f64x2.mul (#c $fspR) (local.get $dFsp1)))
            (local.set $q1
              (f64x2.div
                (f64x2.add (#ld $aCoq) (f64x2.mul (f64x2.mul (#c $dt) (local.get $r)) (#c $qTot)))
                (f64x2.add (local.get $one)
                  (f64x2.mul (#c $dt) (f64x2.add (local.get $r) (f64x2.mul (#c $qOx) (f64x2.add (local.get $one) (local.get $R))))))))
            (v128.store64_lane 0 (#addr $aCoq) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $q1)) (#raw $aCoq) (local.get $m32)))
            (local.set $b1
              (f64x2.div
                (f64x2.add (#ld $aBh4) (f64x2.mul (#c $dtBh) (f64x2.add (f64x2.mul (#d $pGCH1) (#c $bhA)) (#c $bhB))))
                (f64x2.add (local.get $one) (f64x2.mul (#c $dtBh) (f64x2.add (local.get $one) (f64x2.mul (#c $bhRos) (local.get $R)))))))
            (v128.store64_lane 0 (#addr $aBh4) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $b1)) (#raw $aBh4) (local.get $m32)))

            ;; --- PUFA-PL
            (local.set $pufa (#ld $aPufa))
            (local.set $pf
              (f64x2.add (local.get $pufa)
                (f64x2.mul (#c $dtPufa) (f64x2.sub (f64x2.mul (#d $pACSL4) (local.get $cf)) (local.get $pufa)))))
            (v128.store64_lane 0 (#addr $aPufa) (v128.bitselect (f32x4.demote_f64x2_zero (local.get $pf)) (#raw $aPufa) (local.get $m32)))

            ;; --- oxygen uptake rate for the field solver (0 where no living cell)
            (v128.store64_lane 0 (#addr $aO2s)
              (v128.and
                (f32x4.demote_f64x2_zero (f64x2.div (#c $o2Up) (f64x2.add (local.get $o2v) (#c $o2Km))))
                (local.get $m32)))

            ;; --- division cycle (ALIVE, prolif > 0) and death by hypoxia
            (local.set $alive64
              (i64x2.neg (i64x2.replace_lane 1
                (i64x2.splat (i64.extend_i32_u (i32.eq (local.get $s0) (i32.const 1))))
                (i64.extend_i32_u (i32.eq (local.get $s1) (i32.const 1))))))
            (if (f64.gt (local.get $prolif) (f64.const 0))
              (then
                (local.set $raw (#raw $aCycle))
                (v128.store64_lane 0 (#addr $aCycle)
                  (v128.bitselect
                    (f32x4.demote_f64x2_zero
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $raw))
                        (f64x2.mul (f64x2.mul (#c $dtProlif) (#d $pPROLIF))
                          (f64x2.div (local.get $o2v) (f64x2.add (local.get $o2v) (#c $o2ProlifKm))))))
                    (local.get $raw)
                    ;; the float32 lanes of the ALIVE cells
                    (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 20 21 22 23 (local.get $alive64) (v128.const i32x4 0 0 0 0))))))
            (local.set $nec0 (i32.const 0))
            (local.set $nec1 (i32.const 0))
            (if (i32.and
                  (f64.gt (local.get $necP) (f64.const 0))
                  (v128.any_true (v128.and (f64x2.lt (local.get $o2v) (#c $necO2)) (local.get $alive64))))
              (then
                (if (i32.and (i32.eq (local.get $s0) (i32.const 1)) (f64.lt (f64x2.extract_lane 0 (local.get $o2v)) (local.get $necO2)))
                  (then
                    (local.set $nec0
                      (f64.lt (call $uniform (local.get $i) (local.get $step) (local.get $k0) (local.get $k1) (local.get $purposeMix)) (local.get $necP)))))
                (if (i32.and (i32.eq (local.get $s1) (i32.const 1)) (f64.lt (f64x2.extract_lane 1 (local.get $o2v)) (local.get $necO2)))
                  (then
                    (local.set $nec1
                      (f64.lt
                        (call $uniform (i32.add (local.get $i) (i32.const 1)) (local.get $step) (local.get $k0) (local.get $k1) (local.get $purposeMix))
                        (local.get $necP)))))
                (if (local.get $nec0)
                  (then
                    (i32.store8 (i32.add (local.get $st) (local.get $i)) (i32.const 4))
                    (f32.store (#addr $aTdead) (f32.demote_f64 (local.get $tNow)))
                    (f32.store (#addr $aCycle) (f32.const 0))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))))
                (if (local.get $nec1)
                  (then
                    (i32.store8 offset=1 (i32.add (local.get $st) (local.get $i)) (i32.const 4))
                    (f32.store offset=4 (#addr $aTdead) (f32.demote_f64 (local.get $tNow)))
                    (f32.store offset=4 (#addr $aCycle) (f32.const 0))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
            ;; the rates for the fast block, where the cell lives on
            (local.set $keep32
              (v128.andnot (local.get $m32)
                (i32x4.replace_lane 1
                  (i32x4.replace_lane 0 (v128.const i32x4 0 0 0 0) (i32.sub (i32.const 0) (local.get $nec0)))
                  (i32.sub (i32.const 0) (local.get $nec1)))))
            (v128.store64_lane 0 (#addr $aDefG)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.mul
                    (f64x2.mul (f64x2.mul (#c $wG) (local.get $gpx1)) (f64x2.div (local.get $gsh1) (f64x2.add (local.get $gsh1) (#c $gKm))))
                    (#c $gNorm)))
                (#raw $aDefG) (local.get $keep32)))
            (v128.store64_lane 0 (#addr $aDefR)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.add
                    (f64x2.add
                      (f64x2.mul (f64x2.mul (f64x2.mul (#c $wF) (local.get $q1)) (local.get $dFsp1)) (#c $fsp1Act))
                      (f64x2.mul (#c $wB) (local.get $b1)))
                    (#c $rta)))
                (#raw $aDefR) (local.get $keep32)))
            (v128.store64_lane 0 (#addr $aSrc)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.mul
                    (f64x2.mul
                      (f64x2.mul (#c $cBasalMito) (local.get $fen))
                      (f64x2.div (local.get $o2v) (f64x2.add (local.get $o2v) (#c $o2Km))))
                    (#c $o2Norm)))
                (#raw $aSrc) (local.get $keep32)))
            (v128.store64_lane 0 (#addr $aFen)
              (v128.bitselect (f32x4.demote_f64x2_zero (f64x2.mul (#c $kFen) (local.get $fen))) (#raw $aFen) (local.get $keep32)))
            (v128.store64_lane 0 (#addr $aNox)
              (v128.bitselect
                (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (#c $kf) (#d $pNOX)) (local.get $znNox)))
                (#raw $aNox) (local.get $keep32)))
            (v128.store64_lane 0 (#addr $aLp)
              (v128.bitselect
                (f32x4.demote_f64x2_zero
                  (f64x2.mul (f64x2.mul (#c $lpR) (local.get $pf)) (f64x2.add (#c $lpA) (f64x2.mul (#c $lpShare) (local.get $fen)))))
                (#raw $aLp) (local.get $keep32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (local.get $n))

  ;; Column sweeps of diffusion.ts sweepCols, one row of a band per call over columns [x0, x1),
  ;; x1 - x0 even, two columns per f64x2 (the rows depend on each other, the columns do not).
  ;; Addresses: `row` the row being solved, `down` the next row, `up` the row above (already solved),
  ;; `prev` the scratch row holding the original row above. dirichlet = 1: ghosts are `edge`.
  ;; Crank-Nicolson, first row: u = (c + re (up - 2 c + down) + extra) im, up the ghost.
  (func (export "cnFirst") (param $row i32) (param $down i32) (param $prev i32) (param $x0 i32) (param $x1 i32)
    (param $re f64) (param $im f64) (param $extra f64) (param $edge f64) (param $dirichlet i32)
    (local $x i32) (local $j i32) (local $c v128) (local $raw v128) (local $vRe v128) (local $vIm v128) (local $vExtra v128)
    (local $vEdge v128) (local $ghost v128) (local $two v128)
    (local.set $vRe (f64x2.splat (local.get $re)))
    (local.set $vIm (f64x2.splat (local.get $im)))
    (local.set $vExtra (f64x2.splat (local.get $extra)))
    (local.set $vEdge (f64x2.splat (local.get $edge)))
    (local.set $two (f64x2.splat (f64.const 2)))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $j (i32.shl (local.get $x) (i32.const 2)))
        (local.set $raw (v128.load64_zero (i32.add (local.get $row) (local.get $j))))
        (local.set $c (f64x2.promote_low_f32x4 (local.get $raw)))
        (local.set $ghost (if (result v128) (local.get $dirichlet) (then (local.get $vEdge)) (else (local.get $c))))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $j))
          (f32x4.demote_f64x2_zero
            (f64x2.mul
              (f64x2.add
                (f64x2.add (local.get $c)
                  (f64x2.mul (local.get $vRe)
                    (f64x2.add (f64x2.sub (local.get $ghost) (f64x2.mul (local.get $two) (local.get $c)))
                      (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $down) (local.get $j)))))))
                (local.get $vExtra))
              (local.get $vIm))))
        (v128.store64_lane 0 (i32.add (local.get $prev) (local.get $j)) (local.get $raw))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; Crank-Nicolson, a row in between: u = (c + re (prev - 2 c + down) + 0 + ri above) im.
  (func (export "cnMid") (param $row i32) (param $down i32) (param $above i32) (param $prev i32) (param $x0 i32) (param $x1 i32)
    (param $re f64) (param $ri f64) (param $im f64)
    (local $x i32) (local $j i32) (local $c v128) (local $raw v128) (local $vRe v128) (local $vRi v128) (local $vIm v128)
    (local $two v128) (local $zero v128)
    (local.set $vRe (f64x2.splat (local.get $re)))
    (local.set $vRi (f64x2.splat (local.get $ri)))
    (local.set $vIm (f64x2.splat (local.get $im)))
    (local.set $two (f64x2.splat (f64.const 2)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $j (i32.shl (local.get $x) (i32.const 2)))
        (local.set $raw (v128.load64_zero (i32.add (local.get $row) (local.get $j))))
        (local.set $c (f64x2.promote_low_f32x4 (local.get $raw)))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $j))
          (f32x4.demote_f64x2_zero
            (f64x2.mul
              (f64x2.add
                (f64x2.add
                  (f64x2.add (local.get $c)
                    (f64x2.mul (local.get $vRe)
                      (f64x2.add
                        (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $prev) (local.get $j))))
                          (f64x2.mul (local.get $two) (local.get $c)))
                        (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $down) (local.get $j)))))))
                  (local.get $zero))
                (f64x2.mul (local.get $vRi) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $above) (local.get $j))))))
              (local.get $vIm))))
        (v128.store64_lane 0 (i32.add (local.get $prev) (local.get $j)) (local.get $raw))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; Crank-Nicolson, last row: u = (c + re (prev - 2 c + ghost) + extra + ri above) im.
  (func (export "cnLast") (param $row i32) (param $above i32) (param $prev i32) (param $x0 i32) (param $x1 i32)
    (param $re f64) (param $ri f64) (param $im f64) (param $extra f64) (param $edge f64) (param $dirichlet i32)
    (local $x i32) (local $j i32) (local $c v128) (local $raw v128) (local $vRe v128) (local $vRi v128) (local $vIm v128)
    (local $vExtra v128) (local $vEdge v128) (local $ghost v128) (local $two v128)
    (local.set $vRe (f64x2.splat (local.get $re)))
    (local.set $vRi (f64x2.splat (local.get $ri)))
    (local.set $vIm (f64x2.splat (local.get $im)))
    (local.set $vExtra (f64x2.splat (local.get $extra)))
    (local.set $vEdge (f64x2.splat (local.get $edge)))
    (local.set $two (f64x2.splat (f64.const 2)))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $j (i32.shl (local.get $x) (i32.const 2)))
        (local.set $raw (v128.load64_zero (i32.add (local.get $row) (local.get $j))))
        (local.set $c (f64x2.promote_low_f32x4 (local.get $raw)))
        (local.set $ghost (if (result v128) (local.get $dirichlet) (then (local.get $vEdge)) (else (local.get $c))))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $j))
          (f32x4.demote_f64x2_zero
            (f64x2.mul
              (f64x2.add
                (f64x2.add
                  (f64x2.add (local.get $c)
                    (f64x2.mul (local.get $vRe)
                      (f64x2.add
                        (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $prev) (local.get $j))))
                          (f64x2.mul (local.get $two) (local.get $c)))
                        (local.get $ghost))))
                  (local.get $vExtra))
                (f64x2.mul (local.get $vRi) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $above) (local.get $j))))))
              (local.get $vIm))))
        (v128.store64_lane 0 (i32.add (local.get $prev) (local.get $j)) (local.get $raw))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; Implicit Euler, forward: u = (u + extra + ri above) im (the first row: above = -1, u = (u + extra) im).
  (func (export "ieRow") (param $row i32) (param $above i32) (param $x0 i32) (param $x1 i32)
    (param $ri f64) (param $im f64) (param $extra f64)
    (local $x i32) (local $j i32) (local $vRi v128) (local $vIm v128) (local $vExtra v128) (local $d v128)
    (local.set $vRi (f64x2.splat (local.get $ri)))
    (local.set $vIm (f64x2.splat (local.get $im)))
    (local.set $vExtra (f64x2.splat (local.get $extra)))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $j (i32.shl (local.get $x) (i32.const 2)))
        (local.set $d (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $j)))) (local.get $vExtra)))
        (if (i32.ge_s (local.get $above) (i32.const 0))
          (then
            (local.set $d
              (f64x2.add (local.get $d)
                (f64x2.mul (local.get $vRi) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $above) (local.get $j)))))))))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $j)) (f32x4.demote_f64x2_zero (f64x2.mul (local.get $d) (local.get $vIm))))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; Back substitution of a row: u -= c below.
  (func (export "backRow") (param $row i32) (param $below i32) (param $x0 i32) (param $x1 i32) (param $c f64)
    (local $x i32) (local $j i32) (local $vC v128)
    (local.set $vC (f64x2.splat (local.get $c)))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $j (i32.shl (local.get $x) (i32.const 2)))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $j))
          (f32x4.demote_f64x2_zero
            (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $j))))
              (f64x2.mul (local.get $vC) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $below) (local.get $j))))))))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; The column sweep with a sink (diffusion.ts sweepColsSink), forward, one row of a band, two
  ;; columns per f64x2: b = bRow + h (k + p); d = u + addRow + h p plasma; m = b + r cPrev;
  ;; u = prev = (d + r prev) / m; cPrev = cp = -r / m. `row`, `rates` (-1: `uniform` everywhere)
  ;; and `perf` are the row's f32 addresses, `cp` the row's f64 factors, `prev` and `cPrev` the f64
  ;; running values indexed by column.
  (func (export "sinkRow") (param $row i32) (param $rates i32) (param $perf i32) (param $cp i32) (param $prev i32) (param $cPrev i32)
    (param $x0 i32) (param $x1 i32) (param $uniform f64) (param $bRow f64) (param $addRow f64) (param $h f64) (param $plasma f64) (param $r f64)
    (local $x i32) (local $jf i32) (local $jd i32) (local $k v128) (local $p v128) (local $m v128) (local $v v128) (local $c v128)
    (local $vUni v128) (local $vB v128) (local $vAdd v128) (local $vH v128) (local $vPl v128) (local $vR v128) (local $vNegR v128)
    (local.set $vUni (f64x2.splat (local.get $uniform)))
    (local.set $vB (f64x2.splat (local.get $bRow)))
    (local.set $vAdd (f64x2.splat (local.get $addRow)))
    (local.set $vH (f64x2.splat (local.get $h)))
    (local.set $vPl (f64x2.splat (local.get $plasma)))
    (local.set $vR (f64x2.splat (local.get $r)))
    (local.set $vNegR (f64x2.splat (f64.neg (local.get $r))))
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $jf (i32.shl (local.get $x) (i32.const 2)))
        (local.set $jd (i32.shl (local.get $x) (i32.const 3)))
        (local.set $k
          (if (result v128) (i32.ge_s (local.get $rates) (i32.const 0))
            (then (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $rates) (local.get $jf)))))
            (else (local.get $vUni))))
        (local.set $p (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $perf) (local.get $jf)))))
        (local.set $m
          (f64x2.add
            (f64x2.add (local.get $vB) (f64x2.mul (local.get $vH) (f64x2.add (local.get $k) (local.get $p))))
            (f64x2.mul (local.get $vR) (v128.load (i32.add (local.get $cPrev) (local.get $jd))))))
        (local.set $v
          (f64x2.div
            (f64x2.add
              (f64x2.add
                (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $jf)))) (local.get $vAdd))
                (f64x2.mul (f64x2.mul (local.get $vH) (local.get $p)) (local.get $vPl)))
              (f64x2.mul (local.get $vR) (v128.load (i32.add (local.get $prev) (local.get $jd)))))
            (local.get $m)))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $jf)) (f32x4.demote_f64x2_zero (local.get $v)))
        (v128.store (i32.add (local.get $prev) (local.get $jd)) (local.get $v))
        (local.set $c (f64x2.div (local.get $vNegR) (local.get $m)))
        (v128.store (i32.add (local.get $cPrev) (local.get $jd)) (local.get $c))
        (v128.store (i32.add (local.get $cp) (local.get $jd)) (local.get $c))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; The column sweep with a sink, back substitution of one row: v = u - cp next; next = v; u = v
  ;; (`next` f64 by column, `cp` the row's f64 factors).
  (func (export "sinkBack") (param $row i32) (param $cp i32) (param $next i32) (param $x0 i32) (param $x1 i32)
    (local $x i32) (local $jf i32) (local $jd i32) (local $v v128)
    (local.set $x (local.get $x0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $x) (local.get $x1)))
        (local.set $jf (i32.shl (local.get $x) (i32.const 2)))
        (local.set $jd (i32.shl (local.get $x) (i32.const 3)))
        (local.set $v
          (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $jf))))
            (f64x2.mul (v128.load (i32.add (local.get $cp) (local.get $jd))) (v128.load (i32.add (local.get $next) (local.get $jd))))))
        (v128.store (i32.add (local.get $next) (local.get $jd)) (local.get $v))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $jf)) (f32x4.demote_f64x2_zero (local.get $v)))
        (local.set $x (i32.add (local.get $x) (i32.const 2)))
        (br $pair))))

  ;; The row sweep with a sink (diffusion.ts solveLine along a row), two rows at a time, one per
  ;; lane: each row is a serial chain, so the lanes are rows a and b, n > 1 sites each. Per site i:
  ;; b = (1 + 2r, or bEnd at the ends) + h (k + p); m = b + r c; d = u + (add at the ends) + h p plasma;
  ;; u = prev = (d + r prev) / m; c = -r / m, kept in `cp` (16 bytes per site: the two rows' factors),
  ;; then back substitution from the last site. With prev = c = 0 before site 0, its m = b + 0 and
  ;; (d + 0) / m are solveLine's first-site values exactly. `ra` / `rb` -1: `uniform` everywhere.
  (func (export "sinkRows") (param $a i32) (param $b i32) (param $ra i32) (param $rb i32) (param $pa i32) (param $pb i32) (param $cp i32)
    (param $n i32) (param $uniform f64) (param $bEnd f64) (param $bMid f64) (param $add f64) (param $h f64) (param $plasma f64) (param $r f64)
    (local $i i32) (local $jf i32) (local $k v128) (local $p v128) (local $m v128) (local $v v128) (local $c v128) (local $prev v128)
    (local $vB v128) (local $vAdd v128) (local $vH v128) (local $vPl v128) (local $vR v128) (local $vNegR v128) (local $vZero v128)
    (local.set $vH (f64x2.splat (local.get $h)))
    (local.set $vPl (f64x2.splat (local.get $plasma)))
    (local.set $vR (f64x2.splat (local.get $r)))
    (local.set $vNegR (f64x2.splat (f64.neg (local.get $r))))
    (local.set $vZero (f64x2.splat (f64.const 0)))
    (local.set $prev (local.get $vZero))
    (local.set $c (local.get $vZero))
    (local.set $i (i32.const 0))
    (block $done
      (loop $site
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $jf (i32.shl (local.get $i) (i32.const 2)))
        (if (i32.or (i32.eqz (local.get $i)) (i32.eq (local.get $i) (i32.sub (local.get $n) (i32.const 1))))
          (then
            (local.set $vB (f64x2.splat (local.get $bEnd)))
            (local.set $vAdd (f64x2.splat (local.get $add))))
          (else
            (local.set $vB (f64x2.splat (local.get $bMid)))
            (local.set $vAdd (local.get $vZero))))
        (local.set $k
          (if (result v128) (i32.ge_s (local.get $ra) (i32.const 0))
            (then
              (f64x2.replace_lane 1
                (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $ra) (local.get $jf)))))
                (f64.promote_f32 (f32.load (i32.add (local.get $rb) (local.get $jf))))))
            (else (f64x2.splat (local.get $uniform)))))
        (local.set $p
          (f64x2.replace_lane 1
            (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $pa) (local.get $jf)))))
            (f64.promote_f32 (f32.load (i32.add (local.get $pb) (local.get $jf))))))
        (local.set $m
          (f64x2.add
            (f64x2.add (local.get $vB) (f64x2.mul (local.get $vH) (f64x2.add (local.get $k) (local.get $p))))
            (f64x2.mul (local.get $vR) (local.get $c))))
        (local.set $v
          (f64x2.div
            (f64x2.add
              (f64x2.add
                (f64x2.add
                  (f64x2.replace_lane 1
                    (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $a) (local.get $jf)))))
                    (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $jf)))))
                  (local.get $vAdd))
                (f64x2.mul (f64x2.mul (local.get $vH) (local.get $p)) (local.get $vPl)))
              (f64x2.mul (local.get $vR) (local.get $prev)))
            (local.get $m)))
        (f32.store (i32.add (local.get $a) (local.get $jf)) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $v))))
        (f32.store (i32.add (local.get $b) (local.get $jf)) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $v))))
        (local.set $prev (local.get $v))
        (local.set $c (f64x2.div (local.get $vNegR) (local.get $m)))
        (v128.store (i32.add (local.get $cp) (i32.shl (local.get $i) (i32.const 4))) (local.get $c))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $site)))
    ;; back substitution: next = u (the stored float) at the last site, then u - c next leftwards
    (local.set $jf (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))
    (local.set $v
      (f64x2.replace_lane 1
        (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $a) (local.get $jf)))))
        (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $jf))))))
    (local.set $i (i32.sub (local.get $n) (i32.const 2)))
    (block $back
      (loop $left
        (br_if $back (i32.lt_s (local.get $i) (i32.const 0)))
        (local.set $jf (i32.shl (local.get $i) (i32.const 2)))
        (local.set $v
          (f64x2.sub
            (f64x2.replace_lane 1
              (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $a) (local.get $jf)))))
              (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $jf)))))
            (f64x2.mul (v128.load (i32.add (local.get $cp) (i32.shl (local.get $i) (i32.const 4)))) (local.get $v))))
        (f32.store (i32.add (local.get $a) (local.get $jf)) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $v))))
        (f32.store (i32.add (local.get $b) (local.get $jf)) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $v))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $left))))
)
