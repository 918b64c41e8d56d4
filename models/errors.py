"""Named errors: each says what went wrong in words a user can act on."""
from __future__ import annotations


class ClaimcheckError(Exception):
    """Base: a configuration or usage problem reported as one line, exit code 1."""


class InputNotFound(ClaimcheckError):
    pass


class PathOutsideRoot(ClaimcheckError):
    pass


class WarehouseUnavailable(ClaimcheckError):
    pass


class WarehouseLocked(ClaimcheckError):
    pass


class UnreadableInput(Exception):
    """A single input file that cannot become an article; recorded, never fatal."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class WarehouseDamaged(WarehouseUnavailable):
    """The warehouse file is truncated or corrupt: the message says how to restore it."""
