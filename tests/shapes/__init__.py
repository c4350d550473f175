"""Differently shaped EHR extracts with known planted identifiers, and an auditor that
counts what of them survives a de-identification run (issue 11).

The extracts are written from an auditor's point of view, independently of veil's
scanner: `extracts.py` builds them, `audit.py` measures a run's output against them.
"""
