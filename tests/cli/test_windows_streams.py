"""The command line under Windows' streams, simulated here (tests/windows_sim.py): output
to a file or pipe in cp1252, text-mode line ends, a pipe whose reader left raising
EINVAL, and a windowed build with no streams at all. Each is what a Windows user would
otherwise have met as a traceback (issue 30)."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import registry as model_rows
from tests import windows_sim

ROOT = Path(__file__).resolve().parents[2]
cli_main = sys.modules["iris_desktop.cli.main"]


def _cli(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--data-dir", str(folder), *args],
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, **env),
        timeout=120,
    )


# ---- cp1252 ------------------------------------------------------------------------------


def test_history_into_a_cp1252_file_prints_ascii_marks(trained_store):
    """`iris-desktop history > log.txt` on Windows: stdout is cp1252, which has no ✓."""
    done = _cli(trained_store.path.parent, "history", PYTHONIOENCODING="cp1252")
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode()
    lines = done.stdout.decode("cp1252").splitlines()
    marks = [line.split()[3] for line in lines[1:] if line[:4].isdigit()]
    assert len(marks) == 31 and set(marks) <= {"yes", "no"} and "yes" in marks
    assert lines[0].split() == ["day", "actual", "predicted", "ok", "model"]


def test_history_on_a_unicode_stdout_keeps_its_marks(trained_store, capsys):
    assert main(["history"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line[:4].isdigit()]
    assert rows and {row.split()[3] for row in rows} <= {"✓", "✗"}


def test_a_character_the_code_page_lacks_is_replaced_not_raised(tmp_path):
    """A data folder named with a character cp1252 lacks, printed by `info`."""
    done = _cli(tmp_path / "données ✓", "info", PYTHONIOENCODING="cp1252")
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode()
    assert "données ?" in done.stdout.decode("cp1252")


def test_history_into_a_redirected_windows_stdout(trained_store, monkeypatch):
    stdout = windows_sim.console_stdout()
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["history"]) == 0
    stdout.flush()
    text = stdout.buffer.getvalue().decode("cp1252")
    assert "✓" not in text and " yes " in text


# ---- CSV line ends -----------------------------------------------------------------------


def test_history_csv_to_stdout_writes_no_carriage_return(trained_store):
    done = _cli(trained_store.path.parent, "history", "--csv", "-")
    assert done.returncode == 0, done.stderr.decode()
    assert b"\r" not in done.stdout and len(done.stdout.splitlines()) == 32


def test_history_csv_to_a_text_mode_stdout_has_single_line_ends(trained_store, monkeypatch):
    """Windows' stdout turns each "\\n" into "\\r\\n": the csv module's own "\\r\\n" would
    become "\\r\\r\\n", a blank row after every row in Excel and pandas."""
    stdout = windows_sim.console_stdout()
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["history", "--csv", "-"]) == 0
    stdout.flush()
    data = stdout.buffer.getvalue()
    assert b"\r\r" not in data and data.count(b"\r\n") == 32


def test_history_csv_to_a_file_keeps_the_csv_standard_line_ends(trained_store, tmp_path, capsys):
    out = tmp_path / "history.csv"
    assert main(["history", "--csv", str(out)]) == 0
    assert out.read_bytes().count(b"\r\n") == 32


# ---- no streams (a windowed build) -------------------------------------------------------


@pytest.fixture
def second_version(trained_store):
    """A version that is not the active one (so `delete` gets as far as asking)."""
    train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=False)
    return 2


def test_commands_without_any_stream_give_no_traceback(trained_store, second_version, monkeypatch, tmp_path):
    windows_sim.windowed_streams(monkeypatch)
    assert main(["history"]) == 0
    assert main(["history", "--csv", "-"]) == 0  # the null device: nowhere, and no TypeError
    assert main(["delete", str(second_version)]) == 2  # nobody to ask: refused, as the message (unseen) says
    assert model_rows.get_model(trained_store, second_version) is not None
    assert main(["train", "--k", "x"]) == 2  # a usage error writes to stderr too
    assert main(["history", "--csv", str(tmp_path / "h.csv")]) == 0
    assert len((tmp_path / "h.csv").read_text(encoding="utf-8").splitlines()) == 32


@pytest.fixture
def ended(monkeypatch):
    """entry() ends the process with os._exit: here it raises SystemExit with the code."""

    def exit_now(code: int):
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", exit_now)
    monkeypatch.setattr(logging, "shutdown", lambda: None)  # pytest's own log handlers stay open


def test_an_unexpected_error_in_a_windowed_build_goes_to_the_log_not_a_message_box(monkeypatch, ended):
    def broken(argv=None):
        raise RuntimeError("a bug")

    windows_sim.windowed_streams(monkeypatch)
    monkeypatch.setattr(cli_main, "main", broken)
    with pytest.raises(SystemExit) as stopped:
        cli_main.entry()
    assert stopped.value.code == 1
    log = (paths.logs_dir() / "iris-desktop.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: a bug" in log


def test_an_unexpected_error_with_a_console_is_still_a_traceback(monkeypatch, ended):
    def broken(argv=None):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli_main, "main", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        cli_main.entry()


def test_entry_without_streams_ends_with_the_commands_code(trained_store, monkeypatch, ended, tmp_path):
    windows_sim.windowed_streams(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["iris-desktop", "history", "--csv", "-"])
    with pytest.raises(SystemExit) as stopped:
        cli_main.entry()
    assert stopped.value.code == 0


@pytest.mark.skipif(os.name == "nt", reason="closes the child's descriptors before it starts (POSIX)")
def test_a_real_interpreter_started_without_streams(trained_store, second_version):
    """Python itself sets sys.stdout and sys.stdin to None when their descriptors are
    closed at start, as a windowed build has them; stderr is kept to see any traceback."""
    folder = str(trained_store.path.parent)
    for args, code in ((["history", "--csv", "-"], 0), (["history"], 0), (["delete", str(second_version)], 2)):
        done = subprocess.run(
            [sys.executable, "-m", "iris_desktop", "--data-dir", folder, *args],
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
            preexec_fn=_close_stdin_and_stdout,
        )
        assert done.returncode == code and b"Traceback" not in done.stderr, (args, done.stderr.decode())


def _close_stdin_and_stdout() -> None:
    os.close(0)
    os.close(1)


# ---- a pipe whose reader left ------------------------------------------------------------


def test_history_into_a_pipe_closed_the_windows_way_says_nothing(trained_store, monkeypatch, capsys):
    stdout = windows_sim.closed_pipe_stdout(line_buffered=True)  # fails with the first line
    monkeypatch.setattr(sys, "stdout", stdout)
    try:
        assert main(["history"]) == 0
        assert capsys.readouterr().err == ""
    finally:
        stdout.close()


def test_entry_flushing_into_a_pipe_closed_the_windows_way_ends_quietly(trained_store, monkeypatch, ended, capsys):
    stdout = windows_sim.closed_pipe_stdout(line_buffered=False)  # fails only at the last flush
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "argv", ["iris-desktop", "history"])
    try:
        with pytest.raises(SystemExit) as stopped:
            cli_main.entry()
        assert stopped.value.code == 0 and capsys.readouterr().err == ""
    finally:
        with contextlib.suppress(OSError):  # what it still holds: the process would have ended
            stdout.close()


def test_invalid_argument_from_anything_but_stdout_is_still_reported(trained_store, monkeypatch, capsys):
    """EINVAL means a closed pipe only when stdout cannot take its output."""
    from iris_desktop.cli import history_commands

    def fails(args):
        raise OSError(errno.EINVAL, "Invalid argument", "C:\\some\\file.csv")

    monkeypatch.setattr(history_commands, "history", fails)
    assert main(["history"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("iris-desktop history: ") and "Invalid argument" in err
