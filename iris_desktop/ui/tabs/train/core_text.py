"""The core's words as the Train tab shows them, in the user's language.

The core (pipelines/algorithms.py, registry_overview.py, training.py, domain.py) keeps
its text English: the command line prints it. Here each piece is looked up by the core's
identifier (an algorithm's key, a parameter's name, a choice's value, a progress step's
text) in tables marked for lupdate; anything the tables do not know is shown as the
core has it. The English output is the core's, letter for letter."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QLocale

from iris_desktop.pipelines.algorithms import ALGORITHMS, Algorithm, Param
from iris_desktop.pipelines.legacy_models import NEEDS_RETRAINING
from iris_desktop.ui.runtime.i18n import Text, tr
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

ALGORITHM_NAMES = {
    "knn": QT_TR_NOOP("k-nearest neighbours"),
    "logreg": QT_TR_NOOP("Logistic regression"),
    "tree": QT_TR_NOOP("Decision tree"),
    "forest": QT_TR_NOOP("Random forest"),
    "svm": QT_TR_NOOP("SVM (RBF kernel)"),
}

# (algorithm, parameter) -> (label, help)
PARAMS = {
    ("knn", "n_neighbors"): (
        QT_TR_NOOP("Neighbours (k)"),
        QT_TR_NOOP("How many of the nearest training flowers vote; an odd k avoids ties"),
    ),
    ("knn", "weights"): (
        QT_TR_NOOP("Weights"),
        QT_TR_NOOP("uniform: one vote each; distance: nearer flowers count more"),
    ),
    ("knn", "metric"): (QT_TR_NOOP("Metric"), QT_TR_NOOP("How distance between two flowers is measured")),
    ("knn", "p"): (
        QT_TR_NOOP("Minkowski p"),
        QT_TR_NOOP("The power of the Minkowski distance: 1 = Manhattan, 2 = Euclidean"),
    ),
    ("logreg", "C"): (
        QT_TR_NOOP("C (inverse regularisation)"),
        QT_TR_NOOP("Smaller C: stronger regularisation, smoother boundaries"),
    ),
    ("logreg", "max_iter"): (QT_TR_NOOP("Max iterations"), QT_TR_NOOP("The solver stops after this many iterations")),
    ("tree", "max_depth"): (
        QT_TR_NOOP("Max depth"),
        QT_TR_NOOP("How many questions deep the tree may grow (no limit: until leaves are pure)"),
    ),
    ("tree", "min_samples_leaf"): (
        QT_TR_NOOP("Min samples per leaf"),
        QT_TR_NOOP("Every leaf keeps at least this many training flowers"),
    ),
    ("tree", "criterion"): (QT_TR_NOOP("Criterion"), QT_TR_NOOP("How the quality of a split is measured")),
    ("forest", "n_estimators"): (QT_TR_NOOP("Trees"), QT_TR_NOOP("How many trees vote")),
    ("forest", "max_depth"): (
        QT_TR_NOOP("Max depth"),
        QT_TR_NOOP("How deep each tree may grow (no limit: until leaves are pure)"),
    ),
    ("forest", "min_samples_leaf"): (
        QT_TR_NOOP("Min samples per leaf"),
        QT_TR_NOOP("Every leaf keeps at least this many training flowers"),
    ),
    ("svm", "C"): ("C", QT_TR_NOOP("Smaller C: a softer margin, smoother boundaries")),
    ("svm", "gamma"): (
        QT_TR_NOOP("Gamma"),
        QT_TR_NOOP("The kernel's reach: scale uses the data's variance, auto 1 / features"),
    ),
}

# (parameter, value) -> the choice as the form lists it; scikit-learn's own names that
# read the same in any language (minkowski, gini, scale...) are not in the table.
CHOICES = {
    ("weights", "uniform"): QT_TR_NOOP("uniform"),
    ("weights", "distance"): QT_TR_NOOP("distance"),
    ("metric", "euclidean"): QT_TR_NOOP("euclidean"),
    ("criterion", "entropy"): QT_TR_NOOP("entropy"),
}

# The registry's "key parameters": parameter -> "name=value" in words; the weights by value.
SHORT = {
    "max_iter": QT_TR_NOOP("max iter={value}"),
    "max_depth": QT_TR_NOOP("depth={value}"),
    "min_samples_leaf": QT_TR_NOOP("leaf={value}"),
    "n_estimators": QT_TR_NOOP("trees={value}"),
}
WEIGHTED = {"uniform": QT_TR_NOOP("uniform-weighted"), "distance": QT_TR_NOOP("distance-weighted")}
NO_LIMIT = QT_TR_NOOP("No limit")

FILE_PROBLEMS = {
    "file missing": QT_TR_NOOP("file missing"),
    "file altered": QT_TR_NOOP("file altered"),
    "file outside the models folder": QT_TR_NOOP("file outside the models folder"),
    "file unreadable": QT_TR_NOOP("file unreadable"),
    NEEDS_RETRAINING.removeprefix("it "): QT_TR_NOOP("needs retraining"),
}

# A training's and a validation curve's steps (pipelines/training.py, knn_curve.py).
STEPS = {
    "Loading the training data": QT_TR_NOOP("Loading the training data"),
    "Fitting the final model": QT_TR_NOOP("Fitting the final model"),
    "Evaluating on the test set": QT_TR_NOOP("Evaluating on the test set"),
    "Saving to the registry": QT_TR_NOOP("Saving to the registry"),
    "Validation curve done": QT_TR_NOOP("Validation curve done"),
}
NUMBERED_STEPS = (
    (re.compile(r"Cross-validation fold (\d+) of (\d+)"), QT_TR_NOOP("Cross-validation fold {fold} of {folds}")),
    (re.compile(r"Validation curve: fold (\d+) of (\d+)"), QT_TR_NOOP("Validation curve: fold {fold} of {folds}")),
)
REGISTERED_STEP = re.compile(r"Registered model v(\d+)")


def algorithm_name(key: str) -> str:
    """An algorithm's name ("Random forest"); an unknown key as it is."""
    if key in ALGORITHM_NAMES:
        return tr(ALGORITHM_NAMES[key])
    return ALGORITHMS[key].name if key in ALGORITHMS else key


