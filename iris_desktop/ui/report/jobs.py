"""The lab report's work run in a worker: its numbers gathered from the store (the
pictures are drawn on the GUI thread afterwards, by ReportWriter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store

if TYPE_CHECKING:
    from iris_desktop.pipelines.inference import Progress
    from iris_desktop.pipelines.report_data import ReportData


@with_store
def gather_report(
    store: Store,
    today: dt.date,
    start: dt.date | None,
    end: dt.date | None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ReportData:
    from iris_desktop.pipelines.report_data import gather

    return gather(store, today, start, end, progress, should_cancel)
