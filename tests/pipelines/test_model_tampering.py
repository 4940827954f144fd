"""Model files altered with their SHA-256 updated in the registry (as a hostile backup
archive would carry them): a dangerous type is refused without running anything, and
arrays that C code indexes with are checked or rebuilt, so a load never crashes or hangs
the process. The loads run in a child process: a segfault fails the test, not the run."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.preprocessing import FunctionTransformer

from iris_desktop.pipelines import registry
from iris_desktop.pipelines.model_format import TRUSTED_TYPES
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import registry as rows

try:
    import resource
except ImportError:  # Windows, which writes no core files anyway
    resource = None

ROOT = Path(__file__).resolve().parents[2]
# A crashing child must not leave a core file (preexec_fn exists on POSIX only).
NO_CORE_FILE = (lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0))) if resource else None
FLOWERS = [[5.1, 3.5, 1.4, 0.2], [5.9, 3.0, 4.2, 1.5], [6.5, 3.0, 5.8, 2.2], [6.0, 2.7, 5.0, 1.6]]


def _payload(store, version):
    record = rows.get_model(store, version)
    data = (store.models_dir / record.artifact).read_bytes()
    return sio.loads(data, trusted=list(TRUSTED_TYPES))  # what a hostile archive's author can do too


def _save(store, version, payload, **row):
    """Write `payload` as the file of `version`, with its SHA-256 in the row."""
    record = rows.get_model(store, version)
    data = sio.dumps(payload, compression=zipfile.ZIP_DEFLATED)
    (store.models_dir / record.artifact).write_bytes(data)
    sets = ", ".join(f"{k} = ?" for k in ["sha256", *row])
    store.execute(
        f"UPDATE models SET {sets} WHERE version = ?", (hashlib.sha256(data).hexdigest(), *row.values(), version)
    )


def _load_in_a_child(store, versions):
    """{version: ("loaded", probabilities) or ("refused", message)} from a child process."""
    code = textwrap.dedent(
        f"""
        import json
        from iris_desktop.store import Store
        from iris_desktop.pipelines import registry
        with Store.open({str(store.path)!r}, {str(store.models_dir)!r}) as s:
            for v in {list(versions)!r}:
                try:
                    model = registry.load_model(s, v)
                    print(json.dumps([v, "loaded", model.predict_proba({FLOWERS!r}).tolist()]), flush=True)
                except registry.ModelLoadError as exc:
                    print(json.dumps([v, "refused", str(exc)]), flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        preexec_fn=NO_CORE_FILE,
    )
    results = {v: (what, value) for v, what, value in map(json.loads, done.stdout.splitlines())}
    assert done.returncode == 0, f"the child died ({done.returncode}) after {sorted(results)}: {done.stderr[-2000:]}"
    return results


def _inner_nodes(nodes):
    return np.flatnonzero(nodes["left_child"] != -1)


def _tampered_tree(store, version, change):
    payload = _payload(store, version)
    tree = payload["estimator"].tree_
    state = tree.__getstate__()
    nodes = state["nodes"].copy()
    change(nodes)
    tree.__setstate__(dict(state, nodes=nodes))
    _save(store, version, payload)


def _far_child(nodes):
    nodes["right_child"][_inner_nodes(nodes)[-1]] = 10**9


def _child_to_parent(nodes):
    inner = _inner_nodes(nodes)
    parent = next(p for p in inner if nodes["left_child"][p] in inner)
    nodes["left_child"][nodes["left_child"][parent]] = parent  # its child's child is itself: a loop


def _bad_feature(nodes):
    nodes["feature"][_inner_nodes(nodes)[0]] = 99


@pytest.fixture
def tampered(trained_store):
    """Versions 2-13, each altered in one way, their SHA-256 updated; v1 (KNN) intact."""
    s = trained_store
    for config in [TrainingConfig("tree")] * 3 + [TrainingConfig("forest", {"n_estimators": 20})] * 2:
        train(s, config, activate=False)  # v2-v6
    for config in [TrainingConfig("svm", standardize=True)] * 3 + [TrainingConfig("logreg", standardize=True)] * 2:
        train(s, config, activate=False)  # v7-v11
    train(s, TrainingConfig(standardize=True), activate=False)  # v12 KNN
    train(s, TrainingConfig(), activate=False)  # v13 KNN
    _tampered_tree(s, 2, _far_child)
    _tampered_tree(s, 3, _child_to_parent)
    _tampered_tree(s, 4, _bad_feature)
    forest = _payload(s, 5)
    _far_child(forest["forest"]["nodes"][0])
    _save(s, 5, forest)
    forest = _payload(s, 6)
    forest["forest"]["node_counts"][0] += 5
    _save(s, 6, forest)
    svm = _payload(s, 7)
    svm["estimator"].steps[-1][1].calibrated_classifiers_[0].estimator._n_support[0] += 100
    _save(s, 7, svm)
    svm = _payload(s, 8)
    svm["estimator"].steps[-1][1].calibrated_classifiers_[0].estimator.support_vectors_[0, 0] = np.inf
    _save(s, 8, svm)
    svm = _payload(s, 9)
    svm["estimator"].steps[-1][1].calibrated_classifiers_[0].estimator._impl = "one_class"
    _save(s, 9, svm)
    logreg = _payload(s, 10)
    logreg["estimator"].steps[0][1].scale_[2] = 0.0
    _save(s, 10, logreg)
    logreg = _payload(s, 11)
    logreg["estimator"].steps[-1][1].coef_ = logreg["estimator"].steps[-1][1].coef_[:2]
    _save(s, 11, logreg)
    knn = _payload(s, 12)
    knn["estimator"].steps[-1][1]._y[3] = 7
    _save(s, 12, knn)
    knn = _payload(s, 13)
    knn["estimator"]._fit_X[0, 0] = np.nan
    _save(s, 13, knn)
    return s


