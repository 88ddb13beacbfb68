"""Evaluation harness: compare checkpoints on the test split (clean and jpeg40-half), the self-blend
mask IoU and the dev-video clips, without exporting anything.

  /usr/bin/python3 -m models.train.evaluate --model meso4 --model meso4-sbi --model multitask ...

--model NAME reads models/work/NAME/best.pt (or NAME=PATH for another checkpoint, or NAME=ARCH:FILE.onnx for a
published model whose checkpoint is not at hand). Each model is run
as the app would run it: BatchNorm folded, weights through the int8 round trip (--fp32 to skip),
probability = sigmoid(logit / T) with T fitted on the clean validation crops and the threshold chosen
as models.train.export does. Reported per model:
- test AUC / EER / accuracy, clean and jpeg40-half (crop-level emulation of src/pipeline/degrade.ts:
  halve, JPEG quality 40, back up), over real vs dataset fakes ("dataset", what `npm run eval` of the
  test split measures) and over everything including one seeded self-blend per real crop ("all");
- multi-task nets: mask IoU on the self-blends of the test reals (clean and degraded);
- dev videos: face crops made by the app's cropper from 2 frames per second of each clip
  (`ffmpeg -i CLIP.mp4 -vf fps=2 /tmp/devframes/<real|fake>/<clip>/frame%03d.png`, then
  `npm run crops -- --input /tmp/devframes --out models/work/devcrops`), frame score = highest face probability (as the app scores a file), clip
  score = mean over the frames with a face; right side = fakes >= threshold, real < threshold.
  Dev frames are never used for fitting anything (temperature, threshold and fusion come from val).
With --fuse A+B (a classifier and a multi-task net) a logistic regression on the two calibrated logits
is fitted on the validation crops (--fuse-on: real vs dataset fakes, or also the self-blends; --balanced;
--fit-on: clean, jpeg40-half, h264 variants; --dev-share: plus dev frames, reported leave-one-clip-out)
and reported like a model. --write-manifest makes the last fit the app's fusion (the app then runs both models). A fusion
as the app once ran it:

  /usr/bin/python3 -m models.train.evaluate --model meso4=models/work/meso4-sbi2/best.pt \
      --model multitask=models/work/multitask/best.pt --fuse meso4+multitask --fuse-on all --balanced --write-manifest

--report-split val reports the same figures on the validation split and never loads the test split: a choice
between models made with it stays clean of the test figures (temperature, threshold and fusions still come from the
validation split, so its figures there are fitted, fine for ranking, not for reporting).

Writes models/work/eval-harness/<model>.json (<model>.val.json with --report-split val) and prints a Markdown table.
"""
import argparse
import copy
import json
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .common import INPUT_SIZE, MODELS_DIR, WORK_DIR, setup_cpu
from .augment import h264
from .data import EVAL_VARIANTS, build_eval_set
from .export import choose_threshold, fit_temperature, fuse_batch_norms
from .metrics import probability, summary
from .nets import ARCHS
from .quantize import dequantize, dequantized_copy_
from .train import predict, summarise

DEV_DIR = WORK_DIR / 'devcrops'
OUT_DIR = WORK_DIR / 'eval-harness'
MANIFEST = MODELS_DIR / 'manifest.json'


def load_published(path: str, arch: str):
    """A published int8 ONNX model back in torch (BatchNorm folded, weights dequantized): for models
    whose checkpoint is not on this machine. Initializer names are the torch parameter names."""
    model = fuse_batch_norms(ARCHS[arch]().eval())
    graph = onnx.load(path).graph
    values = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    axes = {node.output[0]: next((a.i for a in node.attribute if a.name == 'axis'), 1)
            for node in graph.node if node.op_type == 'DequantizeLinear'}
    state = {}
    for output, axis in axes.items():
        stem = output[len('model.'):-len('_dequantized')]
        state[stem] = torch.from_numpy(dequantize(values[f'model.{stem}_int8'], values[f'model.{stem}_scale'], axis))
    # biases, and the weights quantize.py keeps in float (depthwise convolutions)
    state.update({k[len('model.'):]: torch.from_numpy(v.copy()) for k, v in values.items() if k.endswith(('.bias', '.weight'))})
    model.load_state_dict(state)
    return model


