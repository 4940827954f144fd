"""Shared fixtures: real SQLite stores in temp folders, real scikit-learn models."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.name == "nt":  # the offscreen platform does not look in the system's fonts folder on Windows
    os.environ.setdefault("QT_QPA_FONTDIR", os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"))

from iris_desktop import paths
from iris_desktop.store import Store

TODAY = dt.date(2026, 6, 15)  # a fixed "today" so tests do not depend on the clock


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_on_the_main_thread():
    """As the app does (ui/main_thread_gc.py): a collection started by a worker thread
    would destroy Qt objects of earlier tests there, which can deadlock."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    yield
    gc.collect()
    gc.freeze()  # what survives is out of later collections' way: they stay quick


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder; nothing touches the real per-user one."""
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "data"))
    paths.set_data_dir(None)
    yield
    paths.set_data_dir(None)


@pytest.fixture
def store(tmp_path):
    """An empty, migrated store in a temp folder."""
    s = Store.open(tmp_path / "data" / paths.DB_NAME, tmp_path / "data" / "models")
    yield s
    s.close()


@pytest.fixture(scope="session")
def _trained_template(tmp_path_factory):
    """One first-run store (backfill + default model + 30 daily days), built once."""
    from iris_desktop.pipelines.operations import first_run

    folder = tmp_path_factory.mktemp("trained-template")
    with Store.open(folder / paths.DB_NAME, folder / "models") as s:
        first_run(s, today=TODAY)
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder


@pytest.fixture
def trained_store(tmp_path, _trained_template):
    """A copy of a first-run store: 150 backfilled flowers, model v1 active, 31 daily days
    up to TODAY, each predicted."""
    folder = tmp_path / "data"
    shutil.copytree(_trained_template, folder, dirs_exist_ok=True)
    s = Store.open(folder / paths.DB_NAME, folder / "models")
    yield s
    s.close()


def stored_flowers(store, sources=("backfill", "import", "daily")):
    """The stored flowers as Flower values, in id order (read through the column API)."""
    from iris_desktop.domain import VARIETIES, Flower
    from iris_desktop.store.flowers import flower_columns

    columns = flower_columns(store, sources)
    return [Flower(*x, variety=VARIETIES[v]) for x, v in zip(columns.X.tolist(), columns.variety.tolist())]