def test_tampered_arrays_are_refused_and_nothing_crashes(tampered):
    expected = {
        2: "a child out of range or before its parent",
        3: "a child out of range or before its parent",
        4: "a measurement that does not exist",
        5: "a child out of range or before its parent",
        6: "sizes do not add up",
        7: "support counts",
        8: "support vectors are not all finite",
        9: "overrides _impl",
        10: "divides by zero",
        11: "coefficients are not a",
        12: "labels are out of range",
        13: "rows are not all finite",
    }
    results = _load_in_a_child(tampered, [1, *expected])
    assert results[1][0] == "loaded"
    for version, problem in expected.items():
        what, message = results[version]
        assert what == "refused", (version, message)
        assert f"model v{version}: its file is damaged or was altered: " in message and problem in message
        assert "it was not loaded" in message and f"retrain {version}" in message


def test_the_tree_tampering_would_crash_without_the_checks(tampered):
    """The control: what the checks prevent (a child index of 10^9 read out of bounds)."""
    record = rows.get_model(tampered, 2)
    code = textwrap.dedent(
        f"""
        import skops.io as sio
        from iris_desktop.pipelines.model_format import TRUSTED_TYPES
        payload = sio.load({str(tampered.models_dir / record.artifact)!r}, trusted=list(TRUSTED_TYPES))
        for _ in range(200):
            payload["estimator"].predict_proba(payload["X_train"])
        print("survived")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        preexec_fn=NO_CORE_FILE,
    )
    # killed by a signal (POSIX), or ended by an access violation, 0xC0000005 (Windows)
    crashed = done.returncode >= 0xC0000000 if os.name == "nt" else done.returncode < 0
    assert crashed, (done.returncode, done.stdout, done.stderr[-500:])


def test_a_tampered_knn_index_is_never_queried(trained_store):
    """The KD-tree in the file is replaced by one re-fitted on the checked rows: indices
    aimed out of range change nothing (an unchecked query would read far outside)."""
    s = trained_store
    before = registry.load_model(s, 1).predict_proba(FLOWERS)
    registry._cache.clear()
    payload = _payload(s, 1)
    tree = payload["estimator"]._tree
    state = list(tree.__getstate__())
    state[1] = np.full_like(state[1], 10**9)  # idx_array: which training row each leaf slot is
    state[2] = state[2].copy()
    state[2]["idx_start"] = 10**9
    tree.__setstate__(tuple(state))
    _save(s, 1, payload)
    results = _load_in_a_child(s, [1])
    assert results[1][0] == "loaded"
    assert np.array_equal(np.array(results[1][1]), before)
    model = registry.load_model(s, 1)
    _, index = model.neighbours(FLOWERS[1])
    assert len(index) == model.knn.n_neighbors and index.max() < len(model.y_train)


def test_a_function_transformer_around_os_system_is_refused_and_nothing_runs(trained_store, monkeypatch):
    s = trained_store
    registry._cache.clear()
    knn = registry.load_model(s, 1).estimator
    registry._cache.clear()
    from sklearn.pipeline import Pipeline

    hostile = Pipeline([("scale", FunctionTransformer(os.system)), ("model", knn)])
    payload = {"estimator": hostile, "y_train": np.zeros(3, dtype=np.int8)}
    _save(s, 1, payload, standardize=1)
    calls = []
    module = sys.modules[os.system.__module__]  # posix (nt on Windows): the name the file gives
    monkeypatch.setattr(module, "system", lambda *a: calls.append(a))
    with pytest.raises(registry.ModelLoadError) as refused:
        registry.load_model(s, 1)
    message = str(refused.value)
    assert "types this app never loads" in message and "FunctionTransformer" in message
    assert f"{os.system.__module__}.system" in message or "posix.system" in message
    assert calls == [] and len(registry._cache) == 0
