"""`python -m veil` runs the command line."""

from veil.cli import main

main()
