"""A staged redraw: the first step at once, each next one after the one before has been
painted; a new run replaces the steps left of the last; cancel drops them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iris_desktop.ui.runtime.stages import Stages


class Recorder(QWidget):
    def __init__(self, log: list[str]):
        super().__init__()
        self.log = log
        self.resize(120, 80)

    def paintEvent(self, event) -> None:
        self.log.append("paint")


def test_each_step_is_painted_before_the_next_runs(qtbot):
    log: list[str] = []
    widget = Recorder(log)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: "paint" in log)
    log.clear()
    stages = Stages(widget)

    def step(name: str):
        def run() -> None:
            log.append(name)
            widget.update()  # what a plot's new data does

        return run

    stages.run(step("a"), step("b"), step("c"))
    assert log == ["a"] and stages.pending  # the first step at once, the others later
    qtbot.waitUntil(lambda: not stages.pending and log[-1] == "paint")
    assert log == ["a", "paint", "b", "paint", "c", "paint"]


def test_a_new_run_replaces_the_steps_left_and_cancel_drops_them(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    stages = Stages(owner)
    ran: list[str] = []
    stages.run(lambda: ran.append("a1"), lambda: ran.append("b1"))
    stages.run(lambda: ran.append("a2"), lambda: ran.append("b2"))
    qtbot.waitUntil(lambda: not stages.pending)
    assert ran == ["a1", "a2", "b2"]

    stages.run(lambda: ran.append("a3"), lambda: ran.append("b3"))
    stages.cancel()
    assert not stages.pending
    qtbot.wait(60)  # three frames: nothing more comes
    assert ran[-1] == "a3"
