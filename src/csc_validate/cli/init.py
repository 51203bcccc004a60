"""`csc-validate init`: write a commented settings file to start from."""

from pathlib import Path
from typing import Annotated

import typer

from csc_validate import atomic, collections, config
from csc_validate.errors import UsageError
from csc_validate.reports import Format
from csc_validate.severity import Severity


def template() -> str:
    """Every setting, commented out at its default, with what it means."""
    names = " or ".join(f'"{name}"' for name in collections.registry())
    formats = ", ".join(f'"{fmt.value}"' for fmt in Format)
    levels = " or ".join(f'"{level.value}"' for level in Severity)
    return f"""\
# Settings for `csc-validate check`, read from this folder (csc-validate.toml, or the same
# keys under [tool.csc-validate] in pyproject.toml). Options on the command line win.
# Paths are relative to this file. Uncomment what you need.

# Which return: {names}. Worked out from the files when not set.
# collection = "{next(iter(collections.registry()))}"

# The collection year, such as "2025-26". Worked out from the files when not set.
# year = "2025-26"

# Your council's code (ONS E09000033 or DfE 213), for the rules that need reference data.
# la = "E09000033"

# This year's files or folders ("-" is standard input), and last year's (for the rules that
# compare years).
# inputs = ["extract/"]
# previous = ["last-year/"]

# Ofsted's provider lists, for the rules that need them.
# ofsted = ["ofsted/providers.csv"]

# Rules to run or leave out: codes ("101"), table names ("Episodes") or tags ("tag:dates").
# select = []
# ignore = []

# Check a return that lacks some of its tables (otherwise exit code 2).
# partial = false

# Exit 1 when there are findings at or above this severity: "error", "query" or "never".
# fail-on = "error"

# Only report, and fail on, findings not in this baseline (write one with
# `csc-validate check --write-baseline baseline.json`).
# baseline = "baseline.json"

# Findings true of the child, each with its reason, in a CSV (rule, child, table, key, reason,
# who, date): shown apart, and they do not fail --fail-on. Or list them in [[accepted]] below.
# accepted-file = "accepted.csv"

# Tables come last: in TOML, every key after a [table] line belongs to that table.

# Report a rule as {levels} whatever DfE says, e.g. a query your council treats as an error.
# [severity]
# "101" = "query"

# Reports to write; format is one of {formats}. Without a path it goes to standard output.
# [[outputs]]
# format = "terminal"
#
# [[outputs]]
# format = "sarif"
# path = "csc-validate.sarif"

# Rules whose findings are not wanted in one table.
# [per-table-ignores]
# Episodes = ["355"]

# A finding accepted with its reason (key: the row's identifying values, e.g. DECOM).
# [[accepted]]
# rule = "103"
# child = "107840"
# key = {{ DECOM = "01/05/2025" }}
# reason = "Parent declined to give the child's ethnicity"
# who = "J Smith"
# date = "2026-05-03"
"""


def init_command(
    path: Annotated[Path, typer.Argument(help="The settings file to write.")] = Path(
        config.DEFAULT_NAME
    ),
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a commented settings file that lists every setting."""
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; name the settings file to write")
    if path.exists() and not force:
        raise UsageError(f"{path}: already exists (--force replaces it)")
    atomic.write_text(path, template())
    typer.echo(f"Wrote {path}; uncomment the settings you need.")
