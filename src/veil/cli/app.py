"""The root `veil` app, its entry point, and the ONE place where every command is registered.

Every user error is a VeilError: one line on stderr, exit code 2, nothing
written. Anything else is a bug: exit code 1, and its text (which might quote
data) is shown only with --debug.

To add a command: write a plain function in a command module of this package
(its docstring is the help, its `Annotated` parameters the options, shared ones
from `veil.cli.common`), keep its body thin (parse options, call the library,
print), then register it in `_register` below with `app.command("name")(function)`
or, for a group, `app.add_typer(sub_app, name="name")`. Add a `## veil NAME`
section to docs/commands.md (tests/e2e/test_commands.py checks both).
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated, NoReturn

import typer

from veil._version import __version__
from veil.cli import anonymize, apply, generate, policy, risk, scan, text_eval, verify
from veil.cli.common import out, state
from veil.dp.cli import dp_command, ledger_app
from veil.errors import VeilError
from veil.service.cli import serve, token_app
from veil.text.cli import scrub_command
from veil.vault.cli import pseudonymize, vault_app

app = typer.Typer(
    name="veil",
    help="De-identify health and research data: HIPAA Safe Harbor, re-identification risk, "
         "optimal anonymization, local recoding.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
generate_app = typer.Typer(help="Generate synthetic data for demos, tests and benchmarks.",
                           no_args_is_help=True)
text_app = typer.Typer(help="Free text: evaluate the PHI scrubber on a corpus with spans.",
                       no_args_is_help=True)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks (may show data)")] = False,
    version: Annotated[bool, typer.Option("--version", help="print the version")] = False,
) -> None:
    """veil: de-identification of health and research data."""
    state["debug"] = debug
    if version:
        out.print(f"veil {__version__}")
        raise typer.Exit(0)


def _register() -> None:
    """Every command and sub-app of `veil`, in the order `veil --help` lists them."""
    app.add_typer(generate_app, name="generate")
    generate_app.command("patients")(generate.patients)
    generate_app.command("voters")(generate.voters)
    generate_app.command("notes")(generate.notes)
    app.command("scan")(scan.scan)
    app.command("verify")(verify.verify)
    app.command("init")(policy.init)
    app.command("plan")(policy.plan)
    app.command("risk")(risk.risk)
    app.command("attack")(risk.attack)
    app.command("apply")(apply.apply)
    app.command("deidentify")(apply.deidentify)
    app.command("anonymize")(anonymize.anonymize)
    app.command("recode")(anonymize.recode)
    app.command("scrub")(scrub_command)  # free-text PHI (issue 14)
    app.command("pseudonymize")(pseudonymize)
    app.add_typer(vault_app, name="vault")
    app.command("dp")(dp_command)
    app.add_typer(ledger_app, name="ledger")
    app.command("serve")(serve)  # the honest-broker service (issue 5)
    app.add_typer(token_app, name="token")
    app.add_typer(text_app, name="text")
    text_app.command("eval")(text_eval.eval_)


_register()


def main() -> None:
    """Entry point: run the app, turning errors into one line and an exit code."""
    try:
        code = app(args=_optional_values(sys.argv[1:]), standalone_mode=False)
    except VeilError as error:
        if state["debug"]:
            traceback.print_exc()
        _fail_quietly(error)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.stderr.write("veil: aborted\n")
        sys.exit(130)
    except typer.TyperException as error:  # a usage error: unknown option, bad value
        show = getattr(error, "show", None)
        if type(error).__name__ == "NoArgsIsHelpError" and callable(show):
            show()  # `veil` or `veil generate` alone: the help
        else:
            sys.stderr.write(f"veil: error: {_usage_line(error)}\n")
        sys.exit(2)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        # from Polars arrive as pyo3's PanicException, which is not an Exception
        if state["debug"]:
            traceback.print_exc()
        sys.stderr.write(
            f"veil: internal error ({type(error).__name__}); this is a bug. "
            "Re-run with --debug to see details (they may include data).\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


# Options whose value may be left out, with the value that then applies (click has no
# optional values): `veil anonymize FILE --explain` means `--explain=10`.
_OPTIONAL_VALUES: dict[str, dict[str, str]] = {"anonymize": {"--explain": "10"}}


def _optional_values(argv: list[str]) -> list[str]:
    """`argv` with each optional-value option that has no number after it given its default."""
    command = next((arg for arg in argv if not arg.startswith("-")), "")
    options = _OPTIONAL_VALUES.get(command, {})
    return [f"{arg}={options[arg]}" if arg in options
            and not (i + 1 < len(argv) and argv[i + 1].isdigit()) else arg
            for i, arg in enumerate(argv)]


def _usage_line(error: Exception) -> str:
    """A command-line usage error as one line, pointing at the command's help."""
    format_message = getattr(error, "format_message", None)
    text = " ".join(str(format_message() if callable(format_message) else error).split())
    path = getattr(getattr(error, "ctx", None), "command_path", None)
    return f"{text} (fix: see '{path} --help')" if path else text


def _fail_quietly(error: VeilError) -> NoReturn:
    sys.stderr.write(f"veil: error: {error.one_line()}\n")
    sys.exit(error.exit_code)
