#!/usr/bin/env bash
# Extracts frames (2 per second, PNG) from ../shared/datasets/dev-videos into OUT/{real,fake}/<clip>/
# so that `npm run eval -- --input OUT` scores them with the app's pipeline; then
# `node models/tools/clip_scores.mjs REPORT.json` aggregates the frame scores per clip.
set -euo pipefail
src="${DEV_VIDEOS:-$(dirname "$0")/../../../shared/datasets/dev-videos}"
out="${1:?usage: dev_video_frames.sh OUT_DIR}"
for video in "$src"/real/*.mp4 "$src"/fake/*.mp4; do
  label=$(basename "$(dirname "$video")")
  clip=$(basename "$video" .mp4)
  mkdir -p "$out/$label/$clip"
  ffmpeg -loglevel error -y -i "$video" -vf fps=2 "$out/$label/$clip/frame_%03d.png"
done
find "$out" -name '*.png' | wc -l
