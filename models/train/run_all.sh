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
# Meso-4 on the second data release: 2 clean warm-up epochs (with everything hard from the first
# step Meso-4 stayed at chance), then half of the fakes are self-blends (paired with their real
# source; strong blends for 4 epochs), 20 % of the samples are H.264 re-encodes (CRF 23-40) and 45 %
# resized + JPEG; sources drawn at fixed shares so the 245 GAN training faces are not drowned by DFDC.
MESO_RECIPE=(--clean-epochs 2 --degrade strong --degrade-prob 0.45 --h264-prob 0.2 --paired-sbi --sbi-share 0.5
  --strong-sbi-epochs 4 --source-shares dfdc=0.55,lfw=0.25,gan=0.2 --select mean)
train meso4 $PY -m models.train.meso --arch meso4 --epochs 24 --epoch-size 8000 "${MESO_RECIPE[@]}" --time-budget-min 60
publish meso4 meso4
# Leave-one-source-out (reported in models/README.md, not published): a shorter run of the Meso-4
# recipe that never sees one source, reals and fakes (training and checkpoint selection).
train meso4-without-lfw $PY -m models.train.meso --arch meso4 --epochs 10 --epoch-size 6000 "${MESO_RECIPE[@]}" \
  --exclude real/lfw_rees451 --exclude fake/lfw_faceswap_rees451 --time-budget-min 20
train meso4-without-gan $PY -m models.train.meso --arch meso4 --epochs 10 --epoch-size 6000 "${MESO_RECIPE[@]}" \
  --exclude real/ffhq_faceorfake --exclude real/ffhq_realorfake --exclude fake/tpdne_faceorfake --exclude fake/tpdne_realorfake \
  --time-budget-min 20
# MesoInception-4, same recipe; 3x slower per sample on these cores, so fewer samples.
train mesoinception4 $PY -m models.train.meso --arch mesoinception4 --epochs 8 --epoch-size 6000 "${MESO_RECIPE[@]}" --time-budget-min 30
publish mesoinception4 mesoinception4
# The app's fusion of its two models, fitted on the validation crops (see models/README.md).
mkdir -p "$WORK/eval-harness"
$PY -m models.train.evaluate --model meso4=$WORK/meso4-sbi2/best.pt --model multitask=$WORK/multitask/best.pt \
  --fuse meso4+multitask --fuse-on all --balanced --write-manifest > "$WORK/eval-harness/app-fusion.log" 2>&1
echo "$(date '+%F %T') all stages done"
