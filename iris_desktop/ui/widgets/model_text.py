"""How a model is named on screen, the same everywhere (tab header, status bar, menus)."""

from __future__ import annotations

import math

from iris_desktop.pipelines.algorithms import ALGORITHMS


def describe_record(record) -> str:
    """e.g. "Model v3 · k-nearest neighbours (k=5) · test accuracy 96.7%"."""
    p = record.params
    name = ALGORITHMS[record.algorithm].name if record.algorithm in ALGORITHMS else record.algorithm
    detail = {
        "knn": f"k={p.get('n_neighbors')}" + (", distance-weighted" if p.get("weights") == "distance" else ""),
        "logreg": f"C={p.get('C')}",
        "tree": f"max depth {p.get('max_depth') or 'unlimited'}",
        "forest": f"{p.get('n_estimators')} trees",
        "svm": f"C={p.get('C')}",
    }.get(record.algorithm, "")
    if record.standardize:
        detail = f"{detail}, standardised" if detail else "standardised"
    text = f"Model v{record.version} · {name}" + (f" ({detail})" if detail else "")
    if math.isfinite(record.accuracy):
        text += f" · test accuracy {record.accuracy:.1%}"
    return text


def describe_model(model) -> str:
    return describe_record(model.record)
