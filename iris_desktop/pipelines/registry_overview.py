"""The registry as the Train tab and `iris-desktop models` / `compare` show it: each
version with its file checked (hash only, nothing built from it), its key parameters in
a few words, its lineage, and two versions side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from iris_desktop.pipelines.legacy_models import LEGACY_SUFFIX, NEEDS_RETRAINING
from iris_desktop.pipelines.registry import ModelLoadError, read_artifact
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from iris_desktop.store.registry import ModelRecord


@dataclass(frozen=True)
class RegistryEntry:
    """One version with what can be said about it without loading its file."""

    record: ModelRecord
    file_problem: str | None = None  # "file missing", "file altered", ...: not loadable
    file_detail: str | None = None  # the whole explanation, with what to do
    library_warning: str | None = None  # saved by another scikit-learn
    same_data_as: tuple[int, ...] = ()  # earlier versions trained on the same rows

    @property
    def warnings(self) -> list[str]:
        return [w for w in (self.file_problem, self.library_warning) if w]


def file_problem(store: Store, record: ModelRecord) -> tuple[str, str] | None:
    """(short, full) text if the version's file is missing, altered or unreadable. (A
    file in the format before 0.2 that matches is converted when first loaded; one that
    does not can never be: the version needs retraining.)"""
    try:
        read_artifact(store, record)
    except ModelLoadError as exc:
        text = str(exc)
        if record.artifact.endswith(LEGACY_SUFFIX):
            return NEEDS_RETRAINING.removeprefix("it "), f"{text} (Its file is in the format before 0.2.)"
        short = (
            "file missing"
            if "missing" in text
            else "file altered"
            if "SHA-256" in text
            else "file outside the models folder"
            if "outside" in text
            else "file unreadable"
        )
        return short, text
    return None


def library_warning(record: ModelRecord) -> str | None:
    import sklearn

    saved = record.library_versions.get("scikit-learn")
    if saved and saved != sklearn.__version__:
        return f"saved with scikit-learn {saved} (this is {sklearn.__version__})"
    return None


def registry_entries(store: Store) -> list[RegistryEntry]:
    """Every version, oldest first, with its file checked (hash only) and its lineage."""
    entries: list[RegistryEntry] = []
    first_with: dict[str, list[int]] = {}
    for record in rows.list_models(store):
        short, detail = file_problem(store, record) or (None, None)
        same = first_with.setdefault(record.data_fingerprint, [])
        entries.append(RegistryEntry(record, short, detail, library_warning(record), tuple(same)))
        same.append(record.version)
    return entries


def key_parameters(record: ModelRecord) -> str:
    """e.g. "k=5, distance-weighted, standardised"."""
    from iris_desktop.pipelines.algorithms import ALGORITHMS

    spec = ALGORITHMS.get(record.algorithm)
    text = spec.summary(record.params) if spec else ", ".join(f"{k}={v}" for k, v in record.params.items())
    return ", ".join(filter(None, [text, "standardised" if record.standardize else "raw cm"]))


def lineage(entry: RegistryEntry) -> str:
    parts = []
    parent = entry.record.metrics.get("retrained_from")
    if parent:
        parts.append(f"retrained from v{parent}")
    if entry.same_data_as:
        parts.append("same data as " + ", ".join(f"v{v}" for v in entry.same_data_as[-3:]))
    return "; ".join(parts)


def compare(a: ModelRecord, b: ModelRecord) -> list[tuple[str, str, str]]:
    """(what, version a's value, version b's value) rows: settings, then metrics."""
    from iris_desktop.pipelines.algorithms import ALGORITHMS

    def name(r: ModelRecord) -> str:
        return ALGORITHMS[r.algorithm].name if r.algorithm in ALGORITHMS else r.algorithm

    def pct(value: float | None) -> str:
        return "—" if value is None or not np.isfinite(value) else f"{value:.1%}"

    def both(what: str, text: Callable[[ModelRecord], str]) -> tuple[str, str, str]:
        return what, text(a), text(b)

    same_data = "yes" if a.data_fingerprint == b.data_fingerprint else "no"

    table = [
        ("Version", f"v{a.version}", f"v{b.version}"),
        ("Created (UTC)", a.created_at[:19].replace("T", " "), b.created_at[:19].replace("T", " ")),
        ("Algorithm", name(a), name(b)),
    ]
    for key in dict.fromkeys([*a.params, *b.params]):
        table.append((key, str(a.params.get(key, "—")), str(b.params.get(key, "—"))))
    table += [
        ("Standardised", "yes" if a.standardize else "no", "yes" if b.standardize else "no"),
        ("Sources", ", ".join(a.sources), ", ".join(b.sources)),
        ("Rows stored", str(a.n_rows), str(b.n_rows)),
        both("Duplicates dropped", lambda r: str(r.metrics.get("duplicates_dropped", "—"))),
        ("Same data", same_data, same_data),
        both("Retrained from", lambda r: f"v{r.metrics['retrained_from']}" if r.metrics.get("retrained_from") else "—"),
        (
            "Split seed / test fraction",
            f"{a.split_seed} / {a.test_fraction:g}",
            f"{b.split_seed} / {b.test_fraction:g}",
        ),
        both("Train / test rows", lambda r: f"{r.metrics.get('n_train', '—')} / {r.metrics.get('n_test', '—')}"),
        ("Test accuracy", pct(a.accuracy), pct(b.accuracy)),
        ("Macro F1", pct(a.metrics.get("macro_f1")), pct(b.metrics.get("macro_f1"))),
        both("CV accuracy", _cv_text),
        ("Train accuracy", pct(a.metrics.get("train_accuracy")), pct(b.metrics.get("train_accuracy"))),
        ("scikit-learn", a.library_versions.get("scikit-learn", "?"), b.library_versions.get("scikit-learn", "?")),
    ]
    return table


def _cv_text(record: ModelRecord) -> str:
    m = record.metrics
    mean, std = m.get("cv_mean"), m.get("cv_std")
    if mean is None or not np.isfinite(mean):
        return "—"
    return f"{mean:.1%} ± {std:.1%} ({m.get('cv_folds') or len(m.get('cv_scores', []))} folds)"
