"""Removing the selected imported flowers: ask the store what it would do (in a
worker), ask the user, then remove them (in a worker). The tab updates by itself when
the change arrives through the state, like every other."""

from __future__ import annotations

from iris_desktop.store.flowers import SOURCES
from iris_desktop.ui.tabs.explore import jobs as explore_jobs


def remove_selected_imports(tab):
    """Ask the store what removing the selected imported flowers would do, ask the
    user, then remove them (both in workers). Returns the planning Task."""
    c = tab.data.columns
    ids = c.id[tab.selection.mask & (c.source == SOURCES.index("import"))].tolist()
    if not ids:
        tab._status("None of the selected flowers was imported")
        return None
    return tab.state.runner.run(
        "removal",
        explore_jobs.plan_removal,
        *tab.state.paths(),
        ids,
        writes=False,
        status="Checking the selected flowers…",
        on_finished=lambda plan: _confirm_removal(tab, plan, ids),
        on_failed=lambda exc, details: _removal_failed(tab, exc, details),
        context=tab,
    )


def _confirm_removal(tab, plan, ids: list[int]):
    text = f"Remove {plan.removed:,} imported flower{'s' * (plan.removed != 1)} from the store?"
    if plan.models:
        names = ", ".join(f"v{v}" for v in plan.models)
        text += (
            f"\n\nModel{'s' * (len(plan.models) != 1)} {names} "
            f"{'were' if len(plan.models) > 1 else 'was'} trained on them and keep working "
            "as trained (retrain to leave them out)."
        )
    text += "\n\nBackfilled and daily flowers are not touched. This cannot be undone."
    # Asked without a nested event loop: this runs inside a task's callback.
    tab.removal_box = tab.reporter.ask(
        "Remove imported flowers", text, "&Remove", "Cancel", lambda: _remove(tab, ids), destructive=True
    )


def _remove(tab, ids: list[int]):
    tab.removal_task = tab.state.runner.run(
        "removal",
        explore_jobs.remove,
        *tab.state.paths(),
        ids,
        writes=True,
        status="Removing imported flowers…",
        on_finished=lambda done: tab._status(done.message()),
        on_failed=lambda exc, details: _removal_failed(tab, exc, details),
        context=tab,
    )
    return tab.removal_task


def _removal_failed(tab, exc, details) -> None:
    tab.reporter.failure("Removal", exc, details)
