"""Shared training loop: Adam + cosine LR, BCE on the class logit, for multi-task nets a
mask loss (BCE + Dice) on samples whose mask is known, and for a net with a forgery-kind output a
class-balanced BCE on the kind of every fake (GAN face or replaced / blended face). Logs to models/work/<name>/train.log;
checkpoints last.pt every epoch and best.pt on the best validation AUC (clean)."""
import argparse
import json
import os
import random
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .common import SEED, SOURCES, WORK_DIR, release_freed_memory, setup_cpu
from .data import EVAL_VARIANTS, EvalSet, TrainSet, build_eval_set, load_h264_pool, load_split, to_input, train_loader
from .dfdc_pairs import load_pairs
from .metrics import mask_iou, probability, summary
from .nets import ARCHS, param_count


def add_arguments(parser: argparse.ArgumentParser, epochs: int, epoch_size: int, budget_min: float) -> None:
    parser.add_argument('--epochs', type=int, default=epochs)
    parser.add_argument('--epoch-size', type=int, default=epoch_size, help='training samples per epoch')
    parser.add_argument('--batch-size', type=int, default=32)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--mask-weight', type=float, default=1.0, help='multi-task: weight of the mask loss')
    parser.add_argument('--hard-real-weight', type=float, default=0.0,
                        help='extra weight of the class loss of the hardest quarter of each batch\'s authentic faces '
                             '(those the net scores highest): the tail the evidence bands are cut from')
    parser.add_argument('--time-budget-min', type=float, default=budget_min,
                        help='stop cleanly after the epoch that exceeds this many minutes (0: no limit)')
    parser.add_argument('--stop-after-epoch', type=int, default=0,
                        help='stop after this epoch, the learning-rate schedule still planned for --epochs (0: run them all)')
    parser.add_argument('--clean-epochs', type=int, default=0,
                        help='first epochs on real vs dataset fakes only, without degradation (warm-up)')
    parser.add_argument('--degrade-prob', type=float, default=1.0, help='share of training samples degraded')
    parser.add_argument('--resume', action='store_true', help='continue from models/work/<name>/last.pt if present')
    parser.add_argument('--name', help='run name (default: the architecture)')
    # Fine-tuning options; the defaults reproduce the original recipe (run_all.sh relies on them).
    parser.add_argument('--init-from', help='start from the weights of this checkpoint (e.g. models/work/meso4/best.pt) '
                        'with a fresh optimizer and schedule; ignored when --resume finds a last.pt')
    parser.add_argument('--sbi-share', type=float, default=0.5, help='share of the fake samples that are self-blends')
    parser.add_argument('--strong-sbi-epochs', type=int, default=0,
                        help='curriculum: the first N epochs use strong self-blends (blend ratio 1, always colour-jittered)')
    parser.add_argument('--degrade', choices=('standard', 'strong', 'jpeg40-half'), default='standard',
                        help='strong: downscale -> JPEG (quality 25-95, skewed low) at the small size -> upscale '
                             '(augment.degrade_strong); jpeg40-half: the degraded evaluation itself (upper-bound experiment)')
    parser.add_argument('--data-seed', type=int, default=SEED, help='seed of the per-epoch sample draws and augmentations')
    parser.add_argument('--paired-sbi', action='store_true',
                        help='each self-blend comes with its real source crop in the same batch, degraded alike')
    parser.add_argument('--paired-dfdc', action='store_true',
                        help='each DFDC fake whose group has one real comes with that real crop in the same batch, '
                             'degraded alike, with a mask from their difference where they are one frame (dfdc_pairs.py)')
    parser.add_argument('--h264-prob', type=float, default=0.0,
                        help='share of training samples (after warm-up) re-encoded as H.264 video at CRF 23-40 '
                             '(data.H264Pool); the --degrade-prob share is drawn from the rest')
    parser.add_argument('--retouch-prob', type=float, default=0.0,
                        help='share of training samples retouched first (augment.retouch: skin smoothing, blur or '
                             'sharpening), a pair alike: authentic faces retouched as often as manipulated ones')
    parser.add_argument('--source-shares', default='',
                        help='e.g. dfdc=0.55,lfw=0.25,gan=0.2: each source\'s share of the real and of the dataset-fake '
                             'samples (default: as the training split holds them)')
    parser.add_argument('--fake-weight', default='',
                        help='e.g. dfdc=3: the class-loss weight of a source\'s dataset fakes (default 1): raises the net\'s '
                             'prior on that source\'s faces, so that its fakes use the false-alarm budget its authentic faces '
                             'leave unused')
    parser.add_argument('--real-weight', default='',
                        help="e.g. gan=3: the class-loss weight of a source's authentic faces (default 1; gan: the FFHQ photos)")
    parser.add_argument('--pair-mask-weight', type=float, default=1.0,
                        help='weight in the mask loss of a DFDC fake\'s difference mask to its source frame (--paired-dfdc; '
                             'default 1, as an authentic face\'s or a self-blend\'s)')
    parser.add_argument('--exclude', action='append', default=[],
                        help='dataset folder left out of training (e.g. fake/lfw_faceswap_rees451): leave-one-source-out')
    parser.add_argument('--val-size', type=int, default=0,
                        help='validate each epoch on a seeded random subset of this many validation items (0: all)')
    parser.add_argument('--select', choices=('clean', 'mean', 'sbi', 'tasks'), default='clean',
                        help='best.pt criterion: validation AUC clean, the mean of the AUCs of every evaluation variant, '
                             '(multi-task) the mean of clean real-vs-self-blend AUC and self-blend mask IoU, '
                             'or (multi-task) the mean of clean real-vs-dataset-fake AUC, real-vs-self-blend AUC and mask IoU')


