#!/usr/bin/env bash
# A Slurm array that runs one shard of a gan-verify sweep per task (8 tasks, 2 cores each).
#   submit:  sbatch examples/scale/slurm.sh examples/scale/toy-sweep.json
#   merge:   npx gan-verify merge sweep-out --out sweep-summary
# Slurm sets SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT; gan-verify reads
# its shard from them. Every task writes into the same folder (a shared file system); resubmitting
# the array reruns only the unfinished units, and a task that was preempted resumes from its
# checkpoint.
#SBATCH --job-name=gan-verify-sweep
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=sweep-%A_%a.log
#SBATCH --signal=TERM@60
set -euo pipefail

spec="${1:-examples/scale/toy-sweep.json}"
out="${SWEEP_OUT:-sweep-out}"
mkdir -p "$out"
# GAN_VERIFY_CMD overrides the command (for example "node /path/to/bin/gan-verify.js")
exec ${GAN_VERIFY_CMD:-npx --no-install gan-verify} sweep "$spec" --out "$out"
