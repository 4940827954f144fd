"""The registry's model files and its cache of loaded models: a file is removed when the
transaction of its row rolls back, however late; the cache, shared by threads, keeps
the active model while other versions are viewed, and checks the file every time."""

from __future__ import annotations

import random
import threading

import pytest

from iris_desktop.pipelines import registry
from iris_desktop.pipelines.operations import first_run
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from tests.conftest import TODAY


def _files(store) -> list[str]:
    return sorted(p.name for p in store.models_dir.glob("*")) if store.models_dir.exists() else []


# ---- a model file goes with its row -----------------------------------------------------


def test_an_outer_rollback_after_a_register_leaves_no_file(trained_store):
    before = _files(trained_store)
    with pytest.raises(RuntimeError), trained_store.transaction():
        record = train(trained_store, TrainingConfig(params={"n_neighbors": 3}))
        assert (trained_store.models_dir / record.artifact).is_file()  # written, its row not committed
        raise RuntimeError("something later in the same transaction fails")
    assert _files(trained_store) == before
    assert [m.version for m in rows.list_models(trained_store)] == [1]


def test_a_first_run_rolled_back_leaves_no_model_file(store):
    """first_run trains inside a transaction of its own; here it is itself rolled back."""
    with pytest.raises(RuntimeError), store.transaction():
        first_run(store, today=TODAY)
        assert len(_files(store)) == 1
        raise RuntimeError
    assert _files(store) == [] and rows.list_models(store) == []


def test_a_register_failing_inside_a_transaction_that_goes_on_leaves_no_file(trained_store, monkeypatch):
    def refused(store, version):
        raise rows.UnknownModelError("activation refused")

    monkeypatch.setattr(rows, "set_active", refused)
    before = _files(trained_store)
    with trained_store.transaction():
        with pytest.raises(rows.UnknownModelError):
            train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=True)
        trained_store.set_meta("went on", "1")  # the caller caught it and goes on
    assert _files(trained_store) == before and trained_store.meta("went on") == "1"
    assert [m.version for m in rows.list_models(trained_store)] == [1]


def test_a_committed_register_keeps_its_file(trained_store):
    with trained_store.transaction():
        record = train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=False)
    assert (trained_store.models_dir / record.artifact).is_file()
    assert registry.load_model(trained_store, record.version).version == record.version


# ---- the cache --------------------------------------------------------------------------


@pytest.fixture
def three_versions(trained_store):
    """v1 active, v2 and v3 registered; the cache empty."""
    for k in (3, 7):
        train(trained_store, TrainingConfig(params={"n_neighbors": k}), activate=False)
    registry._cache.clear()
    yield trained_store
    registry._cache.clear()


@pytest.fixture
def loads(monkeypatch):
    """How many model files were read (built by skops and checked)."""
    calls = []
    real = registry.load_contents

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(registry, "load_contents", counted)
    return calls


def test_viewing_other_versions_keeps_the_active_model_loaded(three_versions, loads):
    store = three_versions
    active = registry.load_model(store)
    assert registry.load_model(store, 2).version == 2
    assert registry.load_model(store, 3).version == 3  # a plain LRU of 2 would drop the active one here
    assert registry.load_model(store) is active
    assert registry.load_model(store, 3).version == 3  # the last other version asked for
    assert len(loads) == 3 and len(registry._cache) == 2
    registry.load_model(store, 2)  # replaces v3, not the active one
    assert registry.load_model(store, 1) is active and len(loads) == 4


def test_a_version_activated_after_it_was_viewed_becomes_the_one_kept(three_versions, loads):
    store = three_versions
    first = registry.load_model(store)
    second = registry.load_model(store, 2)
    rows.set_active(store, 2)
    assert registry.load_model(store) is second  # no new load
    registry.load_model(store, 3)
    assert registry.load_model(store) is second
    assert registry.load_model(store, 1) is not first  # v1, now the other one, was replaced by v3
    assert len(loads) == 4


def test_the_file_is_checked_on_every_call_cached_or_not(three_versions):
    store = three_versions
    registry.load_model(store)
    record = rows.active_model(store)
    with open(store.models_dir / record.artifact, "ab") as f:
        f.write(b"\0")
    with pytest.raises(registry.ModelLoadError, match="SHA-256"):
        registry.load_model(store)


def test_threads_share_the_cache(three_versions, loads):
    """Workers of the app load models at once (predict, history, decision map), each on
    its own connection; every one gets the version it asked for, loaded and checked."""
    path, models = three_versions.path, three_versions.models_dir
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            with Store.open(path, models) as store:
                start.wait()
                for _ in range(40):
                    version = rng.choice([None, None, 1, 2, 3])
                    model = registry.load_model(store, version)
                    assert model.version == (version or 1)
                    assert model.predict([[5.1, 3.5, 1.4, 0.2]])[0].value == "setosa"
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(registry._cache) <= 2
    active = registry.load_model(three_versions)
    assert str(registry.artifact_path(three_versions, active.record)) in {key[0] for key in registry._cache}
    assert len(loads) < 6 * 40  # the cache served most of them
