"""The benchmarks' frame-time recorder reports what it is there to report: a block of the
GUI thread as a stall at least that long, and a change as the time until the widgets that
show it have painted."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSlider

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frames import FrameRecorder, StallWatch, p99


def _block(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_a_100_ms_block_is_a_stall_of_at_least_100_ms(qtbot):
    watch = StallWatch()
    watch.start()
    QTimer.singleShot(20, lambda: _block(100))
    qtbot.wait(200)
    assert watch.stop() >= 100


def test_a_quiet_loop_has_no_long_stall(qtbot):
    watch = StallWatch()
    watch.start()
    QTimer.singleShot(20, lambda: _block(100))
    qtbot.wait(200)
    blocked = watch.stop()
    watch.start()
    qtbot.wait(100)
    assert watch.stop() < blocked


def test_a_frame_lasts_until_every_widget_that_shows_the_change_has_painted(qtbot):
    slider, label = QSlider(), QLabel("0")
    for widget in (slider, label):
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitExposed(label)
    slider.valueChanged.connect(lambda v: QTimer.singleShot(0, lambda: (_block(100), label.setText(str(v)))))
    recorder = FrameRecorder(pace=0)
    recorder.frame(lambda: slider.setValue(5), [slider, label], settled=lambda: label.text() == "5")
    assert recorder.times[-1] >= 100
    assert label.text() == "5"
    assert p99([1.0] * 99 + [50.0]) == 50.0
    assert p99([1.0] * 200 + [50.0]) == 1.0
