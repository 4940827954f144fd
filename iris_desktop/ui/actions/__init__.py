"""Menu actions, one module per subject. Each module's class builds its QActions, puts
them in the window's menus and runs its work through the task runner; the tab about
the same subject uses the same object (the Train tab activates through ModelActions)."""
