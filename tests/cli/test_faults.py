"""The faults of the adversarial run (issue 16) that other test files do not pin down:
out-of-range numbers, a full disk, several processes creating one store, a model file
named outside models/, and the command line's messages. Real processes where the fault
is between processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from iris_desktop.cli import main
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.imports import ImportOptions, import_csv
from iris_desktop.store import Store, StoreError
from tests.cli.test_cli import assert_user_error, run

ROOT = Path(__file__).resolve().parents[2]
ANY_VALUES = ImportOptions(accept_outliers=True, skip_duplicates=False)


@pytest.mark.parametrize(
    "argv, words",
    [
        (["history", "--days", "1000000"], ["--days", "outside"]),
        (["activate", "99999999999999999999"], ["outside"]),
        (["train", "-P", "n_neighbors=inf"], ["n_neighbors", "whole number"]),
        (["train", "-P", "n_neighbors=5.7"], ["n_neighbors", "whole number", "5.7"]),
        (["catch-up", "--today", "0001-01-01"], ["--today", "outside 1970-01-01..2100-12-31"]),
        (["catch-up", "--history-days", "800000"], ["--history-days", "outside 1..3650"]),
        (["predict", "5_1", "3.5", "1.4", "0.2"], ["plain decimal", "'5_1'"]),
        (["remove-import", "-1"], ["outside"]),
    ],
)
def test_numbers_out_of_range_are_one_line_before_any_work(capsys, trained_store, argv, words):
    before = (
        trained_store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0],
        trained_store.execute("SELECT COUNT(*) FROM models").fetchone()[0],
    )
    assert_user_error(*run(capsys, *argv), argv[0], *words)
    assert (
        trained_store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0],
        trained_store.execute("SELECT COUNT(*) FROM models").fetchone()[0],
    ) == before


def test_a_full_disk_is_said_and_changes_nothing(trained_store, tmp_path):
    """SQLite's own limit on the file's size gives the very error a full disk gives."""
    rows = np.random.default_rng(1).uniform(1, 7, (20_000, 4)).round(1)
    csv = tmp_path / "big.csv"
    csv.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n"
        + "\n".join(f"{a},{b},{c},{d},setosa" for a, b, c, d in rows.tolist())
    )
    before = trained_store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0]
    pages = trained_store.execute("PRAGMA page_count").fetchone()[0]
    trained_store.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(StoreError, match="is full; nothing was changed"):
        import_csv(trained_store, csv, options=ANY_VALUES)
    trained_store.execute("PRAGMA max_page_count = 1073741823")
    assert trained_store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == before
    assert not trained_store.conn.in_transaction  # nothing left half-done on the connection
    assert import_csv(trained_store, csv, options=ANY_VALUES).added > 0  # and it works once there is room


CREATE = """
import sys
from iris_desktop.store import Store
Store.open(sys.argv[1]).close()
"""


def test_several_processes_creating_one_new_store(tmp_path):
    for round_ in range(4):
        path = tmp_path / f"round-{round_}" / "iris.sqlite3"
        starters = [
            subprocess.Popen([sys.executable, "-c", CREATE, str(path)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for _ in range(6)
        ]
        for p in starters:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
        with Store.open(path) as store:
            assert store.execute("SELECT COUNT(*) FROM meta WHERE key = 'installation_seed'").fetchone()[0] == 1


@pytest.mark.parametrize("artifact", ["../../outside.joblib", "/tmp/outside.joblib"])
def test_a_model_file_outside_the_models_folder_is_not_loaded(trained_store, artifact):
    version = trained_store.execute("SELECT version FROM models").fetchone()[0]
    trained_store.execute("UPDATE models SET artifact = ? WHERE version = ?", (artifact, version))
    with pytest.raises(registry.ModelLoadError, match="outside the models folder"):
        registry.load_model(trained_store, version)


def test_history_into_a_closed_pipe_says_nothing(trained_store):
    """`history | head -1`, without a shell: the pipe's reader is closed before the
    command writes, so every write finds it gone (a pipe's buffer would hide it)."""
    cli = [sys.executable, "-m", "iris_desktop", "--data-dir", str(trained_store.path.parent), "history"]
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(cli, stdout=writer, stderr=subprocess.PIPE, cwd=ROOT, text=True, timeout=60)
    finally:
        os.close(writer)
    assert done.returncode == 0 and done.stderr == ""


def test_a_usage_error_is_one_line(capsys):
    code = main(["train", "--k", "x"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("iris-desktop train: ")


def test_an_import_error_never_quotes_a_whole_line_of_the_file(capsys, trained_store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2 and more words\n")
    link = tmp_path / "flowers.csv"
    try:
        link.symlink_to(secret)
    except OSError:  # Windows without developer mode: the file itself, under that name
        if os.name != "nt":
            raise
        shutil.copyfile(secret, link)
    code, _out, err = run(capsys, "import", link)
    assert code == 2 and "hunter2" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold a newline")
def test_a_file_name_with_a_newline_is_still_one_line(capsys, trained_store, tmp_path):
    odd = tmp_path / "bad\nname.csv"
    odd.write_text("not,a\ncsv\n")
    code, _out, err = run(capsys, "import", odd)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "bad\\nname.csv" in err
