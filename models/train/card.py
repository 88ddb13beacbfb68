"""Error breakdowns and the model card (models/<name>.md).

Re-running the export regenerates the card but keeps the hand-written sections listed in
KEPT_SECTIONS."""
import re

import cv2
import numpy as np

from .common import MODELS_DIR

BROWSER_SECTION = 'Browser evaluation (npm run eval)'
NOTES_SECTION = 'Observations from the misclassified test crops'
HEAT_SECTION = 'The heat: where the net sees evidence (heat.py)'
KEPT_SECTIONS = (NOTES_SECTION, HEAT_SECTION, BROWSER_SECTION)
# The `heat` output as the card's table says it (export.face_heat).
HEAT_OUTPUT = ('; `heat` [N, 1, 64, 64] = what the app draws: the mask, and where the mask is unsure (its peak under 0.5, '
               'fading out to a peak of 1) the class activation map, each location\'s P(manipulated) calibrated as the score '
               '(16 x 16, scaled bilinearly)')
PLACEHOLDER = '_Placeholder: to be filled in from `npm run eval` (full images through the app: detection, crop, ONNX in onnxruntime-web)._'


def _yaw_proxy(keypoints) -> float:
    """|nose - eye midpoint| along the eye line, over the eye distance: ~0 frontal, larger when turned."""
    right_eye, left_eye, nose = np.array(keypoints[:3])
    axis = left_eye - right_eye
    distance = np.linalg.norm(axis)
    return float(abs(np.dot(nose - (right_eye + left_eye) / 2, axis / distance)) / distance)


def _bin(value, edges, labels):
    return labels[int(np.searchsorted(edges, value, side='right'))]


