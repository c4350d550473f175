"""Differential privacy releases (issue 6): the release engine and its budget ledger."""
