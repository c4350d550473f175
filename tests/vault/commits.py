"""Counting the vault's committed write transactions, for the group-commit tests."""

from __future__ import annotations

from sqlalchemy import Connection


class Commits:
    """Counts committed write transactions (SQLAlchemy "commit" events on the vault's engine)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, conn: Connection) -> None:
        if conn.get_execution_options().get("veil_write"):
            self.count += 1
