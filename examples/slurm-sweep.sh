#!/usr/bin/env bash
# A ferrowave sweep as a SLURM job array: array task i runs shard i/n of the sweep (n = the
# array's size), into OUT/shard-i. Submit from the ferrowave folder (after `npm ci`):
#
#   sbatch --array=0-15 examples/slurm-sweep.sh examples/erastin-dfo-sweep.json runs/erastin-dfo
#
# then, when the array is done:
#
#   npx ferrowave merge runs/erastin-dfo/shard-* --out runs/erastin-dfo/all
#   npx ferrowave report runs/erastin-dfo/all
#
# Each task passes --resume, so a task that was killed, timed out or requeued finishes only its
# missing runs when it runs again (`scontrol requeue JOBID_TASK`, or resubmit the same array).
# OUT must be on a file system that every node sees. FERROWAVE overrides how the CLI is started
# (default: node bin/ferrowave.mjs from the submit folder).
#SBATCH --job-name=ferrowave-sweep
#SBATCH --array=0-15
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

SWEEP=${1:?usage: sbatch --array=0-N examples/slurm-sweep.sh SWEEP.json OUT}
OUT=${2:?usage: sbatch --array=0-N examples/slurm-sweep.sh SWEEP.json OUT}
: "${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array=0-N}"
FERROWAVE=${FERROWAVE:-node bin/ferrowave.mjs}

# shard index and count from the array (works for --array=0-15 and for --array=1-16)
first=${SLURM_ARRAY_TASK_MIN:-0}
count=${SLURM_ARRAY_TASK_COUNT:-$(( ${SLURM_ARRAY_TASK_MAX:?} - first + 1 ))}
index=$(( SLURM_ARRAY_TASK_ID - first ))
workers=${SLURM_CPUS_PER_TASK:-1}

echo "ferrowave sweep $SWEEP: shard $index/$count on $(hostname) with $workers workers"
# shellcheck disable=SC2086  # FERROWAVE may be a command with arguments
exec $FERROWAVE sweep "$SWEEP" --out "$OUT/shard-$index" --shard "$index/$count" --workers "$workers" --resume