class Logger:
    def __init__(self, path):
        self.path = path

    def __call__(self, message: str) -> None:
        line = f'{time.strftime("%Y-%m-%d %H:%M:%S")} {message}'
        print(line, flush=True)
        with open(self.path, 'a') as f:
            f.write(line + '\n')


def build_model(arch: str) -> torch.nn.Module:
    return ARCHS[arch]().to(memory_format=torch.channels_last)


def split_output(output):
    """(class logit, mask logit or None, forgery-kind logit or None)."""
    output = output if isinstance(output, tuple) else (output,)
    return output + (None,) * (3 - len(output))


@torch.no_grad()
def predict(model, images: np.ndarray, batch_size: int = 64):
    """Raw class logits (no sigmoid, no temperature), mask probabilities and forgery-kind probabilities
    (each None when the model has no such output)."""
    model.eval()
    logits, masks, kinds = [], [], []
    for start in range(0, len(images), batch_size):
        logit, mask, kind = split_output(model(to_input(torch.from_numpy(np.asarray(images[start:start + batch_size])))))
        logits.append(logit[:, 0].numpy())
        if mask is not None:
            masks.append(torch.sigmoid(mask[:, 0]).numpy())
        if kind is not None:
            kinds.append(torch.sigmoid(kind[:, 0]).numpy())
    return np.concatenate(logits), (np.concatenate(masks) if masks else None), (np.concatenate(kinds) if kinds else None)


def target_masks(masks: np.ndarray, size: int) -> np.ndarray:
    """uint8 crop masks (N x 256 x 256, 0-255) at a mask output's size, 0-1."""
    return np.stack([cv2.resize(m, (size, size), interpolation=cv2.INTER_AREA) for m in masks]).astype(np.float32) / 255


def gan_kind_targets(eval_set: EvalSet) -> np.ndarray:
    """Forgery kind of each item of the eval set: 1 for a GAN face, 0 for a replaced or blended one
    (dataset swaps and self-blends, also those made from FFHQ photos), -1 for reals."""
    fake = eval_set.kinds != 'real'
    return np.where(fake, ((eval_set.kinds == 'fake') & (eval_set.sources == 'gan')).astype(np.int64), -1)


def catch_at_false_alarms(eval_set: EvalSet, p: np.ndarray, budget: float) -> dict:
    """The share of each source's dataset fakes at or above the lowest score that keeps every authentic source's share
    at or above it within budget (the moderate band's rule, models/train/bands.py, without its conditions)."""
    real = eval_set.kinds == 'real'
    cut = max(np.quantile(p[real & (eval_set.sources == s)], 1 - budget) for s in set(eval_set.sources[real]))
    fake = eval_set.kinds == 'fake'
    return {s: float((p[fake & (eval_set.sources == s)] > cut).mean()) for s in sorted(set(eval_set.sources[fake]))}


