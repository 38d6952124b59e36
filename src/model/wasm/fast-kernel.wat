;; Why this file exists: the first pass of the fast block (kinetics.ts fastCells: ROS <-> oxidant
;; exchange, the ROS switch by MPRK22, lipid peroxidation, commitment) in WebAssembly SIMD, two
;; cells per f64x2 vector. It is the hot loop of every step (about 60% of a step in V8's scalar
;; code). Every operation is the IEEE double operation of the TypeScript in the same order (no
;; fused multiply-add, no reassociation), loads widen float32 exactly and stores round to nearest
;; like Float32Array, so it gives the same bits as fastCells: the kernel is a speed-up, never a
;; second model. test/model/wasm-kernel.test.ts holds the two to bit-identity.
;; Build: `npm run build:wasm` compiles this text (wabt) into fast-kernel.bytes.ts, once with a
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
)
