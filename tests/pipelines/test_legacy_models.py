"""Model files of version 0.1 (joblib pickles) converted to skops (pipelines/legacy_models.py):
the same models and history afterwards, nothing unpickled whose bytes do not match their
row, idempotent, safe with two processes and after a crash; retraining an old version
whose file cannot be converted (legacy_retrain.py)."""

from __future__ import annotations

import io
import pickle
import threading
from pathlib import Path

import joblib
import numpy as np
import pytest
from sklearn.datasets import load_iris

from iris_desktop.pipelines import legacy_models, registry
from iris_desktop.pipelines.legacy_models import convert_legacy_models
from iris_desktop.pipelines.legacy_retrain import retrain_legacy
from iris_desktop.pipelines.model_checks import knn_training_rows
from iris_desktop.pipelines.model_format import ModelContents
from iris_desktop.pipelines.operations import first_run
from iris_desktop.pipelines.registry_overview import registry_entries
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import registry as rows
from tests.conftest import TODAY

GRID = np.vstack([load_iris().data, [[4.0, 2.0, 1.0, 0.1], [8.0, 4.5, 7.0, 2.6], [6.0, 2.9, 4.9, 1.7]]])
OLD_VERSIONS = [  # v2..v7, trained as 0.1 did, beside first_run's KNN (v1)
    TrainingConfig("logreg", standardize=True),
    TrainingConfig("tree", {"max_depth": 4}),
    TrainingConfig("forest", {"n_estimators": 20}),
    TrainingConfig("svm", standardize=True),
    TrainingConfig("knn", {"n_neighbors": 7, "weights": "distance", "metric": "manhattan"}, standardize=True),
    TrainingConfig("tree", {"criterion": "entropy"}, standardize=True),
]


def old_write(payload) -> bytes:
    """What write_artifact did in version 0.1: joblib.dump(payload, f), uncompressed."""
    buffer = io.BytesIO()
    joblib.dump(payload, buffer)
    return buffer.getvalue()


def old_read(data, algorithm, standardize, version) -> ModelContents:
    """What load_model did in version 0.1: joblib.load of the checked bytes."""
    payload = joblib.load(io.BytesIO(data))
    estimator = payload["estimator"]
    X_train = payload.get("X_train")
    X_train = knn_training_rows(estimator) if X_train is None else X_train
    return ModelContents(estimator, X_train, payload["y_train"], payload.get("X_test"), payload.get("y_test"))


@pytest.fixture
def old_store(store, monkeypatch):
    """A store as version 0.1 left it: every model file a joblib pickle named .joblib,
    its SHA-256 in its row; daily flowers predicted by v1."""
    with monkeypatch.context() as m:  # version 0.1's registry
        m.setattr(registry, "dump_model", old_write)
        m.setattr(registry, "SUFFIX", ".joblib")
        m.setattr(registry, "LEGACY_SUFFIX", ".none-before-0.1")
        m.setattr(registry, "load_contents", old_read)
        first_run(store, today=TODAY)
        for config in OLD_VERSIONS:
            train(store, config, activate=False)
    registry._cache.clear()
    yield store
    registry._cache.clear()


def _old_probabilities(store) -> dict[int, np.ndarray]:
    """Each version's probabilities on GRID, from its old file (the test may unpickle)."""
    out = {}
    for record in rows.list_models(store):
        assert record.artifact.endswith(".joblib")
        payload = joblib.load(store.models_dir / record.artifact)
        out[record.version] = payload["estimator"].predict_proba(GRID)
    return out


def _history(store) -> tuple:
    records = [(r.version, r.algorithm, r.params, r.metrics, r.created_at, r.active) for r in rows.list_models(store)]
    predictions = store.execute("SELECT * FROM predictions ORDER BY 1, 2").fetchall()
    return records, predictions, rows.active_version(store)