def load_model(spec: str, fp32: bool):
    """NAME (models/work/NAME/best.pt), NAME=CHECKPOINT.pt, or NAME=ARCH:MODEL.onnx (a published model)."""
    name, _, path = spec.partition('=')
    if path.endswith('.onnx'):
        arch, _, onnx_path = path.partition(':')
        return name, load_published(onnx_path, arch).to(memory_format=torch.channels_last), None
    checkpoint = torch.load(path or WORK_DIR / name / 'best.pt')
    model = ARCHS[checkpoint['arch']]()
    model.load_state_dict(checkpoint['model'])
    model = fuse_batch_norms(model.eval())
    if not fp32:
        dequantized_copy_(model)
    return name, model.to(memory_format=torch.channels_last), checkpoint.get('epoch')


def load_dev(dev_dir: Path):
    """Every face crop of every dev frame: images, (label, clip, frame) per crop."""
    images, keys = [], []
    for png in sorted(dev_dir.glob('*/*/*__f*.png')):
        label, clip = png.parts[-3], png.parts[-2]
        frame = png.name.rsplit('__f', 1)[0]
        image = cv2.imread(str(png), cv2.IMREAD_COLOR)[..., ::-1]
        if image.shape[:2] != (INPUT_SIZE, INPUT_SIZE):
            continue
        images.append(np.ascontiguousarray(image))
        keys.append((label, clip, frame))
    return (np.stack(images) if images else np.zeros((0, INPUT_SIZE, INPUT_SIZE, 3), np.uint8)), keys


def dev_clips(keys, logits, temperature, threshold) -> dict:
    frames = defaultdict(lambda: -np.inf)
    for key, logit in zip(keys, logits):
        frames[key] = max(frames[key], logit)
    clips = defaultdict(list)
    for (label, clip, _), logit in frames.items():
        clips[(label, clip)].append(probability(logit, temperature))
    out = {}
    for (label, clip), scores in sorted(clips.items()):
        mean = float(np.mean(scores))
        out[clip] = {'label': label, 'mean': mean, 'frames': len(scores),
                     'frames_above': int((np.array(scores) >= threshold).sum()),
                     'right': bool((mean >= threshold) == (label == 'fake'))}
    frame_labels = np.array([k[0] == 'fake' for k in frames], np.int64)
    frame_scores = probability(list(frames.values()), temperature)
    return {'clips': out, 'right': sum(c['right'] for c in out.values()), 'n': len(out),
            'frame_auc': summary(frame_labels, frame_scores)['auc'] if len(set(frame_labels)) == 2 else None}


def run_model(model, val_set, test_set, dev_images, fit_variants):
    """Logits: 'val' (clean), 'val-<variant>' for the other --fit-on variants, 'test' per variant, 'dev'."""
    raw = {'val': predict(model, val_set.images['clean'])[0]}
    for variant in fit_variants:
        if variant != 'clean':
            raw[f'val-{variant}'] = predict(model, val_set.images[variant])[0]
    raw['test'], masks = {}, {}
    for variant in EVAL_VARIANTS:
        raw['test'][variant], masks[variant], _ = predict(model, test_set.images[variant])
    raw['dev'] = predict(model, dev_images)[0] if len(dev_images) else np.zeros(0)
    return raw, (masks if masks['clean'] is not None else None)


