#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, and the sweep run on it as a reviewer would:
#   1. installs slurm-wlm and munge with apt-get where they are absent;
#   2. writes a slurm.conf for this machine (its host name, CPUs from nproc, memory from free) in a
#      private folder, starts munged, slurmctld and slurmd, and waits until sinfo reports the node idle;
#   3. submits examples/scale/slurm.sh as a real `sbatch --array` job on a small spec, waits until
#      every task is COMPLETED (sacct from the job-completion log), merges, and compares the summary
#      byte for byte with the one-process run;
#   4. submits a second array, cancels one task with scancel in the middle of a unit (its checkpoint
#      on disk), requeues that task (a new sbatch of the same index, as a reviewer resubmits), and
#      checks that it resumed and that the merge is still byte-identical;
#   5. stops the daemons it started, by PID, and removes its folder.
# Exit 0: every comparison passed; 1: a comparison failed; 3: Slurm could not be brought up here
# (the reason in capitals). Usage: npm run test:slurm (or bash scripts/slurm-local.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cannot() {
  echo "SLURM NOT CHECKED: $*"
  exit 3
}

# 1. the packages
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then cannot "slurm-wlm and munge are absent and cannot be installed here (needs root and apt-get)"; fi
  echo "slurm: installing slurm-wlm and munge"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null 2>&1 ||
    cannot "apt-get install slurm-wlm munge failed"
fi
[ "$(id -u)" = 0 ] || cannot "the daemons need root (slurmd runs jobs as their user)"

# 2. the cluster, in a private folder; every daemon started here is stopped on exit
work=$(mktemp -d /tmp/gan-verify-slurm-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/state" "$work/spool" "$work/munge" "$work/out"
chmod 700 "$work/munge"
host=$(hostname -s)
cpus=$(nproc)
mem=$(($(free -m | awk '/^Mem:/ {print $2}') - 1024))
port=$((20000 + RANDOM % 20000))
cat >"$work/slurm.conf" <<EOF
ClusterName=ganverify
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=$port
SlurmdPort=$((port + 1))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$work/jobcomp.txt
MinJobAge=3600
ReturnToService=2
KillWait=30
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"

# munge with its own key and socket (an existing munged of the machine is left alone)
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none && chmod 400 "$work/munge/munge.key"
munged --force --foreground --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || cannot "munged did not start: $(tail -3 "$work/munge/munged.log" 2>/dev/null | tr '\n' ' ')"

slurmctld -D -i -f "$work/slurm.conf" >/dev/null 2>&1 &
pids+=($!)
slurmd -D -f "$work/slurm.conf" >/dev/null 2>&1 &
pids+=($!)
state=""
for _ in $(seq 300); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1)
  [ "$state" = idle ] && break
  sleep 0.2
done
if [ "$state" != idle ]; then
  cannot "the node did not become idle (sinfo says '${state:-nothing}'): $(tail -2 "$work/slurmctld.log" "$work/slurmd.log" 2>/dev/null | tr '\n' ' ')"
fi
echo "slurm: one-node cluster up: $(sinfo -h -N -o '%N %c CPUs %m MiB %T')"

# 3. a real array job
spec="$work/spec.json"
cat >"$spec" <<'EOF'
{ "preset": "mixture-1d", "steps": 3000, "logEvery": 1000, "grid": { "lrD": [0.001, 0.0005] }, "seeds": { "from": 0, "count": 8 }, "block": 2, "checkpointEvery": 250 }
EOF
gv="node $root/bin/gan-verify.js"
fail=0

# the states of an array job's tasks as sacct reports them from the job-completion log (sacct -c),
# as "JOBID_TASK STATE" lines. This Slurm's sacct -c lists each task under its own raw job id (it
# does not read the array fields of the log), so scontrol maps task → raw id first.
task_states() {
  local job=$1 raw task st
  scontrol show job "$job" -o 2>/dev/null | sed -n 's/^JobId=\([0-9]*\) ArrayJobId=[0-9]* ArrayTaskId=\([0-9]*\) .*/\1 \2/p' | sort -k2n |
    while read -r raw task; do
      st=$(sacct -c -n -P -o JobIDRaw,State 2>/dev/null | awk -F'|' -v r="$raw" '$1 == r {s = $2} END {print s}')
      echo "${job}_${task} ${st:-PENDING-OR-RUNNING}"
    done
}
wait_tasks() { # JOBID COUNT: until COUNT tasks of JOBID have ended (or a 10-minute bound); prints their states
  local job=$1 n=$2 k
  for _ in $(seq 3000); do
    k=$(task_states "$job" | grep -c ' COMPLETED\| CANCELLED\| FAILED\| TIMEOUT\| NODE_FAIL\| OUT_OF_MEMORY')
    [ "$k" -ge "$n" ] && break
    sleep 0.2
  done
  task_states "$job"
  return 0
}

