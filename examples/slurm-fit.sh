#!/usr/bin/env bash
# A ferrowave fit on SLURM: one job whose n tasks srun starts together; task i runs shard i/n of
# every batch of runs, all into the same OUT (on a file system every node sees), and waits for the
# other shards at the end of each batch; every task then computes the same next batch. The result
# is the fit an unsharded `ferrowave fit` gives, file for file (tested). Submit from the ferrowave
# folder (after `npm ci`):
#
#   sbatch --ntasks=8 --cpus-per-task=2 examples/slurm-fit.sh fits/calibration.fit.json runs/fit-calibration
#
# Not a job array: the tasks of an array may start hours apart, and each shard waits for the
# others at every batch; srun starts the tasks together, and --kill-on-bad-exit ends them all if
# one fails. The same command continues a fit, so a requeued job (`scontrol requeue JOBID`, or
# the job resubmitted) goes on from the last batch on disk. FERROWAVE overrides how the CLI is
# started (default: node bin/ferrowave.mjs from the submit folder).
#SBATCH --job-name=ferrowave-fit
#SBATCH --ntasks=8
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=slurm-fit-%j.out
set -euo pipefail

FIT=${1:?usage: sbatch --ntasks=N examples/slurm-fit.sh FIT.json OUT}
OUT=${2:?usage: sbatch --ntasks=N examples/slurm-fit.sh FIT.json OUT}
: "${SLURM_NTASKS:?run this script with sbatch --ntasks=N}"
FERROWAVE=${FERROWAVE:-node bin/ferrowave.mjs}
workers=${SLURM_CPUS_PER_TASK:-1}

echo "ferrowave fit $FIT: $SLURM_NTASKS shards with $workers workers each, into $OUT"
# each task's shell expands its own SLURM_PROCID; FERROWAVE may be a command with arguments
# shellcheck disable=SC2016
exec srun --kill-on-bad-exit=1 --ntasks="$SLURM_NTASKS" --cpus-per-task="$workers" \
  bash -c 'exec '"$FERROWAVE"' fit "$0" --out "$1" --shard "$SLURM_PROCID/$SLURM_NTASKS" --workers "$2"' "$FIT" "$OUT" "$workers"