def test_old_files_become_the_same_models_in_the_new_format(old_store):
    before, history = _old_probabilities(old_store), _history(old_store)
    assert len(history[1]) > 0
    messages = convert_legacy_models(old_store)
    assert messages == [f"model v{v}: converted to the new file format ({_name(old_store, v)})." for v in before]
    assert _history(old_store) == history  # versions, metrics, predictions, the active alias
    assert sorted(p.suffix for p in old_store.models_dir.iterdir()) == [".skops"] * len(before)
    for version, probabilities in before.items():
        model = registry.load_model(old_store, version)
        assert model.record.artifact.endswith(".skops")
        assert np.abs(model.predict_proba(GRID) - probabilities).max() <= 1e-12
        assert len(model.y_train) == model.record.metrics["n_train"]
    assert convert_legacy_models(old_store) == []  # idempotent


def _name(store, version):
    return rows.get_model(store, version).artifact


def test_the_first_load_converts_every_old_file(old_store):
    before = _old_probabilities(old_store)
    model = registry.load_model(old_store)
    assert np.abs(model.predict_proba(GRID) - before[1]).max() <= 1e-12
    assert all(r.artifact.endswith(".skops") for r in rows.list_models(old_store))
    path, _ = registry.export_model(old_store, 4, old_store.path.parent / "out")
    assert path.name == "iris-model-v4.skops"


