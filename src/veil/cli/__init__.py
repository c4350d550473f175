"""The `veil` command (typer): a thin layer over `veil.pipeline` and friends.

`veil.cli.app` holds the root app, `main()` (the console entry point
`veil.cli:main`) and the registration of every command; one module per group
of commands holds their thin bodies; `veil.cli.common` the shared options.
"""

from veil.cli.app import app, generate_app, main

__all__ = ["app", "generate_app", "main"]