def error_analysis(eval_set, scores: np.ndarray, threshold: float, sheet_path) -> dict:
    """Error rates on the (clean) test crops by subset, face size, head turn, detector score; writes a contact sheet of the most confident errors."""
    records = {r['source']: r for r in eval_set.store.records}
    wrong = (scores >= threshold) != eval_set.labels.astype(bool)
    factors = {
        'subset': lambda r, kind: kind if kind == 'sbi' else r['group'],
        'face width in the image (px)': lambda r, kind: _bin(r['boxWidth'], [80, 120, 200], ['<80', '80-120', '120-200', '>=200']),
        'head turn (nose offset / eye distance)': lambda r, kind: _bin(_yaw_proxy(r['keypoints']), [0.1, 0.25], ['<0.10 frontal', '0.10-0.25', '>=0.25 turned']),
        'detector score': lambda r, kind: _bin(r['detectionScore'], [0.7, 0.85], ['<0.70', '0.70-0.85', '>=0.85']),
    }
    breakdown = {}
    for factor, key in factors.items():
        table = {}
        for i, (source, kind) in enumerate(zip(eval_set.paths, eval_set.kinds)):
            cell = table.setdefault(f'{kind}: {key(records[source], kind)}' if factor != 'subset' else key(records[source], kind), [0, 0])
            cell[0] += int(wrong[i])
            cell[1] += 1
        breakdown[factor] = {k: {'errors': e, 'n': n, 'error_rate': e / n} for k, (e, n) in sorted(table.items())}

    confidence = np.abs(scores - threshold)
    false_pos = [i for i in np.argsort(-confidence) if wrong[i] and eval_set.kinds[i] == 'real'][:12]
    false_neg = [i for i in np.argsort(-confidence) if wrong[i] and eval_set.kinds[i] == 'fake'][:12]
    tiles = []
    for i in false_pos + false_neg:
        tile = cv2.resize(np.ascontiguousarray(eval_set.images['clean'][i][..., ::-1]), (160, 160), interpolation=cv2.INTER_AREA)
        caption = f'{eval_set.kinds[i]} {scores[i]:.2f}'
        cv2.putText(tile, caption, (4, 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 0), 3)
        cv2.putText(tile, caption, (4, 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1)
        tiles.append(tile)
    if tiles:
        tiles += [np.zeros_like(tiles[0])] * (-len(tiles) % 6)
        cv2.imwrite(str(sheet_path), np.vstack([np.hstack(tiles[r:r + 6]) for r in range(0, len(tiles), 6)]))
    return {'breakdown': breakdown,
            'most_confident_false_positives': [eval_set.paths[i] for i in false_pos],
            'most_confident_false_negatives': [eval_set.paths[i] for i in false_neg]}


def _kept_sections(path) -> dict:
    if not path.exists():
        return {}
    parts = re.split(r'^## ', path.read_text(), flags=re.M)
    sections = {}
    for part in parts[1:]:
        title, _, body = part.partition('\n')
        if title.strip() in KEPT_SECTIONS:
            sections[title.strip()] = body.strip()
    return sections


def _fmt(x, digits=4):
    return f'{x:.{digits}f}'


def _results_table(metrics: dict) -> str:
    rows = ['| split | input | AUC | EER | acc @ threshold | balanced acc | AUC (dataset only) | EER (dataset only) | acc (dataset only) |',
            '|---|---|---|---|---|---|---|---|---|']
    for split in ('val', 'test'):
        for variant, r in metrics['int8'][split].items():
            a, d = r['all'], r['dataset']
            rows.append(f'| {split} | {variant} | {_fmt(a["auc"])} | {_fmt(a["eer"])} | {_fmt(a["acc"])} | {_fmt(a["balanced_acc"])} '
                        f'| {_fmt(d["auc"])} | {_fmt(d["eer"])} | {_fmt(d["acc"])} |')
    return '\n'.join(rows)


def _sources_table(metrics: dict) -> str:
    test = metrics['int8']['test']
    variants = list(test)
    rows = ['| test source (real vs its own fakes) | ' + ' | '.join(f'AUC {v}' for v in variants) + ' | drop, worst variant |',
            '|---|' + '---|' * (len(variants) + 1)]
    for source in test['clean']['sources']:
        aucs = [test[v]['sources'][source]['auc'] for v in variants]
        rows.append(f'| {source} | ' + ' | '.join(_fmt(x) for x in aucs) + f' | {_fmt(aucs[0] - min(aucs[1:]))} |')
    rows += ['', '| test subset | ' + ' | '.join(f'accuracy, {v}' for v in variants) + ' |', '|---|' + '---|' * len(variants)]
    rows += [f'| {g} | ' + ' | '.join(_fmt(test[v]['groups'][g], 3) for v in variants) + ' |' for g in test['clean']['groups']]
    return '\n'.join(rows)


def _breakdown_tables(errors: dict) -> str:
    out = []
    for factor, table in errors['breakdown'].items():
        out.append(f'| {factor} | errors / n | error rate |\n|---|---|---|')
        out.append('\n'.join(f'| {k} | {v["errors"]} / {v["n"]} | {_fmt(v["error_rate"], 3)} |' for k, v in table.items()))
        out.append('')
    return '\n'.join(out)


_SELECT = {'clean': 'clean val AUC', 'mean': 'mean of the clean, jpeg40-half and h264-crf35 val AUCs',
           'sbi': 'mean of val real-vs-self-blend AUC and mask IoU',
           'tasks': 'mean of val dataset-fake AUC, self-blend AUC, mask IoU (and forgery-kind balanced accuracy)'}


def _imagenet_start(arch: str) -> bool:
    return arch.startswith('mnv2') and arch != 'mnv2-scratch'


def _stages_table(stages: list, multitask: bool, arch: str) -> str:
    imagenet = 'ImageNet up to block_10 (nsfwjs)' if _imagenet_start(arch) else 'random weights'
    rows = ['| stage (run) | starts from | epochs x samples | lr | self-blend share of fakes | strong-blend epochs | warm-up epochs without SBI / degradation | degraded samples | best checkpoint by | minutes |' + (' mask loss weight |' if multitask else ''),
            '|---|---|---|---|---|---|---|---|---|---|' + ('---|' if multitask else '')]
    for i, stage in enumerate(stages):
        if 'row' in stage:  # a stage of a published model this one was continued from (models.train.unfold)
            rows.append(stage['row'])
            continue
        a = stage['args']
        init_from = a.get('init_from')
        checkpoint = init_from and init_from.split('/')[-1].removesuffix('.pt')  # best or last
        start = (f"`{init_from.split('/')[-2]}` {checkpoint} checkpoint" if init_from else imagenet) if i == 0 else f'stage {i} {checkpoint}'
        previous_arch = stages[i - 1].get('args', {}).get('arch') if i else None
        if previous_arch and a.get('arch', previous_arch) != previous_arch:
            start += (f", as `{a['arch']}` (`train._load_matching`: layers of the same shape carried over, a 1x1 kernel "
                      f"from the sum of the k x k one it replaces, new layers as initialised)")
        schedule = f" (of a {a['epochs']}-epoch schedule)" if a['epochs'] != stage['epochs'] else ''
        rows.append(f"| {i + 1} (`{stage['run']}`) | {start} "
                    f"| {stage['epochs']}{schedule} x {a['epoch_size']} | {a['lr']} | {a.get('sbi_share', 0.5):.0%} | {a.get('strong_sbi_epochs', 0)} "
                    f"| {a.get('clean_epochs', 0)} | {a.get('degrade_prob', 1.0):.0%} {a.get('degrade', 'standard')}, {a.get('h264_prob', 0):.0%} H.264 "
                    f"| {_chosen(stage, a)} | {stage['minutes']:.0f} |"
                    + (f" {a['mask_weight']} |" if multitask else ''))
    return '\n'.join(rows)


def _chosen(stage: dict, args: dict) -> str:
    if stage.get('checkpoint') == 'last':
        return f"the last epoch ({stage['best_epoch']}), chosen at export (models/README.md)"
    return f"{_SELECT[args.get('select', 'clean')]} (epoch {stage['best_epoch']})"


def _start(arch: str) -> str:
    if _imagenet_start(arch):
        return ('Started from pretrained weights: the MobileNetV2 layers up to block_10 carry the ImageNet weights that the '
                '`nsfwjs` npm package (4.4.0, MIT licence, Infinite Red) ships in its Keras model, the layers nsfwjs kept frozen '
                '(converted by `models/train/pretrained.py`, equal to TensorFlow.js within 7e-5); everything else from random '
                'weights. See models/README.md for the same network trained from random weights.')
    return 'Trained from scratch (no pretrained weights).'


def _last_stage_extras(args: dict, stages: list) -> str:
    """Recipe lines for the last stage's retouching and hard-authentic loss, and for every stage's source weights in the
    class loss, when they used them."""
    lines = ''
    weighted = []
    for i, stage in enumerate(stages):
        flags = [f'`--{flag.replace("_", "-")} {stage["args"][flag]}`' for flag in ('fake_weight', 'real_weight')
                 if stage.get('args', {}).get(flag)]
        if flags:
            weighted.append(f'stage {i + 1}: ' + ' '.join(flags))
    if weighted:
        lines += ('- Source weights in the class loss (' + ', '.join(weighted) + "): a source's dataset fakes (`--fake-weight`) "
                  "or authentic faces (`--real-weight`) count that many times, which moves the net's prior on that source's "
                  'faces; the evidence bands, chosen on the worst authentic source, then spend on its fakes the false-alarm '
                  'budget its authentic faces left unused.\n')
    pair_weighted = [f"stage {i + 1}: `--pair-mask-weight {stage['args']['pair_mask_weight']}`" for i, stage in enumerate(stages)
                     if stage.get('args', {}).get('pair_mask_weight', 1.0) != 1.0]
    if pair_weighted:
        lines += ('- DFDC-pair masks in the mask loss (' + ', '.join(pair_weighted) + '): the mask of where a DFDC fake '
                  'differs from its source frame counts that many times, against one for a self-blend or an authentic face.\n')
    if args.get('retouch_prob'):
        lines += (f"- Retouching (last stage, `--retouch-prob {args['retouch_prob']}`): that share of the samples is first "
                  'smoothed (bilateral filter), blurred or sharpened at a random strength (`augment.retouch`), a pair alike, '
                  'so that authentic and manipulated faces are retouched as often.\n')
    if args.get('hard_real_weight'):
        lines += (f"- Hard authentic faces (last stage, `--hard-real-weight {args['hard_real_weight']}`): the class loss of "
                  "the quarter of each batch's authentic faces the net scores highest is added again at this weight.\n")
    return lines


def write_card(name: str, metrics: dict, history: list) -> None:
    path = MODELS_DIR / f'{name}.md'
    kept = _kept_sections(path)
    args = metrics['train_args']
    multitask = metrics['mask_size'] is not None
    heat_section = (f"## {HEAT_SECTION}\n{kept.get(HEAT_SECTION, '_To be measured: `/usr/bin/python3 -m models.train.heat`._')}\n\n"
                    if 'heat' in metrics.get('outputs', ()) else '')
    diff = metrics['int8_vs_fp32_test']
    mask_lines = ''
    paired_dfdc = any(stage.get('args', {}).get('paired_dfdc') for stage in metrics['stages'])
    if multitask:
        test = metrics['int8']['test']
        variants = [v for v in ('clean', 'jpeg40-half', 'h264-crf35') if v in test]
        mask_lines = (f'\nMask IoU at 0.5 on the self-blended test crops: '
                      + ', '.join(f'{v} {_fmt(test[v]["mask_iou_sbi"], 3)}' for v in variants)
                      + '; mean fraction of mask pixels > 0.5 on real test crops: '
                      + ', '.join(f'{v} {_fmt(test[v]["mask_area_real"], 4)}' for v in variants)
                      + '. Masks are learned from self-blends (exact), reals (all zero)'
                      + (', and DFDC fakes that are one frame with their source video\'s real crop (the hull of where the two '
                         'differ, `dfdc_pairs.py`); the other dataset fakes' if paired_dfdc else ': the dataset fakes')
                      + ' have no masks and carry mask-loss weight 0.\n')
        if metrics.get('mask_cut') not in (None, 0.5):
            mask_lines += (f'\nThe mask\'s cut is calibrated on validation (`export.fit_mask_cut`): what the trained net gives as '
                           f'{metrics["mask_cut"]} reads as 0.5 in the exported model (a shift of its mask logit), the cut with the best '
                           f'self-blend IoU among those lighting up at most 1 % of clean authentic validation faces\' mask and 3 % after '
                           f'jpeg40-half and after H.264 CRF 35.\n')
        if 'kind' in test['clean']:
            kinds = ', '.join(f'{v} {_fmt(test[v]["kind"]["auc"])} / {_fmt(test[v]["kind"]["balanced_acc"], 3)}' for v in test)
            mask_lines += (f'\nForgery kind on the test fakes (GAN faces vs dataset swaps and self-blends, including self-blends of '
                           f'FFHQ photos), AUC / balanced accuracy at 0.5: {kinds}; {test["clean"]["kind"]["n_fake"]} GAN faces, '
                           f'{test["clean"]["kind"]["n_real"]} replaced or blended.\n')
    skipped = metrics['skipped_no_face']
    losses = ', '.join(f'{h["train_loss"]:.3f}' for h in history)
    val_aucs = ', '.join(f'{h["val"]["clean"]["all"]["auc"]:.3f}' for h in history)
    text = f"""# {name}: face-manipulation {'classifier + mask' if multitask else 'classifier'}

| | |
|---|---|
| file | `models/{name}.onnx` (int8 weights, QDQ) |
| version | `{metrics['version']}` |
| architecture | {metrics['arch']} ({metrics['params']:,} parameters) |
| input | `image` float32 [N, 3, 256, 256], RGB in [0, 1]: the app's face crop (`src/pipeline/crop-spec.json`) |
| outputs | `probability` [N, 1] = sigmoid(logit / T), P(manipulated){"; `mask` [N, 1, " + str(metrics['mask_size']) + ", " + str(metrics['mask_size']) + "] = per-pixel P(blended)" if multitask else ""}{"; `kind` [N, 1] = P(synthesised whole face, GAN | manipulated), trained on fakes only" if 'kind' in metrics['int8']['test']['clean'] else ""}{HEAT_OUTPUT if 'heat' in metrics.get('outputs', ()) else ""} |
| temperature T | {metrics['temperature']:.4f} (baked into the graph) |
| decision threshold | {metrics['threshold']} (val EER point after calibration: {metrics['eer_threshold_val']:.4f}) |
| size | fp32 {metrics['bytes_fp32'] / 1024:.1f} KiB, int8 {metrics['bytes_int8'] / 1024:.1f} KiB |

{_start(metrics['arch'])} Trained on CPU. A research prototype: its scores are evidence, not proof.

## Data and provenance
Third data release of `shared/datasets/train` (see its README for every source's repository and commit):
- DFDC (Deepfake Detection Challenge) face crops, 8,500 real + 8,500 fake, 224x224, tight around the face: paid actors,
  the fakes made by the DFDC methods (autoencoder swaps, talking heads, FSGAN, StyleGAN-based swaps, post-processing);
  from i-Shreyansh/DeepFake-Detection (Apache-2.0 repository; DFDC terms: non-commercial research).
- LFW (Labeled Faces in the Wild) news photos, 2,000, and 2,000 graphics face swaps between LFW faces, 250x250;
  from Rees451/faces-fake-vs-real (no licence file; LFW: research use).
- 350 FFHQ portraits (Flickr, their own licences) and 350 StyleGAN / StyleGAN2 faces (thispersondoesnotexist), 448x448,
  both resized and saved alike; from Tom-Kendrick/FaceOrFake and dinablachman/realorfake (no licence files).
- UTKFace, 9,778 authentic web photos (ages 0-116, every ethnicity, light, pose, make-up and retouching), 200x200 tight
  crops; from Mohanish-5744/Major_Ensemble_Gender (no licence file; UTKFace: non-commercial research).

The weights are derived from these images and inherit their terms: research only, not for commercial use.

Face crops were made by the app's own pipeline (`npm run crops`: MediaPipe short-range detector, with a padded pass for
faces that fill the picture; crop = 1.0x the detector box, eye-aligned, 256x256), so training sees exactly what the app feeds
the model. 1.0x makes every source look alike: the DFDC crops are already tight, and a 1.5x crop of them was a small face in
a black frame. Only the largest face (f0) of each image is used. Images where the detector found no face were skipped:
train {skipped['train']}, val {skipped['val']}, test {skipped['test']}.

## Split
70 / 15 / 15 %, seed 20261121 (`models/splits/*.txt`): DFDC by source video (the `group` column of `dfdc_groups.csv`: an
authentic video and every fake made from it are on one side; an actor can still appear in several videos), LFW and the
GAN / FFHQ faces by file (their names carry no identity, so one LFW person can be on both sides), UTKFace by file. The test split was
not used for any choice.

## Training recipe
- Each epoch draws `epoch size` samples, 1:1 real:fake, each source (DFDC, LFW, GAN, UTKFace) at a fixed share of the reals and of
  the dataset fakes (`--source-shares`: {args.get('source_shares') or 'as the split holds them'}); the fakes are dataset fakes and self-blended images
  (SBI, Shiohara & Yamasaki 2022) made on the fly from real training crops: a colour-jittered, sharpened or blurred,
  slightly shifted (±3 %) and scaled (0.95-1.05) copy of the crop blended back through a random face-region mask
  (hull of the keypoints with derived brow/chin/cheek points, ellipse or quadrilateral from the detector box, or a single
  eye / nose-mouth region), elastically deformed and Gaussian-blurred, blend ratio in {{0.25, 0.5, 0.75, 1, 1, 1}}.
  *Strong* blends (a curriculum for the first epochs of a stage) always jitter the colour and use ratio 1.
- Degradation like a social-network upload, after blending, on a share of the samples: *standard*: horizontal flip
  (p 0.5; the mask too), colour jitter (p 0.5), downscale to 0.3-1.0 and back (p 0.6), Gaussian blur (p 0.1),
  Gaussian noise (p 0.15), JPEG quality 30-95 (p 0.8); *strong*: the same, but JPEG (quality 25-95, skewed low) is
  applied at the downscaled size before upscaling (as a resized upload is), sometimes twice; *H.264*: the crop re-encoded
  as a frame of an H.264 stream (x264, CRF 23-40, yuv420p) and decoded back, as a re-uploaded video is (made once per
  training crop and per self-blend of it, `data.H264Pool`), plus a flip.
{_last_stage_extras(args, metrics['stages'])}- Adam with cosine learning-rate decay, batch {args['batch_size']}, binary cross-entropy on the logit{" + (BCE + Dice) on the mask, only for samples with a known mask (reals: all zero; self-blends: the blend mask" + ("; DFDC fakes one frame with their source video's real crop, in stages with paired DFDC fakes: the hull of where the two differ, `dfdc_pairs.py`" if paired_dfdc else "") + ")" if multitask else ""}{"; the kind output: binary cross-entropy on the fakes only (GAN face 1, dataset swap or self-blend 0), each kind weighted half in every batch" if 'kind' in metrics['int8']['test']['clean'] else ""}.
  2 CPU cores (PyTorch 1.13); {metrics['train_minutes']:.0f} min of training in all.

{_stages_table(metrics['stages'], multitask, metrics['arch'])}

- Train loss per epoch of the last stage: {losses}. Validation AUC (clean) per epoch: {val_aucs}.

## Results (int8 model, on face crops)
Validation and test sets: the real and dataset-fake crops of the split plus one seeded self-blend per real crop
(so fakes outnumber reals about 2:1); "dataset only" leaves the self-blends out. `jpeg40-half` emulates the app's
eval degradation on the crop (downscale x0.5, JPEG quality 40, upscale back); the app's `npm run eval --degrade`
does it on the full image before detection, which is not identical. `h264-crf35`: the crops through one H.264 encode at
CRF 35.

{_results_table(metrics)}

{_sources_table(metrics)}
{mask_lines}
## Calibration
Temperature fitted on the clean validation crops by minimising the class-balanced negative log-likelihood
(grid search): T = {metrics['temperature']:.4f}. Threshold: {metrics['threshold']} (0.5 is kept unless the EER point,
here {metrics['eer_threshold_val']:.4f}, gives at least 2 points more balanced accuracy on validation).
What the app shows is not this threshold but evidence bands cut where authentic faces rarely score: each band's
cut-off keeps at most 15 / 5 / 1 % of the authentic faces of the worst source and condition at or above it
(`models/train/bands.py`, `bands` in `manifest.json`; measured rates in `models/README.md`, "Evidence bands").

## int8 versus fp32
Weight-only int8, per-output-channel symmetric (scale = max|W| / 127), int8 initializer -> DequantizeLinear -> Conv/Gemm;
biases fp32{", BatchNorm folded into the convolutions before export" if multitask else ""}. Verified in PyTorch with the same int8 round trip of the weights
(clean test crops): max |Δ probability| {diff['clean']['max_abs_diff_probability']:.2e} ({diff['clean']['labels_flipped']} of {diff['clean']['n']} labels flipped){f", max |Δ mask| {diff['clean']['max_abs_diff_mask']:.2e}" if multitask else ""}.
Both ONNX files pass `onnx.checker.check_model(full_check=True)`; onnxruntime-web parity is checked on the JS side.

## Known failure modes
Error rates on the clean test crops (threshold {metrics['threshold']}):

{_breakdown_tables(metrics['errors'])}
Most confident errors: `models/work/{metrics['stages'][-1]['run']}/errors.png` (not committed).

## {NOTES_SECTION}
{kept.get(NOTES_SECTION, '_Not reviewed yet._')}

{heat_section}## {BROWSER_SECTION}
{kept.get(BROWSER_SECTION, PLACEHOLDER)}
"""
    path.write_text(text)
