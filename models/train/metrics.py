"""Binary detection metrics (label 1 = fake) without scikit-learn."""
import numpy as np
from scipy.stats import rankdata


def probability(logits, temperature: float = 1.0) -> np.ndarray:
    """sigmoid(logit / T): a calibrated probability of manipulation."""
    return 1 / (1 + np.exp(-np.asarray(logits) / temperature))


def auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney U, ties counted half)."""
    labels = np.asarray(labels).astype(bool)
    n_pos, n_neg = labels.sum(), (~labels).sum()
    if n_pos == 0 or n_neg == 0:
        return float('nan')
    ranks = rankdata(scores)
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def eer(labels: np.ndarray, scores: np.ndarray):
    """Equal error rate and the score threshold where false-positive and false-negative rates meet."""
    labels = np.asarray(labels).astype(bool)
    thresholds = np.unique(scores)
    fpr = np.array([(scores[~labels] >= t).mean() for t in thresholds])
    fnr = np.array([(scores[labels] < t).mean() for t in thresholds])
    i = int(np.argmin(np.abs(fpr - fnr)))
    return float((fpr[i] + fnr[i]) / 2), float(thresholds[i])


def accuracy(labels: np.ndarray, scores: np.ndarray, threshold: float) -> float:
    return float(((scores >= threshold) == np.asarray(labels).astype(bool)).mean())


def balanced_accuracy(labels: np.ndarray, scores: np.ndarray, threshold: float) -> float:
    labels = np.asarray(labels).astype(bool)
    return float(((scores[labels] >= threshold).mean() + (scores[~labels] < threshold).mean()) / 2)


def summary(labels, scores, threshold=0.5) -> dict:
    labels, scores = np.asarray(labels), np.asarray(scores, np.float64)
    eer_value, eer_threshold = eer(labels, scores)
    return {'auc': auc(labels, scores), 'eer': eer_value, 'eer_threshold': eer_threshold,
            'acc': accuracy(labels, scores, threshold), 'balanced_acc': balanced_accuracy(labels, scores, threshold),
            'n_real': int((labels == 0).sum()), 'n_fake': int((labels == 1).sum())}


def mask_iou(pred: np.ndarray, target: np.ndarray, threshold=0.5) -> float:
    """Mean per-sample IoU of pred > threshold and target > threshold (N x H x W)."""
    p, t = pred > threshold, target > threshold
    inter = (p & t).sum((1, 2))
    union = (p | t).sum((1, 2))
    return float(np.where(union > 0, inter / np.maximum(union, 1), 1.0).mean())
