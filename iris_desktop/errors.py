"""What can go wrong that a user can act on, and how it is said. One taxonomy for the
whole app: the CLI prints such a failure as one line and exits 2; the window shows it
in a plain dialog. Anything else is a bug: logged with its traceback, shown with details.

No Qt and nothing of ours is imported here: every layer may raise these.
"""

from __future__ import annotations


class UserError(Exception):
    """A failure the user can understand and act on: bad input, a damaged, busy or full
    store, a model file that cannot be used. Its message says what and where."""


class InvalidValue(UserError, ValueError):
    """A value outside what it may be (a measurement, a parameter, a date, a choice)."""


class Cancelled(Exception):
    """Work stopped because the user asked; what was whole is kept. Not a failure."""


def user_message(exc: BaseException) -> str | None:
    """The line a user is shown for `exc`; None if it is not theirs to fix (a bug)."""
    if isinstance(exc, UserError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, OSError):  # a file or folder the user named, or the disk
        return str(exc)
    return None


def is_cancellation(exc: BaseException) -> bool:
    return isinstance(exc, Cancelled)
