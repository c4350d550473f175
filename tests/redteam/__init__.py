"""Red-team extracts for issue 11: hospital exports of shapes the project's own battery
(tests/shapes) does not hold, each with its planted identifiers, its utility columns and
checks of its own, run through the real `veil deidentify` command.

    .venv/bin/python -m tests.redteam.attacks --out /tmp/redteam [--only a,b] [--jobs 2]

Nothing here prints a planted value: results are exit codes, counts, columns and
categories. The package reuses the ground-truth model and auditor of tests/shapes
(`Extract`, `Planted`, `audit_run`) and adds what they do not measure (date parts in
their own columns, years that reveal an age over 89, utility on the clean rows of a
contaminated column, the shape of a refusal).
"""
