#!/usr/bin/env bash
# Training queue that reproduces the published models: each base model, its fine-tuning stages,
# then export (calibration, int8 ONNX, card, manifest), parity references and the app's fusion.
# Resumable: a finished stage is skipped (marker files in models/work/<run>/), an interrupted
# training continues from its last.pt. Time budgets stop a stage early on a slow machine, so a
# rerun elsewhere gives similar, not identical, weights. Run from anywhere:
#   nohup bash models/train/run_all.sh > models/work/run_all.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
WORK=models/work

train() {  # run name, training command...
  local run=$1; shift
  mkdir -p "$WORK/$run"
  if [[ ! -e $WORK/$run/trained.done ]]; then
    echo "$(date '+%F %T') training $run"
    "$@" --name "$run" --resume >> "$WORK/$run/stdout.log" 2>&1
    touch "$WORK/$run/trained.done"
  fi
}

publish() {  # model name, run it is exported from
  local name=$1 run=$2
  if [[ ! -e $WORK/$run/exported.done ]]; then
    echo "$(date '+%F %T') exporting $run as $name"
    $PY -m models.train.export --name "$name" --run "$run" >> "$WORK/$run/export.log" 2>&1
    $PY -m models.train.parity --name "$name" --run "$run"
    touch "$WORK/$run/exported.done"
  fi
}

# Fine-tuning stage: starts from the previous run's best checkpoint, more self-blends (strong ones
# first), the harder degradation, best checkpoint by the mean of clean and jpeg40-half val AUC.
finetune() {  # run name, previous run, arch module and flags...
  local run=$1 from=$2; shift 2
  train "$run" $PY -m "$@" --init-from "$WORK/$from/best.pt" --degrade strong --degrade-prob 0.75 --select mean
}

[[ -e models/splits/train.txt ]] || $PY -m models.train.splits
# Warm-up epochs on clean real vs dataset fakes, then self-blends join and 60 % of samples are
# degraded: with everything hard from the first step Meso-4 stayed at chance for 5 epochs.
train meso4 $PY -m models.train.meso --arch meso4 --clean-epochs 3 --degrade-prob 0.6 --time-budget-min 24
finetune meso4-sbi meso4 models.train.meso --arch meso4 --epochs 12 --epoch-size 6000 --lr 0.0005 --sbi-share 0.6 \
  --strong-sbi-epochs 3 --data-seed 1001 --time-budget-min 30
finetune meso4-sbi2 meso4-sbi models.train.meso --arch meso4 --epochs 6 --epoch-size 6000 --lr 0.00025 --sbi-share 0.6 \
  --data-seed 1003 --time-budget-min 13
publish meso4 meso4-sbi2
# Multi-task: with one warm-up epoch both heads stayed at chance for 8 epochs (the mask head drew
# the same face-shaped prior on real and fake faces), so: 4 warm-up epochs and a lighter mask loss.
train multitask $PY -m models.train.multitask --clean-epochs 4 --degrade-prob 0.6 --mask-weight 0.5 --epochs 13 --time-budget-min 33
publish multitask multitask
train mesoinception4 $PY -m models.train.meso --arch mesoinception4 --clean-epochs 3 --degrade-prob 0.6 --time-budget-min 60
finetune mesoinception4-sbi mesoinception4 models.train.meso --arch mesoinception4 --epochs 6 --epoch-size 6000 --lr 0.0005 \
  --sbi-share 0.6 --strong-sbi-epochs 2 --data-seed 1005 --time-budget-min 30
publish mesoinception4 mesoinception4-sbi
# The app's fusion of its two models, fitted on the validation crops (see models/README.md).
mkdir -p "$WORK/eval-harness"
$PY -m models.train.evaluate --model meso4=$WORK/meso4-sbi2/best.pt --model multitask=$WORK/multitask/best.pt \
  --fuse meso4+multitask --fuse-on all --balanced --write-manifest > "$WORK/eval-harness/app-fusion.log" 2>&1
echo "$(date '+%F %T') all stages done"