def param_label(algo: Algorithm, spec: Param) -> str:
    texts = PARAMS.get((algo.key, spec.name))
    return tr(texts[0]) if texts else spec.label


def param_help(algo: Algorithm, spec: Param) -> str:
    texts = PARAMS.get((algo.key, spec.name))
    return tr(texts[1]) if texts else spec.help


def choice_label(name: str, value: Any) -> str:
    """A choice as the form lists it ("distance", "avstånd"); others as scikit-learn spells them."""
    text = CHOICES.get((name, value))
    return tr(text) if text else str(value)


def no_limit() -> str:
    return tr(NO_LIMIT)


def value_text(spec: Param, value: Any) -> str:
    """A parameter's value in words: a choice's label, no limit, or the number (a decimal
    comma in Swedish)."""
    if value is None:
        return no_limit().lower()
    if spec.kind == "choice":
        return choice_label(spec.name, value)
    return str(value).replace(".", QLocale().decimalPoint()) if isinstance(value, float) else str(value)


def key_parameters(record) -> str:
    """registry_overview.key_parameters in the user's language, e.g. "k=5,
    distance-weighted, manhattan, raw cm"."""
    from iris_desktop.pipelines.registry_overview import key_parameters as english

    algo = ALGORITHMS.get(record.algorithm)
    if algo is None:
        return english(record)
    parts = []
    for spec in algo.params:
        if not spec.short or spec.name not in record.params or not algo.applies(spec, record.params):
            continue
        value = record.params[spec.name]
        if not spec.key and value == spec.default:
            continue
        parts.append(_short(spec, value))
    parts.append(tr("standardised") if record.standardize else tr("raw cm"))
    return ", ".join(part for part in parts if part)


def _short(spec: Param, value: Any) -> str:
    if spec.name == "weights" and value in WEIGHTED:
        return tr(WEIGHTED[value])
    text: str
    if value is None:
        text = tr("no limit")
    elif isinstance(value, float):
        text = Text("{value:g}").format(value=value)
    else:
        text = choice_label(spec.name, value) if spec.kind == "choice" else str(value)
    if spec.name in SHORT:
        return tr(SHORT[spec.name]).format(value=text)
    return spec.short.format(text) if "{" in spec.short else f"{spec.short}={text}"


def lineage(entry) -> str:
    """registry_overview.lineage in the user's language."""
    parts = []
    parent = entry.record.metrics.get("retrained_from")
    if parent:
        parts.append(tr("retrained from v{version}").format(version=parent))
    if entry.same_data_as:
        versions = ", ".join(f"v{v}" for v in entry.same_data_as[-3:])
        parts.append(tr("same data as {versions}").format(versions=versions))
    return "; ".join(parts)


def warning_texts(entry) -> list[str]:
    """What is wrong with a version's file or library, in short (RegistryEntry.warnings)."""
    found = []
    if entry.file_problem:
        found.append(file_problem(entry.file_problem))
    if entry.library_warning:
        found.append(library_warning(entry) or entry.library_warning)
    return found


def file_problem(short: str) -> str:
    """ "file missing", "file altered"... in the user's language."""
    known = FILE_PROBLEMS.get(short)
    return tr(known) if known else short


def library_warning(entry) -> str | None:
    """ "saved with scikit-learn X (this is Y)" when that is what the core said."""
    import sklearn

    saved = entry.record.library_versions.get("scikit-learn")
    if not saved or entry.library_warning != f"saved with scikit-learn {saved} (this is {sklearn.__version__})":
        return None
    return tr("saved with scikit-learn {saved} (this is {current})").format(saved=saved, current=sklearn.__version__)


def step_text(text: str) -> str:
    """A training's or a curve's progress step, translated when it is one the core says."""
    if text in STEPS:
        return tr(STEPS[text])
    registered = REGISTERED_STEP.fullmatch(text)
    if registered:
        return tr("Registered model v{version}").format(version=registered.group(1))
    for pattern, template in NUMBERED_STEPS:
        numbered = pattern.fullmatch(text)
        if numbered:
            return tr(template).format(fold=numbered.group(1), folds=numbered.group(2))
    return text


def source_names(sources) -> str:
    """A version's sources ("backfill, import") in the user's language, as Explore names them."""
    names = {
        "backfill": tr("backfill", "source of a flower"),
        "import": tr("import", "source of a flower"),
        "daily": tr("daily", "source of a flower"),
    }
    return ", ".join(names.get(source, source) for source in sources)
