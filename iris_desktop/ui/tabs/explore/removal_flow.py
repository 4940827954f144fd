"""Removing the selected imported flowers: ask the store what it would do (in a
worker), ask the user, then remove them (in a worker). The tab updates by itself when
the change arrives through the state, like every other."""

from __future__ import annotations

from iris_desktop.store.flowers import SOURCES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore import jobs as explore_jobs


def remove_selected_imports(tab):
    """Ask the store what removing the selected imported flowers would do, ask the
    user, then remove them (both in workers). Returns the planning Task."""
    c = tab.data.columns
    ids = c.id[tab.selection.mask & (c.source == SOURCES.index("import"))].tolist()
    if not ids:
        tab.reporter.status(tr("None of the selected flowers was imported"))
        return None
    return tab.state.runner.run(
        "removal",
        explore_jobs.plan_removal,
        *tab.state.paths(),
        ids,
        writes=False,
        status=tr("Checking the selected flowers…"),
        on_finished=lambda plan: _confirm_removal(tab, plan, ids),
        on_failed=lambda exc, details: _removal_failed(tab, exc, details),
        context=tab,
    )


def _confirm_removal(tab, plan, ids: list[int]):
    paragraphs = [
        tr("Remove {flowers} from the store?").format(flowers=tr("%Ln imported flower(s)", None, plan.removed))
    ]
    if plan.models:
        names = ", ".join(f"v{v}" for v in plan.models)
        if len(plan.models) > 1:
            trained = tr("Models {names} were trained on them and keep working as trained (retrain to leave them out).")
        else:
            trained = tr("Model {names} was trained on them and keep working as trained (retrain to leave them out).")
        paragraphs.append(trained.format(names=names))
    paragraphs.append(tr("Backfilled and daily flowers are not touched. This cannot be undone."))
    # Asked without a nested event loop: this runs inside a task's callback.
    tab.removal_box = tab.reporter.ask(
        tr("Remove imported flowers"),
        "\n\n".join(paragraphs),
        tr("&Remove"),
        tr("Cancel"),
        lambda: _remove(tab, ids),
        destructive=True,
    )


def _remove(tab, ids: list[int]):
    tab.removal_task = tab.state.runner.run(
        "removal",
        explore_jobs.remove,
        *tab.state.paths(),
        ids,
        writes=True,
        status=tr("Removing imported flowers…"),
        on_finished=lambda done: _removed(tab, done),
        on_failed=lambda exc, details: _removal_failed(tab, exc, details),
        context=tab,
    )
    return tab.removal_task


def _removed(tab, done) -> None:
    """Say what the removal did (the core's Removal.message(), in the user's language)."""
    from iris_desktop.ui.widgets.pipeline_words import removal_message

    tab.reporter.status(removal_message(done))


def _removal_failed(tab, exc, details) -> None:
    tab.reporter.failure(tr("Removal", "what failed"), exc, details)