class Armed:
    """A pickle that creates a file when it is unpickled: code run by loading."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return Path.touch, (self.marker,)


def test_an_old_file_that_does_not_match_its_row_is_never_unpickled(old_store, tmp_path):
    marker = tmp_path / "code-ran"
    armed = pickle.dumps({"estimator": Armed(marker), "y_train": np.zeros(3)})
    pickle.loads(armed)  # the control: loading it does run code
    assert marker.exists()
    marker.unlink()
    record = rows.get_model(old_store, 3)
    (old_store.models_dir / record.artifact).write_bytes(armed)  # its row keeps the real file's SHA-256
    messages = convert_legacy_models(old_store)
    said = [m for m in messages if m.startswith("model v3:")]
    assert said == [f"model v3: its file in the old format ({record.artifact}) does not match the registry "
                    "(SHA-256 differs), so it was never loaded; it needs retraining."]  # fmt: skip
    assert len(messages) == 7 and sum("converted" in m for m in messages) == 6
    assert not marker.exists()
    assert rows.get_model(old_store, 3) == record and (old_store.models_dir / record.artifact).exists()
    with pytest.raises(registry.ModelLoadError, match=r"needs retraining\. Retrain it") as refused:
        registry.load_model(old_store, 3)
    assert "v3" in str(refused.value) and not marker.exists()
    entry = next(e for e in registry_entries(old_store) if e.record.version == 3)
    assert entry.file_problem == "needs retraining"
    with pytest.raises(registry.ModelLoadError, match="not exported"):
        registry.export_model(old_store, 3, tmp_path / "out")
    assert not marker.exists()


def test_two_processes_converting_at_once_convert_each_version_once(old_store):
    before = _old_probabilities(old_store)
    start = threading.Barrier(2)
    said: list[list[str]] = []
    errors: list[BaseException] = []

    def convert():
        try:
            with Store.open(old_store.path, old_store.models_dir) as s:
                start.wait()
                said.append(convert_legacy_models(s))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=convert) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    everything = sorted(m for messages in said for m in messages)
    assert everything == sorted(
        f"model v{v}: converted to the new file format ({_name(old_store, v)})." for v in before
    )
    assert sorted(p.suffix for p in old_store.models_dir.iterdir()) == [".skops"] * len(before)
    for version, probabilities in before.items():
        assert np.abs(registry.load_model(old_store, version).predict_proba(GRID) - probabilities).max() <= 1e-12


def test_a_conversion_stopped_before_its_commit_leaves_the_old_file_loadable(old_store, monkeypatch):
    files, history = sorted(p.name for p in old_store.models_dir.iterdir()), _history(old_store)

    def crash(*args):
        raise KeyboardInterrupt  # as if the process were stopped before COMMIT

    monkeypatch.setattr(rows, "replace_artifact", crash)
    with pytest.raises(KeyboardInterrupt):
        convert_legacy_models(old_store)
    assert sorted(p.name for p in old_store.models_dir.iterdir()) == files and _history(old_store) == history
    monkeypatch.undo()
    with pytest.raises(RuntimeError), old_store.transaction():  # converted inside a transaction rolled back
        convert_legacy_models(old_store)
        raise RuntimeError
    assert sorted(p.name for p in old_store.models_dir.iterdir()) == files and _history(old_store) == history
    assert len(convert_legacy_models(old_store)) == 7
    assert registry.load_model(old_store).record.artifact.endswith(".skops")


def test_an_old_file_left_after_the_commit_is_removed_later(old_store):
    record = rows.get_model(old_store, 2)
    old = (old_store.models_dir / record.artifact).read_bytes()
    with old_store.transaction():  # converted inside an enclosing transaction: the old file waits
        convert_legacy_models(old_store)
    assert (old_store.models_dir / record.artifact).exists()
    assert convert_legacy_models(old_store) == []
    assert not (old_store.models_dir / record.artifact).exists()
    (old_store.models_dir / record.artifact).write_bytes(old)  # a crash between commit and removal
    registry.load_model(old_store, 5)
    assert convert_legacy_models(old_store) == [] and not (old_store.models_dir / record.artifact).exists()


def test_retraining_an_old_version_whose_file_is_gone(old_store):
    before = _old_probabilities(old_store)
    history = _history(old_store)
    for version in (3, 4):
        (old_store.models_dir / rows.get_model(old_store, version).artifact).unlink()  # never restored
    assert retrain_legacy(old_store, 3) is True
    record = rows.get_model(old_store, 3)
    assert record.version == 3 and record.artifact.endswith(".skops")
    assert np.abs(registry.load_model(old_store, 3).predict_proba(GRID) - before[3]).max() <= 1e-12
    assert _history(old_store) == history
    assert retrain_legacy(old_store, 3) is True  # nothing left to do
    flower_table.add_rows(old_store, [[5.0, 3.0, 1.5, 0.2]], ["setosa"], "import")  # the data changed since
    record = rows.get_model(old_store, 4)
    assert retrain_legacy(old_store, 4) is False
    assert rows.get_model(old_store, 4) == record
    assert [m for m in convert_legacy_models(old_store) if m.startswith("model v4")] == [
        f"model v4: its file in the old format is missing ({record.artifact}); it needs retraining."
    ]
    assert retrain_legacy(old_store, 99) is False


def test_the_conversion_never_unpickles_outside_the_models_folder(old_store, tmp_path):
    outside = tmp_path / "outside.joblib"
    outside.write_bytes((old_store.models_dir / rows.get_model(old_store, 2).artifact).read_bytes())
    old_store.execute("UPDATE models SET artifact = ? WHERE version = 2", (str(outside),))
    calls = []
    real = legacy_models._reformatted
    legacy_models._reformatted = lambda data, record: calls.append(record.version) or real(data, record)
    try:
        messages = convert_legacy_models(old_store)
    finally:
        legacy_models._reformatted = real
    assert 2 not in calls and any(m.startswith("model v2: its file is outside the models folder") for m in messages)
    with pytest.raises(registry.ModelLoadError, match="outside the models folder"):
        registry.load_model(old_store, 2)


def test_a_first_load_inside_a_read_snapshot_converts(old_store):
    """History loads a version inside Store.read(), where no write can begin."""
    before = _old_probabilities(old_store)
    with old_store.read():
        model = registry.load_model(old_store, 3)
    assert np.abs(model.predict_proba(GRID) - before[3]).max() <= 1e-12
    assert all(r.artifact.endswith(".skops") for r in rows.list_models(old_store))


def test_a_first_load_inside_a_write_transaction_converts(old_store):
    before = _old_probabilities(old_store)
    with old_store.transaction():
        model = registry.load_model(old_store)
    assert np.abs(model.predict_proba(GRID) - before[1]).max() <= 1e-12
    assert convert_legacy_models(old_store) == []  # (and the old files, left until the commit, are gone)
    assert sorted(p.suffix for p in old_store.models_dir.iterdir()) == [".skops"] * len(before)
