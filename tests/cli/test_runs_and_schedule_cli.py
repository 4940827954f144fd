"""`runs` and `schedule` from the command line: each operation's run with its outcome
(JSON too), a schedule installed into a folder or crontab file of the test, read back,
removed; the scheduled command line itself run once. And the app's jobs record the same
runs as the command line, marked as the app's."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from iris_desktop.cli import main
from iris_desktop.pipelines.imports import ImportOptions
from iris_desktop.pipelines.schedule import job_for
from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.store import Store
from iris_desktop.store import runs as run_table
from iris_desktop.ui.runtime import jobs
from tests.conftest import TODAY

CSV = "sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.3,1.5,0.3,setosa\n6.1,2.9,4.4,1.3,versicolor\n"


def cli(capsys, data: Path, *argv) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def runs_json(capsys, data: Path, *argv) -> list[dict]:
    code, out, _err = cli(capsys, data, "runs", "--json", *argv)
    assert code == 0
    return json.loads(out)


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "cli-data"


def test_runs_json_after_backfill_catch_up_train_and_a_failed_import(capsys, data, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("sepal_length;oops\n1;2\n", encoding="utf-8")
    assert cli(capsys, data, "backfill")[0] == 0
    assert cli(capsys, data, "catch-up", "--today", TODAY)[0] == 0
    assert cli(capsys, data, "train", "--algorithm", "tree")[0] == 0
    assert cli(capsys, data, "import", bad)[0] == 2
    assert cli(capsys, data, "catch-up", "--today", TODAY)[0] == 0
    found = runs_json(capsys, data, "--last", "100")
    assert all(list(run) == list(run_table.RunRecord.JSON_KEYS) for run in found)
    assert [(r["pipeline"], r["trigger"], r["outcome"]) for r in reversed(found)] == [
        ("backfill", "cli", "ok"),
        ("backfill", "first-run", "nothing-to-do"),
        ("training", "first-run", "ok"),
        ("catch-up", "first-run", "ok"),
        ("backup", "first-run", "ok"),
        ("training", "cli", "ok"),
        ("import", "cli", "failed"),
        ("catch-up", "cli", "nothing-to-do"),
        ("backup", "cli", "nothing-to-do"),
    ]
    failed = found[2]
    assert failed["message"].startswith("bad.csv") and failed["ended"] >= failed["started"]
    assert found[3]["model_version"] == 2 and found[3]["rows_in"] == 150
    assert [r["pipeline"] for r in runs_json(capsys, data, "--failed")] == ["import"]
    assert [r["outcome"] for r in runs_json(capsys, data, "--pipeline", "catch-up")] == ["nothing-to-do", "ok"]
    assert len(runs_json(capsys, data, "--last", "2")) == 2


def test_runs_as_a_table_and_when_there_are_none(capsys, data):
    code, out, _ = cli(capsys, data, "runs")
    assert (code, out) == (0, "No runs recorded yet.\n")
    cli(capsys, data, "backfill")
    code, out, _ = cli(capsys, data, "runs")
    header, row = out.splitlines()
    assert header.split()[:4] == ["started", "pipeline", "trigger", "outcome"]
    assert row.split()[2:7] == ["backfill", "cli", "ok", "150", "150"]
    code, out, err = cli(capsys, data, "runs", "--pipeline", "nonsense")
    assert code == 2 and "invalid choice" in err


def test_a_scheduled_catch_up_is_the_schedulers(capsys, trained_store):
    data = trained_store.path.parent
    assert cli(capsys, data, "catch-up", "--scheduled", "--today", TODAY + dt.timedelta(days=1))[0] == 0
    found = runs_json(capsys, data, "--pipeline", "catch-up", "--last", "1")
    assert (found[0]["trigger"], found[0]["outcome"], found[0]["rows_out"]) == ("scheduler", "ok", 2)
    with pytest.raises(SystemExit):
        main(["catch-up", "--help"])
    assert "--scheduled" not in capsys.readouterr().out  # the scheduler's own flag: not in the help


# ---- schedule -----------------------------------------------------------------------------------


def test_schedule_with_systemd_units_in_a_folder(capsys, data, tmp_path):
    units = tmp_path / "units"
    code, out, _ = cli(capsys, data, "schedule", "install", "--backend", "systemd", "--unit-dir", units, "--dry-run")
    assert code == 0 and "Persistent=true" in out and out.endswith("Dry run: nothing was changed.\n")
    assert not units.exists()
    code, out, _ = cli(
        capsys, data, "schedule", "install", "--backend", "systemd", "--unit-dir", units, "--time", "6:30"
    )
    assert code == 0 and "every day at 06:30" in out
    name = job_for(data).name
    assert sorted(p.name for p in units.iterdir()) == [f"{name}.service", f"{name}.timer"]
    if shutil.which("systemd-analyze"):
        done = subprocess.run(["systemd-analyze", "verify", *map(str, sorted(units.iterdir()))], capture_output=True)
        assert (done.returncode, done.stderr) == (0, b"")
    code, out, _ = cli(capsys, data, "schedule", "status", "--unit-dir", units)
    assert code == 0 and "time:          every day at 06:30" in out and "--scheduled" in out
    assert "enabled:       not known" in out
    assert (
        cli(capsys, data, "schedule", "remove", "--unit-dir", units)[1]
        == "Removed the schedule (systemd user timer).\n"
    )
    assert list(units.iterdir()) == []
    code, out, _ = cli(capsys, data, "schedule", "status", "--unit-dir", units)
    assert code == 0 and "not scheduled" in out.lower()
    assert "nothing to remove" in cli(capsys, data, "schedule", "remove", "--unit-dir", units)[1]


def test_schedule_with_cron_round_trips_the_crontab_file(capsys, data, tmp_path):
    crontab = tmp_path / "crontab"
    mine = b"SHELL=/bin/sh\n# keep me\n15 3 * * * /usr/bin/true\n"
    crontab.write_bytes(mine)
    assert cli(capsys, data, "schedule", "install", "--crontab-file", crontab)[0] == 0
    lines = crontab.read_text().splitlines()
    assert lines[-1].startswith("5 0 * * * ") and lines[-1].endswith("catch-up --scheduled")
    out = cli(capsys, data, "schedule", "status", "--crontab-file", crontab)[1]
    assert f"command:       {lines[-1]}" in out and "warning" not in out
    assert cli(capsys, data, "schedule", "remove", "--crontab-file", crontab)[0] == 0
    assert crontab.read_bytes() == mine
    assert "Not scheduled" in cli(capsys, data, "schedule", "status", "--crontab-file", crontab)[1]


def test_status_says_when_a_scheduled_run_did_not_happen(capsys, data, tmp_path):
    crontab = tmp_path / "crontab"
    job = job_for(data)
    crontab.write_text(  # as `schedule install` writes it, installed long ago
        f"# iris-desktop schedule {job.name}: the daily catch-up, installed 2020-01-01T00:00:00Z\n"
        "5 0 * * * /bin/true\n",
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, data, "schedule", "status", "--crontab-file", crontab)
    assert code == 0 and "last scheduled run: none recorded" in out
    assert "warning: The scheduled catch-up of " in out and "did not run (no scheduled run is recorded)" in out


def test_the_scheduled_command_line_runs_and_records_the_schedulers_run(capsys, trained_store, tmp_path):
    data = trained_store.path.parent
    job = job_for(data)
    done = subprocess.run(list(job.argv), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = runs_json(capsys, data, "--pipeline", "catch-up", "--last", "1")
    assert found[0]["trigger"] == "scheduler"


def test_schedule_refuses_bad_input_in_one_line(capsys, data, tmp_path):
    for argv, words in (
        (("install", "--time", "25:00", "--crontab-file", tmp_path / "c"), "--time"),
        (("status", "--time", "01:00", "--crontab-file", tmp_path / "c"), "--time and --dry-run"),
        (("install", "--backend", "cron", "--unit-dir", tmp_path), "--unit-dir"),
    ):
        code, out, err = cli(capsys, data, "schedule", *argv)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and words in err
    assert not (tmp_path / "c").exists()


# ---- the app's jobs record as the command line does -------------------------------------------


def _recorded(db: Path) -> list[tuple]:
    with Store.open(db) as store:
        return [(r.pipeline, r.trigger, r.outcome, r.rows_in, r.rows_out) for r in run_table.recent(store, 1000)]


def test_the_apps_jobs_record_the_same_runs_as_the_cli(capsys, tmp_path):
    csv = tmp_path / "two.csv"
    csv.write_text(CSV, encoding="utf-8")
    by_cli = tmp_path / "cli"
    for argv in (("backfill",), ("import", csv), ("catch-up", "--today", TODAY), ("train", "--algorithm", "tree")):
        assert cli(capsys, by_cli, *argv)[0] == 0
    app = tmp_path / "app"
    db, models = app / "iris.sqlite3", app / "models"
    jobs.backfill(db, models)
    seen, _checks = jobs.preview_import(db, models, str(csv))
    jobs.import_previewed(db, models, seen, ImportOptions(), str(csv))
    jobs.startup(db, models, TODAY)
    jobs.train(db, models, TrainingConfig(algorithm="tree"))
    from_cli, from_app = _recorded(by_cli / "iris.sqlite3"), _recorded(db)
    assert [r[:1] + r[2:] for r in from_cli] == [r[:1] + r[2:] for r in from_app]
    assert {r[1] for r in from_cli} == {"cli", "first-run"} and {r[1] for r in from_app} == {"app", "first-run"}


def test_a_run_that_cannot_be_recorded_is_said_and_never_changes_the_exit(capsys, data, tmp_path, monkeypatch, caplog):
    from iris_desktop.store import StoreError

    def full(*_args):
        raise StoreError("the disk holding the data folder is full; nothing was changed")

    monkeypatch.setattr(run_table, "write", full)
    with caplog.at_level("INFO"):
        assert cli(capsys, data, "backfill")[0] == 0
    warned = [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r.getMessage() for r in warned] == [
        "iris-desktop: the backfill run could not be recorded "
        "(the disk holding the data folder is full; nothing was changed)"
    ]
    caplog.clear()
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n", encoding="utf-8")
    code, out, err = cli(capsys, data, "import", bad)
    assert code == 2 and out == "" and len(err.splitlines()) == 1  # the import's error, alone
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
