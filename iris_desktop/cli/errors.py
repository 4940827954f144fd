"""The CLI's own error kind, importable by the parser and the handlers alike."""


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""
