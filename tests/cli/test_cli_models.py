"""The model commands of the CLI: delete, export, compare, retrain, models; and every
training setting that cannot work refused before any work, in one line naming it."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from tests.cli.test_cli import assert_user_error, run


@pytest.fixture
def trained(trained_store) -> Path:
    return trained_store.path.parent


def _versions(folder: Path) -> list[int]:
    with Store.open(folder / paths.DB_NAME) as s:
        return [m.version for m in rows.list_models(s)]


def _files(folder: Path) -> set[str]:
    return {p.name for p in (folder / "models").iterdir()}


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--cv-folds", "1"], ["--cv-folds", "outside 2..50"]),
        (["--cv-folds", "0"], ["--cv-folds"]),
        (["--cv-folds", "45"], ["--cv-folds", "39 virginica", "at most 39"]),
        (["--test-fraction", "0.9", "--cv-folds", "5"], ["--cv-folds", "at most 4"]),
        (["--test-fraction", "0"], ["--test-fraction", "between 0 and 1"]),
        (["--test-fraction", "1"], ["--test-fraction", "between 0 and 1"]),
        (["--test-fraction", "-0.2"], ["--test-fraction"]),
        (["--test-fraction", "half"], ["--test-fraction", "not a number"]),
        (["--algorithm", "tree", "--k", "3"], ["--k is not a parameter of Decision tree"]),
        (["--algorithm", "logreg", "--trees", "10"], ["--trees is not a parameter of Logistic regression"]),
        (["--algorithm", "knn", "--criterion", "gini"], ["--criterion is not a parameter"]),
        (["-P", "n_neighbors=abc"], ["n_neighbors", "whole number"]),
        (["-P", "n_neighbors=0"], ["n_neighbors", "at least 1"]),
        (["-P", "weights=heavy"], ["weights", "one of uniform, distance"]),
        (["--algorithm", "forest", "-P", "max_depth=2.5"], ["max_depth", "whole number"]),
        (["--algorithm", "svm", "-P", "C=inf"], ["C", "finite"]),
        (["-P", "depth=3"], ["no parameter(s) depth"]),
        (["-P", "novalue"], ["--param takes NAME=VALUE"]),
        (["--metric", "euclidean", "--p", "3"], ["p applies only when metric is minkowski"]),
        (["--k", "100"], ["--k", "at most 95"]),
    ],
)
def test_impossible_training_settings_exit_2_with_one_line(capsys, trained, argv, words):
    files = _files(trained)
    code, out, err = run(capsys, "--data-dir", trained, "train", *argv)
    assert_user_error(code, out, err, "train", *words)
    assert _versions(trained) == [1] and _files(trained) == files


def test_train_reports_duplicates_and_the_small_test_set(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "train", "--k", "7", "--no-activate")
    assert (code, err) == (0, "")
    assert "on 119 train / 30 test rows (1 duplicate flower dropped)" in out
    assert "one flower is 3.3% of its accuracy" in out


def test_a_model_that_did_not_converge_is_one_warning_line(capsys, trained):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may escape as a raw Python warning
        code, _out, err = run(
            capsys,
            "--data-dir",
            trained,
            "train",
            "--algorithm",
            "logreg",
            "-P",
            "max_iter=50",
            "-P",
            "C=10000",
            "--no-activate",
        )
    assert code == 0
    lines = err.strip().splitlines()
    assert lines == [
        "iris-desktop train: warning: the solver stopped before converging (max_iter reached): "
        "raise max_iter, or standardise the features"
    ]
    with Store.open(trained / paths.DB_NAME) as s:
        assert rows.get_model(s, 2).metrics["warnings"] == [lines[0].split("warning: ", 1)[1]]


def test_models_lists_duplicates_and_file_warnings(capsys, trained):
    run(capsys, "--data-dir", trained, "train", "--algorithm", "tree", "--no-activate")
    with Store.open(trained / paths.DB_NAME) as s:
        record = rows.get_model(s, 2)
    (trained / "models" / record.artifact).write_bytes(b"tampered")
    code, out, err = run(capsys, "--data-dir", trained, "models")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert "dups" in lines[0] and "train/test" in lines[0]
    assert lines[1].startswith("*") and "119/30" in lines[1] and "knn (k=5, raw cm)" in lines[1]
    assert "WARNING: file altered" in lines[2]
    assert lines[3].startswith("Version 2: the file of model v2") and "`iris-desktop delete 2`" in lines[3]


def test_delete(capsys, trained):
    assert_user_error(
        *run(capsys, "--data-dir", trained, "delete", "1"), "delete", "v1 is the active model", "iris-desktop activate"
    )
    assert_user_error(*run(capsys, "--data-dir", trained, "delete", "7"), "delete", "no model version 7")
    assert_user_error(*run(capsys, "--data-dir", trained, "delete", "x"), "delete", "not a whole number")
    run(capsys, "--data-dir", trained, "train", "--no-activate")
    run(capsys, "--data-dir", trained, "activate", "2")
    run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-15")
    assert_user_error(*run(capsys, "--data-dir", trained, "delete", "1"), "delete", "not done without --yes")
    assert _versions(trained) == [1, 2]
    code, out, err = run(capsys, "--data-dir", trained, "delete", "1", "--yes")
    assert (code, err) == (0, "")
    assert out == "Deleted model v1 and its 31 predictions.\n"
    assert _versions(trained) == [2]


def test_export(capsys, trained, tmp_path):
    code, out, err = run(capsys, "--data-dir", trained, "export", "1", tmp_path / "out")
    assert (code, err) == (0, "")
    artifact, card = tmp_path / "out" / "iris-model-v1.skops", tmp_path / "out" / "iris-model-v1.json"
    assert out == f"Exported model v1: {artifact} and its model card {card}\n"
    data = json.loads(card.read_text())
    assert data["metrics"]["duplicates_dropped"] == 1 and data["version"] == 1
    (tmp_path / "file").write_text("x")
    assert_user_error(*run(capsys, "--data-dir", trained, "export", "1", tmp_path / "file"), "export", "not a folder")
    with Store.open(trained / paths.DB_NAME) as s:
        record = rows.get_model(s, 1)
    (trained / "models" / record.artifact).write_bytes(b"x")
    assert_user_error(
        *run(capsys, "--data-dir", trained, "export", "1", tmp_path / "again"),
        "export",
        "not exported",
        "iris-desktop retrain 1",
    )
    assert not (tmp_path / "again" / "iris-model-v1.skops").exists()


def test_compare(capsys, trained):
    run(capsys, "--data-dir", trained, "train", "--algorithm", "logreg", "--standardize", "--no-activate")
    code, out, err = run(capsys, "--data-dir", trained, "compare", "1", "2")
    assert (code, err) == (0, "")
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert lines["Algorithm"].endswith("Logistic regression  <")
    assert lines["Standardised"].split() == ["Standardised", "no", "yes", "<"]
    assert lines["Same data"].split() == ["Same", "data", "yes", "yes"]
    assert "Confusion matrices" in out and out.strip().splitlines()[-1].startswith("virginica")
    assert_user_error(*run(capsys, "--data-dir", trained, "compare", "1", "9"), "compare", "no model version 9")


def test_retrain_keeps_the_settings_and_the_lineage(capsys, trained):
    run(
        capsys,
        "--data-dir",
        trained,
        "train",
        "--algorithm",
        "tree",
        "-P",
        "max_depth=3",
        "--seed",
        "5",
        "--cv-folds",
        "3",
        "--no-activate",
    )
    code, out, err = run(capsys, "--data-dir", trained, "retrain", "2")
    assert (code, err) == (0, "")
    assert out.startswith("Registered v3 tree(max_depth=3, min_samples_leaf=1, criterion=gini) (active)")
    with Store.open(trained / paths.DB_NAME) as s:
        second, third = rows.get_model(s, 2), rows.get_model(s, 3)
    assert third.metrics["retrained_from"] == 2 and third.split_seed == 5 and third.metrics["cv_folds"] == 3
    assert third.metrics["confusion_matrix"] == second.metrics["confusion_matrix"]
    assert_user_error(*run(capsys, "--data-dir", trained, "retrain", "9"), "retrain", "no model version 9")


def test_a_version_mismatch_is_one_clear_line(capsys, trained):
    with Store.open(trained / paths.DB_NAME) as s:
        versions = dict(rows.active_model(s).library_versions, **{"scikit-learn": "0.0.1"})
        with s.transaction() as conn:
            conn.execute("UPDATE models SET library_versions = ? WHERE version = 1", (json.dumps(versions),))
    code, out, err = run(capsys, "--data-dir", trained, "predict", "5.1", "3.5", "1.4", "0.2")
    assert code == 0 and out.startswith("setosa")
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("iris-desktop predict: warning: model v1 was saved with scikit-learn 0.0.1")
    code, out, _ = run(capsys, "--data-dir", trained, "models")
    assert "WARNING: saved with scikit-learn 0.0.1" in out.splitlines()[1]


def test_activate_checks_the_file_first(capsys, trained):
    run(capsys, "--data-dir", trained, "train", "--no-activate")
    with Store.open(trained / paths.DB_NAME) as s:
        record = rows.get_model(s, 2)
    (trained / "models" / record.artifact).write_bytes(b"x")
    assert_user_error(
        *run(capsys, "--data-dir", trained, "activate", "2"),
        "activate",
        "does not match the registry",
        "`iris-desktop retrain 2`",
    )
    with Store.open(trained / paths.DB_NAME) as s:
        assert rows.active_version(s) == 1


def test_a_model_too_large_to_keep_is_one_line_and_leaves_the_registry(capsys, trained, monkeypatch):
    from iris_desktop.pipelines import model_caps

    monkeypatch.setattr(model_caps, "MAX_MEMBER_BYTES", 2_000)
    files = _files(trained)
    code, out, err = run(capsys, "--data-dir", trained, "train", "--algorithm", "forest", "--trees", "20")
    assert_user_error(code, out, err, "train", "too large to keep", "fewer trees")
    assert _versions(trained) == [1] and _files(trained) == files