job=$(cd "$work" && GAN_VERIFY_CMD="$gv" SWEEP_OUT="$work/out/array" sbatch --parsable --array=1-4 --cpus-per-task=1 --mem=1G \
  --output="$work/task-%A_%a.log" "$root/examples/scale/slurm.sh" "$spec") || cannot "sbatch refused the job"
echo "slurm: submitted array job $job (4 tasks) of examples/scale/slurm.sh"
states=$(wait_tasks "$job" 4)
echo "$states" | sed 's/^/slurm:   /'
if [ "$(echo "$states" | grep -c COMPLETED)" != 4 ]; then
  echo "slurm: FAILED: not every task COMPLETED"; cat "$work"/task-*.log; fail=1
fi
$gv merge "$work/out/array" --out "$work/out/array-summary" >/dev/null || fail=1
$gv sweep "$spec" --out "$work/out/one" >/dev/null && $gv merge "$work/out/one" --out "$work/out/one-summary" >/dev/null || fail=1
if cmp -s "$work/out/array-summary/summary.json" "$work/out/one-summary/summary.json"; then
  echo "slurm: the array job's merged summary equals the one-process run byte for byte ($(sha256sum <"$work/out/one-summary/summary.json" | cut -c1-16))"
else
  echo "slurm: FAILED: the array job's summary differs from the one-process run"; fail=1
fi

# 4. a task cancelled mid-unit, then requeued
job2=$(cd "$work" && GAN_VERIFY_CMD="$gv" SWEEP_OUT="$work/out/cancel" sbatch --parsable --array=1-2 --cpus-per-task=1 --mem=1G \
  --output="$work/task-%A_%a.log" "$root/examples/scale/slurm.sh" "$spec")
echo "slurm: submitted array job $job2 (2 tasks); cancelling task 1 in the middle of a unit"
for _ in $(seq 1500); do ls "$work/out/cancel/units/"*.checkpoint.json >/dev/null 2>&1 && break; sleep 0.05; done
scancel "${job2}_1"
wait_tasks "$job2" 2 | sed 's/^/slurm:   /'
ck=$(ls "$work/out/cancel/units/"*.checkpoint.json 2>/dev/null | head -1)
if [ -z "$ck" ] || [ -e "$work/out/cancel/shard-1-of-2.json" ]; then
  echo "slurm: FAILED: the cancelled task left no checkpoint, or finished before the cancel"; fail=1
else
  echo "slurm: task 1 was cancelled with $(basename "$ck") on disk; requeueing it"
fi
job3=$(cd "$work" && GAN_VERIFY_CMD="$gv" SWEEP_OUT="$work/out/cancel" sbatch --parsable --array=1 --cpus-per-task=1 --mem=1G \
  --export=ALL,GAN_VERIFY_SHARD=1/2 --output="$work/task-%A_%a.log" "$root/examples/scale/slurm.sh" "$spec")
wait_tasks "$job3" 1 | sed 's/^/slurm:   /'
if grep -q 'resumed at step' "$work/task-${job3}_1.log"; then
  echo "slurm: the requeued task resumed: $(grep -o 'unit [^ ]* .*resumed at step [0-9]*)' "$work/task-${job3}_1.log" | head -1 | sed 's/: {.*}; seeds [^:]*:/:/')"
else
  echo "slurm: FAILED: the requeued task did not resume from the checkpoint"; cat "$work/task-${job3}_1.log"; fail=1
fi
$gv merge "$work/out/cancel" --out "$work/out/cancel-summary" >/dev/null || fail=1
if cmp -s "$work/out/cancel-summary/summary.json" "$work/out/one-summary/summary.json"; then
  echo "slurm: after scancel and requeue the merged summary still equals the one-process run byte for byte"
else
  echo "slurm: FAILED: after scancel and requeue the summary differs"; fail=1
fi
[ $fail = 0 ] && echo "slurm: all comparisons passed" || echo "slurm: FAILED"
exit $fail
