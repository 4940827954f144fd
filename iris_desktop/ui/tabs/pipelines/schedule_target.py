"""Which scheduler the app installs the daily run into and reads it back from: the
platform's own by default; tests (and anyone wanting a dry world) give a unit folder or
a crontab file, and then nothing outside it is touched or asked (pipelines/schedule)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pipelines/schedule is imported in the workers, when first needed
    from iris_desktop.pipelines.schedule import Backend, ScheduleStatus


@dataclass(frozen=True)
class ScheduleTarget:
    backend: str | None = None  # None: the platform's own (or the one the folder / file is for)
    unit_dir: Path | None = None  # systemd units or launchd agents go here, not in the user's folder
    crontab_file: Path | None = None  # this file, not the user's crontab

    @property
    def on_the_system(self) -> bool:
        return self.unit_dir is None and self.crontab_file is None

    def make(self) -> Backend:
        from iris_desktop.pipelines import schedule

        return schedule.backend(self.backend, unit_dir=self.unit_dir, crontab_file=self.crontab_file)

    def status(self, data_dir: Path) -> ScheduleStatus | None:
        """The schedule of `data_dir` as the system has it; None where there is none.
        Runs system commands on the real system: call it in a worker."""
        from iris_desktop.pipelines import schedule

        if self.on_the_system and self.backend is None:
            return schedule.find_schedule(data_dir)  # wherever it was installed (--backend too)
        found = self.make().status(schedule.job_name(Path(os.path.abspath(data_dir))))
        return found if found.installed else None


# What the app uses; a test replaces it (monkeypatch) before the window is built.
DEFAULT = ScheduleTarget()