def summarise(eval_set: EvalSet, scores: dict, threshold: float = 0.5, masks=None, kind_probabilities=None) -> dict:
    """Per variant, from probabilities (and mask / forgery-kind probabilities) of the eval set: metrics over
    everything (real vs dataset fakes + self-blends), over real vs dataset fakes only, over real vs
    self-blends only, self-blend recall, per-group accuracy; with masks the mask IoU on self-blends and the
    share of authentic faces' mask above 0.5; with kinds, GAN vs replaced / blended over the fakes."""
    results = {}
    labels, kinds = eval_set.labels, eval_set.kinds
    dataset_only, sbi_only, sbi = kinds != 'sbi', kinds != 'fake', kinds == 'sbi'
    gan_targets = gan_kind_targets(eval_set)
    kind_scored = gan_targets >= 0
    for variant, p in scores.items():
        result = {'all': summary(labels, p, threshold),
                  'dataset': summary(labels[dataset_only], p[dataset_only], threshold),
                  'sources': {name: summary(labels[dataset_only & (eval_set.sources == name)], p[dataset_only & (eval_set.sources == name)], threshold)
                              for name in SOURCES if len(set(labels[dataset_only & (eval_set.sources == name)])) == 2},
                  'sbi': summary(labels[sbi_only], p[sbi_only], threshold),
                  'sbi_recall': float((p[sbi] >= threshold).mean()),
                  'groups': {g: float(((p[eval_set.groups == g] >= threshold) == labels[eval_set.groups == g]).mean())
                             for g in sorted(set(eval_set.groups))}}
        result['catch_at_5'] = catch_at_false_alarms(eval_set, p, 0.05)
        if masks is not None and masks.get(variant) is not None:
            variant_masks = masks[variant]
            result['mask_iou_sbi'] = mask_iou(variant_masks[sbi], target_masks(eval_set.masks[sbi], variant_masks.shape[-1]))
            result['mask_area_real'] = float((variant_masks[kinds == 'real'] > 0.5).mean())
        if kind_probabilities is not None and kind_probabilities.get(variant) is not None:
            result['kind'] = summary(gan_targets[kind_scored], kind_probabilities[variant][kind_scored], 0.5)
        results[variant] = result
    return results


def evaluate(model, eval_set: EvalSet, temperature: float = 1.0, threshold: float = 0.5, variants=EVAL_VARIANTS) -> dict:
    """summarise() of the model's predictions for each eval variant, plus 'scores' (probabilities per variant)
    and 'masks' (mask probabilities per variant, or None)."""
    predictions = {variant: predict(model, eval_set.images[variant]) for variant in variants}
    scores = {variant: probability(p[0], temperature) for variant, p in predictions.items()}
    results = summarise(eval_set, scores, threshold, {variant: p[1] for variant, p in predictions.items()},
                        {variant: p[2] for variant, p in predictions.items()})
    results['scores'] = scores
    results['masks'] = {variant: p[1] for variant, p in predictions.items()}
    return results


