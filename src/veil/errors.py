"""The one exception family of veil.

Every user-facing failure is a :class:`VeilError`. Its message names the place
(file, line, column, parameter), what was expected and what was found, with a
hint after a blank line. A message never contains a cell value of the input:
callers describe values by position, type or count, never by content.
"""

from __future__ import annotations


class VeilError(Exception):
    """Root of every error veil raises on purpose (exit code 2 in the CLI)."""

    exit_code: int = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message if hint is None else f"{message}\n\nhint: {hint}")

    def one_line(self) -> str:
        """The message and hint on one line, for stderr."""
        text = " ".join(self.message.split())
        if self.hint:
            text += f" (fix: {' '.join(self.hint.split())})"
        return text


class InputError(VeilError):
    """The input data cannot be read as what it claims to be."""


class PolicyError(VeilError):
    """The policy is invalid, incomplete, or does not fit the data."""


class UsageError(VeilError):
    """A command-line option or API argument is wrong."""


class KeyStoreError(VeilError):
    """A secret, key file or code store is missing, unreadable or inconsistent."""


class VaultError(KeyStoreError):
    """The key vault (issue 5) refused or failed an operation."""


class PrivacyBudgetError(VeilError):
    """A differential privacy release would exceed its budget (issue 6)."""


class EngineError(VeilError):
    """The engine asked for does not exist or cannot run here (exit code 2)."""


class CapabilityError(EngineError):
    """The chosen engine cannot run a feature (Mondrian on Spark, ...); exit code 2."""

    def __init__(self, engine: str, feature: str, capability: str) -> None:
        super().__init__(
            f"{feature} cannot run on the {engine} engine (it needs the {capability!r} "
            "capability, which that engine does not have)",
            hint="run this command with --engine polars (the default)",
        )
        self.engine = engine
        self.feature = feature
        self.capability = capability


class InternalError(Exception):
    """A broken invariant inside veil: a bug, never a user error (exit code 1)."""


class HierarchyError(VeilError):
    """A generalization hierarchy is malformed or does not cover the data (issue 4)."""


class VerificationError(VeilError):
    """The output still holds identifiers: the run fails closed (exit code 3).

    Its message names columns and Safe Harbor categories with counts, never a
    value; nothing of the output was written.
    """

    exit_code = 3
