"""The typer app: one command per module, shared error handling and exit codes here."""

import os
import sys

import typer
from rich.console import Console
from rich.text import Text

from csc_validate import __version__, atomic, collections, interrupts
from csc_validate.cli.check import check_command
from csc_validate.cli.convert import convert_command
from csc_validate.cli.diff import diff_command
from csc_validate.cli.example_data import example_data
from csc_validate.cli.explain import explain_command
from csc_validate.cli.explanations import explanations_command
from csc_validate.cli.export import export_command
from csc_validate.cli.init import init_command
from csc_validate.cli.rules import rules_command
from csc_validate.cli.summary import summary_command
from csc_validate.cli.trend import trend_command
from csc_validate.errors import InputError, RuleDefinitionError, UsageError

EXIT_UNUSABLE = 2

SUMMARY = (
    f"Check {' and '.join(c.title for c in collections.registry().values())} against "
    "the DfE validation rules, offline."
)

app = typer.Typer(
    name="csc-validate",
    help=SUMMARY,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("check")(check_command)
app.command("rules")(rules_command)
app.command("explain")(explain_command)
app.command("diff")(diff_command)
app.command("example-data")(example_data)
app.command("init")(init_command)
app.command("export")(export_command)
app.command("convert")(convert_command)
app.command("summary")(summary_command)
app.command("explanations")(explanations_command)
app.command("trend")(trend_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"csc-validate {__version__}")
        raise typer.Exit


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Check children's social care returns against the DfE validation rules, offline."""
    # A collection another package adds that cannot be loaded is said before any command runs.
    for plugin in collections.broken_plugins():
        typer.echo(f"warning: {plugin.message()}", err=True)


def main() -> None:
    """Entry point: a problem with the input is one line and exit code 2, never a traceback;
    an interrupt is one line and exit code 130."""
    # Raised where the run is, so that a report being written is abandoned and its temporary
    # file removed: the old report stays whole.
    interrupts.install()
    already_written = len(atomic.written())
    try:
        _run()
    except (interrupts.Interrupted, KeyboardInterrupt):
        interrupts.stop(atomic.written()[already_written:])


def _run() -> None:
    errors = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    try:
        # Standalone mode: typer reports usage errors itself (exit 2) and honours typer.Exit.
        app()
    except (InputError, UsageError) as error:
        errors.print(Text.assemble(("error:", "bold red"), " ", str(error)))
        sys.exit(EXIT_UNUSABLE)
    except OSError as error:
        # Reading is guarded in the readers; what is left is writing a report.
        where, why = str(error.filename or "output"), error.strerror or str(error)
        errors.print(Text.assemble(("error:", "bold red"), f" {where}: {why}"))
        sys.exit(EXIT_UNUSABLE)
    except Exception as error:
        if os.environ.get("CSC_VALIDATE_DEBUG"):
            raise
        kind = "rule pack error" if isinstance(error, RuleDefinitionError) else "internal error"
        errors.print(f"{kind}: {type(error).__name__}: {error}", markup=False)
        errors.print("Set CSC_VALIDATE_DEBUG=1 to see the traceback, and please report it.")
        sys.exit(EXIT_UNUSABLE)