def _loss(model, images, labels, masks, mask_weights, gan_kinds, kind_weights, class_weights, mask_weight: float,
          hard_real_weight: float = 0.0):
    logit, mask_logit, kind_logit = split_output(model(images))
    class_loss = F.binary_cross_entropy_with_logits(logit[:, 0], labels, reduction='none')
    loss = (class_loss * class_weights).mean()
    real_loss = class_loss[labels == 0]
    if hard_real_weight and len(real_loss) >= 4:
        loss = loss + hard_real_weight * real_loss.topk(len(real_loss) // 4).values.mean()
    if mask_logit is not None:
        # Mask loss only where the mask is known: reals (all zero), self-blends and DFDC fakes one frame with their real.
        n = mask_weights.sum().clamp(min=1)
        bce = F.binary_cross_entropy_with_logits(mask_logit, masks, reduction='none').mean((1, 2, 3))
        prob = torch.sigmoid(mask_logit)
        dice = 1 - (2 * (prob * masks).sum((1, 2, 3)) + 1) / (prob.sum((1, 2, 3)) + masks.sum((1, 2, 3)) + 1)
        loss = loss + mask_weight * ((bce + dice) * mask_weights).sum() / n
    if kind_logit is not None:
        # Fakes only; GAN faces are a tenth of the fakes, so each kind present in the batch weighs half.
        gan, other = kind_weights * gan_kinds, kind_weights * (1 - gan_kinds)
        weights = gan / gan.sum().clamp(min=1) + other / other.sum().clamp(min=1)
        kind_loss = F.binary_cross_entropy_with_logits(kind_logit[:, 0], gan_kinds, reduction='none')
        loss = loss + (kind_loss * weights).sum() / weights.sum().clamp(min=1)
    return loss


def _per_source(spec: str) -> dict:
    """'dfdc=0.5,lfw=0.1' -> {'dfdc': 0.5, 'lfw': 0.1}"""
    return {k: float(v) for k, v in (x.split('=') for x in spec.split(',') if x)}


def _load_matching(model, weights: dict) -> list:
    """Loads the tensors whose name and shape match (an architecture variant keeps the rest as
    initialised); returns the names left out. A 1x1 convolution where the checkpoint has a k x k one starts
    from the kernel's spatial sum: the k x k convolution's response to a locally constant input."""
    own = model.state_dict()
    weights = {k: v.sum((2, 3), keepdim=True) if _narrowed_kernel(own.get(k), v) else v for k, v in weights.items()}
    matching = {k: v for k, v in weights.items() if k in own and own[k].shape == v.shape}
    model.load_state_dict(matching, strict=False)
    return sorted(set(own) - set(matching))


def _narrowed_kernel(own, theirs) -> bool:
    return (own is not None and own.dim() == 4 and theirs.dim() == 4 and own.shape[:2] == theirs.shape[:2]
            and own.shape[2:] == (1, 1) and theirs.shape[2:] != (1, 1))


def _save(path, state) -> None:
    torch.save(state, f'{path}.tmp')
    os.replace(f'{path}.tmp', path)


def _epoch_line(epoch, train_loss, seconds, samples, val) -> str:
    parts = [f'epoch {epoch}', f'train_loss {train_loss:.4f}', f'{samples / seconds:.1f} img/s']
    for variant in EVAL_VARIANTS:
        v = val[variant]
        parts.append(f'val[{variant}] auc {v["all"]["auc"]:.4f} eer {v["all"]["eer"]:.4f} acc {v["all"]["acc"]:.4f}'
                     f' auc_dataset {v["dataset"]["auc"]:.4f} auc_sbi {v["sbi"]["auc"]:.4f} '
                     + ' '.join(f'{name} {s["auc"]:.4f}' for name, s in v['sources'].items()))
        parts.append('caught at 5 % authentic ' + ' '.join(f'{s} {r:.3f}' for s, r in v['catch_at_5'].items()))
        if 'mask_iou_sbi' in v:
            parts.append(f'mask_iou {v["mask_iou_sbi"]:.3f} mask_area_real {v["mask_area_real"]:.3f}')
        if 'kind' in v:
            parts.append(f'kind auc {v["kind"]["auc"]:.4f} balanced_acc {v["kind"]["balanced_acc"]:.4f}')
    return ' | '.join(parts)


def run(arch: str, args: argparse.Namespace) -> None:
    setup_cpu()
    name = args.name or arch
    out_dir = WORK_DIR / name
    out_dir.mkdir(parents=True, exist_ok=True)
    log = Logger(out_dir / 'train.log')
    started = time.time()

    model = build_model(arch)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs, eta_min=args.lr * 0.02)
    state = {'epoch': 0, 'best_auc': -1.0, 'history': []}
    last_path, best_path = out_dir / 'last.pt', out_dir / 'best.pt'
    if args.resume and last_path.exists():
        checkpoint = torch.load(last_path)
        model.load_state_dict(checkpoint['model'])
        optimizer.load_state_dict(checkpoint['optimizer'])
        scheduler.load_state_dict(checkpoint['scheduler'])
        torch.set_rng_state(checkpoint['rng']['torch'])
        np.random.set_state(checkpoint['rng']['numpy'])
        random.setstate(checkpoint['rng']['python'])
        state = {k: checkpoint[k] for k in state}
        log(f'resumed {name} after epoch {state["epoch"]}')
    elif getattr(args, 'init_from', None):
        skipped = _load_matching(model, torch.load(args.init_from)['model'])
        log(f'initialised {name} from {args.init_from}' + (f' (new, not loaded: {", ".join(skipped)})' if skipped else ''))
    if state['epoch'] >= args.epochs:
        log(f'{name}: all {args.epochs} epochs done')
        return

    train_store = load_split('train')
    h264_pool = load_h264_pool('train', train_store) if args.h264_prob else None
    val_set = build_eval_set('val').without(args.exclude).sample(args.val_size)
    log(f'{name}: arch {arch}, {param_count(model)} params, train crops {len(train_store.records)} '
        f'(skipped, no face: {train_store.skipped}), val samples {len(val_set.labels)} '
        f'(skipped: {val_set.store.skipped}), args {json.dumps(vars(args))}')
    dataset = TrainSet(train_store, args.epoch_size, mask_size=model.mask_size or 64,
                       clean_epochs=args.clean_epochs, degrade_prob=args.degrade_prob,
                       seed=getattr(args, 'data_seed', SEED), sbi_share=getattr(args, 'sbi_share', 0.5),
                       strong_sbi_epochs=getattr(args, 'strong_sbi_epochs', 0),
                       degradation=getattr(args, 'degrade', 'standard'),
                       paired_sbi=getattr(args, 'paired_sbi', False), h264_pool=h264_pool, h264_prob=args.h264_prob,
                       source_shares=_per_source(args.source_shares),
                       exclude=args.exclude,
                       dfdc_pairs=load_pairs('train', train_store) if getattr(args, 'paired_dfdc', False) else None,
                       retouch_prob=getattr(args, 'retouch_prob', 0.0),
                       fake_weights=_per_source(getattr(args, 'fake_weight', '')),
                       real_weights=_per_source(getattr(args, 'real_weight', '')),
                       pair_mask_weight=getattr(args, 'pair_mask_weight', 1.0))
    select = getattr(args, 'select', 'clean')

    for epoch in range(state['epoch'] + 1, args.epochs + 1):
        release_freed_memory()
        dataset.set_epoch(epoch)
        model.train()
        epoch_start, total, seen = time.time(), 0.0, 0
        for step, (images, labels, masks, mask_weights, gan_kinds, kind_weights, class_weights) in enumerate(train_loader(dataset, args.batch_size)):
            loss = _loss(model, to_input(images), labels, masks, mask_weights, gan_kinds, kind_weights, class_weights,
                         args.mask_weight, getattr(args, 'hard_real_weight', 0.0))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(labels)
            seen += len(labels)
            if step % 50 == 0:
                print(f'  epoch {epoch} step {step} loss {loss.item():.4f} {seen / (time.time() - epoch_start):.1f} img/s', flush=True)
        scheduler.step()
        train_seconds = time.time() - epoch_start
        val = evaluate(model, val_set)
        val.pop('scores')
        val.pop('masks')
        state['epoch'] = epoch
        state['history'].append({'epoch': epoch, 'train_loss': total / seen, 'train_img_s': seen / train_seconds,
                                 'seconds': time.time() - epoch_start,
                                 'lr': optimizer.param_groups[0]['lr'], 'val': val})
        score = val['clean']['all']['auc']
        if select == 'mean':
            score = float(np.mean([val[variant]['all']['auc'] for variant in EVAL_VARIANTS]))
        elif select == 'sbi':
            score = (val['clean']['sbi']['auc'] + val['clean']['mask_iou_sbi']) / 2
        elif select == 'tasks':
            tasks = [val['clean']['dataset']['auc'], val['clean']['sbi']['auc'], val['clean']['mask_iou_sbi']]
            if 'kind' in val['clean']:
                tasks.append(val['clean']['kind']['balanced_acc'])
            score = float(np.mean(tasks))
        is_best = score > state['best_auc']
        if is_best:
            state['best_auc'] = score
            _save(best_path, {'arch': arch, 'model': model.state_dict(), 'epoch': epoch, 'val': val})
        _save(last_path, {**state, 'arch': arch, 'model': model.state_dict(), 'optimizer': optimizer.state_dict(),
                          'scheduler': scheduler.state_dict(), 'args': vars(args),
                          'rng': {'torch': torch.get_rng_state(), 'numpy': np.random.get_state(), 'python': random.getstate()}})
        log(_epoch_line(epoch, total / seen, train_seconds, seen, val) + (' *best' if is_best else '')
            + f' | epoch {time.time() - epoch_start:.0f}s')
        if getattr(args, 'stop_after_epoch', 0) and epoch >= args.stop_after_epoch and epoch < args.epochs:
            log(f'stopping after epoch {epoch} (--stop-after-epoch)')
            break
        elapsed_min = (time.time() - started) / 60
        if args.time_budget_min and elapsed_min > args.time_budget_min and epoch < args.epochs:
            log(f'time budget {args.time_budget_min} min exceeded ({elapsed_min:.1f} min): stopping after epoch {epoch}')
            break
    log(f'{name}: finished at epoch {state["epoch"]}, best val AUC {state["best_auc"]:.4f}, '
        f'{(time.time() - started) / 60:.1f} min this run')
