"""The app as a windowed build runs it (no stdout, stdin or stderr, simulated): quitting
while a worker still runs must reach os._exit, or the process waits for that worker."""

from __future__ import annotations

import logging
import os

import pytest

from iris_desktop.ui import app as app_module
from tests import windows_sim


def test_quitting_without_streams_ends_the_process(monkeypatch):
    def exit_now(code: int):
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", exit_now)
    monkeypatch.setattr(logging, "shutdown", lambda: None)  # pytest's own log handlers stay open
    windows_sim.windowed_streams(monkeypatch)
    with pytest.raises(SystemExit) as ended:
        app_module._exit_now(3)
    assert ended.value.code == 3