def fit_logreg(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, balanced: bool = False, weights=None) -> np.ndarray:
    """Newton's method, bias + one weight per column. `balanced`
    weighs each class to the same total, so that more fakes than reals do not move the bias;
    `weights` (per sample) multiply that."""
    x = np.concatenate([np.ones((len(x), 1)), x], 1)
    s = np.where(y > 0.5, len(y) / (2 * max(1, (y > 0.5).sum())), len(y) / (2 * max(1, (y <= 0.5).sum()))) if balanced else np.ones(len(y))
    if weights is not None:
        s = s * weights
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = probability(x @ w)
        gradient = x.T @ (s * (p - y)) + l2 * w
        hessian = (x * (s * p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_with_dev(fit_x, fit_y, dev_x, dev_keys, share: float, balanced: bool):
    """Fusion fitted on the validation rows plus the dev frames that show a single face (a fake clip's
    frame with several faces may have only one swapped), the dev rows weighted to `share` of the total.
    Returns the weights fitted on every clip, and per dev crop the fused logit of a fit that left that
    crop's clip out: the honest estimate of the clips' scores."""
    faces = defaultdict(int)
    for label, clip, frame in dev_keys:
        faces[(clip, frame)] += 1
    single = np.array([faces[(clip, frame)] == 1 for _, clip, frame in dev_keys])
    dev_y = np.array([label == 'fake' for label, _, _ in dev_keys], np.float64)
    clips = np.array([clip for _, clip, _ in dev_keys])

    def fit(rows):
        x = np.concatenate([fit_x, dev_x[rows]])
        y = np.concatenate([fit_y, dev_y[rows]])
        weights = np.concatenate([np.full(len(fit_x), (1 - share) / len(fit_x)), np.full(rows.sum(), share / max(1, rows.sum()))])
        return fit_logreg(x, y, balanced=balanced, weights=weights * len(x))

    held_out = np.zeros(len(dev_keys))
    for clip in sorted(set(clips)):
        w = fit(single & (clips != clip))
        held_out[clips == clip] = w[0] + dev_x[clips == clip] @ w[1:]
    return fit(single), held_out


def report_row(name, r) -> str:
    """r['test'] holds the figures of the reported split (--report-split)."""
    t = r['test']
    cells = [name, f'{r["val_auc_dataset"]:.4f}', f'{t["clean"]["dataset"]["auc"]:.4f}', f'{t["jpeg40-half"]["dataset"]["auc"]:.4f}',
             f'{t["clean"]["dataset"]["auc"] - t["jpeg40-half"]["dataset"]["auc"]:+.4f}',
             f'{t["clean"]["all"]["auc"]:.4f}', f'{t["jpeg40-half"]["all"]["auc"]:.4f}',
             f'{t["clean"]["dataset"]["acc"]:.3f}', f'{t["clean"]["all"]["eer"]:.3f}',
             f'{t["clean"]["sbi_recall"]:.2f}',
             (f'{t["clean"]["mask_iou_sbi"]:.3f} / {t["jpeg40-half"]["mask_iou_sbi"]:.3f}' if 'mask_iou_sbi' in t['clean'] else '-')]
    dev = r['dev']
    cells += [f'{c["mean"]:.2f}' for c in dev['clips'].values()]
    cells.append(f'{dev["right"]}/{dev["n"]}')
    return '| ' + ' | '.join(cells) + ' |'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--model', action='append', required=True, help='run name, or NAME=CHECKPOINT_PATH')
    parser.add_argument('--fuse', action='append', default=[], help='CLASSIFIER+MULTITASK (names given with --model)')
    parser.add_argument('--fuse-on', choices=('dataset', 'all'), default='dataset',
                        help='validation crops the fusion is fitted on: real vs dataset fakes (as the app), or also the self-blends')
    parser.add_argument('--balanced', action='store_true', help='fit the fusion with both classes weighted equally')
    parser.add_argument('--fit-on', default='clean',
                        help='comma-separated validation variants the fusion is fitted on: clean, jpeg40-half, h264 '
                             '(the crops through one H.264 encode, CRF 28, yuv420p, as video frames arrive)')
    parser.add_argument('--dev-share', default='',
                        help='comma-separated shares: for each, also fit the fusion on the single-face dev-video frames, '
                             'weighted to that share of the fit; '
                             'reported leave-one-clip-out (each clip scored by a fusion fitted without it)')
    parser.add_argument('--write-manifest', action='store_true',
                        help="write the last fusion fitted (the last --fuse, the last --dev-share) into models/manifest.json; "
                             "name the models as the manifest does (e.g. --model meso4=models/work/meso4-sbi2/best.pt)")
    parser.add_argument('--fp32', action='store_true', help='skip the int8 weight round trip')
    parser.add_argument('--dev-dir', default=str(DEV_DIR))
    parser.add_argument('--report-split', choices=('test', 'val'), default='test',
                        help='val: report on the validation split, without loading the test split (a clean choice)')
    args = parser.parse_args()
    setup_cpu()
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    val_set = build_eval_set('val')
    test_set = val_set if args.report_split == 'val' else build_eval_set('test')
    json_suffix = '.val.json' if args.report_split == 'val' else '.json'
    fit_variants = args.fit_on.split(',')
    if 'h264' in fit_variants:
        val_set.images['h264'] = h264(val_set.images['clean'], 28)
    dev_images, dev_keys = load_dev(Path(args.dev_dir))
    real_or_dataset = val_set.kinds != 'sbi'
    val_dataset = real_or_dataset if args.fuse_on == 'dataset' else np.ones(len(val_set.kinds), bool)
    # The fusion the app gets must see the probabilities the app computes: its models' temperatures.
    published = json.loads(MANIFEST.read_text())['models'] if args.write_manifest else {}
    results, raws = {}, {}
    for spec in args.model:
        name, model, epoch = load_model(spec, args.fp32)
        raw, masks = run_model(model, val_set, test_set, dev_images, fit_variants)
        temperature = published[name]['temperature'] if name in published else fit_temperature(raw['val'], val_set.labels)
        val_scores = probability(raw['val'], temperature)
        threshold = choose_threshold(val_scores, val_set.labels, summary(val_set.labels, val_scores)['eer_threshold'])
        r = {'name': name, 'split': args.report_split, 'checkpoint_epoch': epoch, 'temperature': temperature, 'threshold': threshold,
             'int8': not args.fp32,
             'val_auc_clean': summary(val_set.labels, val_scores)['auc'],
             'val_auc_dataset': summary(val_set.labels[real_or_dataset], val_scores[real_or_dataset])['auc'],
             'test': summarise(test_set, {v: probability(l, temperature) for v, l in raw['test'].items()}, threshold, masks),
             'dev': dev_clips(dev_keys, raw['dev'], temperature, threshold)}
        results[name], raws[name] = r, {k: v for k, v in raw.items()} | {'T': temperature}
        (OUT_DIR / f'{name}{json_suffix}').write_text(json.dumps(r, indent=2))
        print(f'{name}: done (T {temperature:.3f}, threshold {threshold})', flush=True)

    for spec in args.fuse:
        a, b = spec.split('+')
        z = lambda split, variant=None: np.stack(
            [(raws[n][split] if variant is None else raws[n][split][variant]) / raws[n]['T'] for n in (a, b)], 1)
        fit_x = np.concatenate([z('val' if v == 'clean' else f'val-{v}')[val_dataset] for v in fit_variants])
        fit_y = np.tile(val_set.labels[val_dataset].astype(np.float64), len(fit_variants))
        base = (spec + ('' if args.fuse_on == 'dataset' else ' (fit +SBI)') + (' balanced' if args.balanced else '')
                + ('' if args.fit_on == 'clean' else f' on {args.fit_on}'))
        suffix = (('' if args.fuse_on == 'dataset' else '-all') + ('-balanced' if args.balanced else '')
                  + ('' if args.fit_on == 'clean' else '-' + args.fit_on.replace(',', '+')))
        for share in [0.0] + [float(x) for x in args.dev_share.split(',') if x]:
            if share:
                w, dev_logits = fit_with_dev(fit_x, fit_y, z('dev'), dev_keys, share, args.balanced)
            else:
                w = fit_logreg(fit_x, fit_y, balanced=args.balanced)
                dev_logits = w[0] + z('dev') @ w[1:]
            name = base + (f' +dev {share} (dev: leave one clip out)' if share else '')
            val_fused = probability(w[0] + z('val')[real_or_dataset] @ w[1:])
            results[name] = {'name': name, 'split': args.report_split, 'weights': w.tolist(), 'temperature': 1.0, 'threshold': 0.5,
                             'val_auc_dataset': summary(val_set.labels[real_or_dataset], val_fused)['auc'],
                             'test': summarise(test_set, {v: probability(w[0] + z('test', v) @ w[1:]) for v in EVAL_VARIANTS}, 0.5),
                             'dev': dev_clips(dev_keys, dev_logits, 1.0, 0.5)}
            (OUT_DIR / f'fuse-{a}+{b}{suffix}{f"-dev{share}" if share else ""}{json_suffix}').write_text(json.dumps(results[name], indent=2))
            fitted_on = (f'{int(val_dataset.sum())} validation crops ({"real, dataset fakes and one self-blend per real" if args.fuse_on == "all" else "real and dataset fakes"}'
                         f'{", classes weighted equally" if args.balanced else ""}; {args.fit_on})'
                         + (f' + the single-face frames of the dev videos, {share:.0%} of the weight' if share else ''))
            fusion = {'bias': round(w[0], 6), 'weights': {a: round(w[1], 6), b: round(w[2], 6)}, 'threshold': 0.5, 'fittedOn': fitted_on}

    if args.write_manifest:
        manifest = json.loads(MANIFEST.read_text())
        manifest['fusion'] = fusion
        manifest['app'] = {'classifier': a, 'multitask': b}
        MANIFEST.write_text(json.dumps(manifest, indent=2) + '\n')
        print('manifest fusion:', json.dumps(fusion))

    clips = next(iter(results.values()))['dev']['clips']
    header = ['model', 'val AUC dataset clean', f'{args.report_split} AUC dataset clean', 'jpeg40-half', 'drop', 'AUC all (+SBI) clean', 'jpeg40-half',
              'acc dataset clean', 'EER all clean', 'SBI recall', 'SBI mask IoU clean / deg']
    header += [f'{c} ({v["label"]})' for c, v in clips.items()] + ['dev right']
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '---|' * len(header))
    for name, r in results.items():
        print(report_row(name, r))


if __name__ == '__main__':
    main()
