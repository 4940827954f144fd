"""How a model is named on screen, the same everywhere (tab header, status bar, menus)."""

from __future__ import annotations

import math
import typing

from iris_desktop.pipelines.algorithms import ALGORITHMS
from iris_desktop.ui.runtime.i18n import tr

if typing.TYPE_CHECKING:  # PySide6's stub returns `object`: the marked literal is a str

    def QT_TR_NOOP(message: str, /) -> str: ...

else:
    from PySide6.QtCore import QT_TR_NOOP

# pipelines/algorithms.py's names, by the algorithm's key (the core writes English).
ALGORITHM_NAMES = {
    "knn": QT_TR_NOOP("k-nearest neighbours"),
    "logreg": QT_TR_NOOP("Logistic regression"),
    "tree": QT_TR_NOOP("Decision tree"),
    "forest": QT_TR_NOOP("Random forest"),
    "svm": QT_TR_NOOP("SVM (RBF kernel)"),
}


def algorithm_name(key: str) -> str:
    """The name of algorithm `key` in the user's language (the key itself if unknown)."""
    if key in ALGORITHM_NAMES:
        return tr(ALGORITHM_NAMES[key])
    return ALGORITHMS[key].name if key in ALGORITHMS else key


def _detail(algorithm: str, p: dict) -> str:
    """The parameters worth naming: "k=5, distance-weighted", "max depth 3"."""
    if algorithm == "knn":
        if p.get("weights") == "distance":
            return tr("k={k}, distance-weighted").format(k=p.get("n_neighbors"))
        return f"k={p.get('n_neighbors')}"
    if algorithm in ("logreg", "svm"):
        return f"C={p.get('C')}"
    if algorithm == "tree":
        depth = p.get("max_depth")
        return tr("max depth {depth}").format(depth=depth) if depth else tr("max depth unlimited")
    if algorithm == "forest":
        return tr("{count} trees").format(count=p.get("n_estimators"))
    return ""


def describe_record(record) -> str:
    """e.g. "Model v3 · k-nearest neighbours (k=5) · test accuracy 96.7%"."""
    name = algorithm_name(record.algorithm)
    detail = _detail(record.algorithm, record.params)
    if record.standardize:
        detail = tr("{detail}, standardised").format(detail=detail) if detail else tr("standardised")
    accuracy = record.accuracy if math.isfinite(record.accuracy) else None
    if detail and accuracy is not None:
        text = tr("Model v{version} · {name} ({detail}) · test accuracy {accuracy:.1%}")
    elif detail:
        text = tr("Model v{version} · {name} ({detail})")
    elif accuracy is not None:
        text = tr("Model v{version} · {name} · test accuracy {accuracy:.1%}")
    else:
        text = tr("Model v{version} · {name}")
    return text.format(version=record.version, name=name, detail=detail, accuracy=accuracy)


def describe_model(model) -> str:
    return describe_record(model.record)
