"""`csc-validate rules`: list a year's rule pack, or what changed in it."""

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate import collections, packs
from csc_validate.builtin import BUILTIN_TABLE
from csc_validate.cli.options import Collection, Year
from csc_validate.errors import UsageError
from csc_validate.findings import code_key
from csc_validate.packs import Pack
from csc_validate.rulekit.rule import Rule


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def rules_command(
    collection: Collection = None,
    year: Year = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.TABLE,
    changes: Annotated[
        bool, typer.Option("--changes", help="Only what the year added, changed and retired.")
    ] = False,
) -> None:
    """List the rules of a collection year (default: the newest year)."""
    pack = choose_pack(collection, year)
    errors = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    for item in pack.broken:
        errors.print(
            Text.assemble(("local rule not loaded:", "bold red"), f" {item.name}: {item.error}")
        )
    if changes:
        _print_changes(pack, output_format)
        return
    described = [describe(rule) for rule in pack.ordered()]
    # DfE rules of the year that csc-validate does not check: listed as such, never as rules.
    unchecked = [
        {"code": code, "checked": False, "source": "DfE", "reason": reason}
        for code, reason in sorted(pack.not_implemented.items(), key=lambda item: code_key(item[0]))
    ]
    if output_format is ListFormat.JSON:
        typer.echo(json.dumps(described + unchecked, indent=2, ensure_ascii=False))
        return
    table = Table(
        title=f"{pack.collection} {pack.year}: {len(described)} rules",
        box=box.SIMPLE_HEAD,
        title_justify="left",
    )
    table.add_column("Code", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Tables", overflow="fold", max_width=22)
    table.add_column("Source", overflow="fold", max_width=16)
    table.add_column("Message", overflow="fold")
    for item in described:
        table.add_row(
            item["code"],
            item["severity"],
            ", ".join(item["tables"]),
            f"{item['source']}, provisional" if item["provisional"] else item["source"],
            item["message"],
        )
    # Messages and local rules' text are data, never markup.
    console = Console(markup=False, emoji=False)
    console.print(table)
    for item in described:
        if item["provisional"]:
            console.print(f"Provisional: {item['code']}. {item['provisional']}", markup=False)
    _print_year_round(console, pack)
    for item in unchecked:
        console.print(f"Not checked by csc-validate: {item['code']}. {item['reason']}")


def _print_year_round(console: Console, pack: Pack) -> None:
    """Which rules a year-to-date check leaves for later, and which gain from earlier years."""
    due = ", ".join(pack.not_yet_due)
    if due:
        console.print(
            f"Not yet due on a year-to-date extract (--as-at), tag year-end: {due}.", markup=False
        )
    looking_back = ", ".join(rule.code for rule in pack.ordered() if rule.earlier_years)
    if looking_back:
        console.print(
            "Gain from earlier years' returns (--previous for each year), tag earlier-years: "
            f"{looking_back}.",
            markup=False,
        )


def choose_pack(collection: str | None, year: str | None) -> Pack:
    collection = collection or collections.default().name
    years = packs.years(collection)
    if not years:
        known = ", ".join(packs.collections())
        raise UsageError(f"no rule packs for the collection {collection!r} (available: {known})")
    return packs.load(collection, year or years[-1])


def describe(rule: Rule) -> dict:
    return {
        "code": rule.code,
        "checked": True,
        "severity": rule.severity.value,
        "message": rule.message,
        "tables": [table for table in rule.tables if table != BUILTIN_TABLE],
        "fields": list(rule.fields),
        "tags": list(rule.tags),
        "source": source(rule),
        # What the user must give for the rule to run (e.g. "--la"); empty when nothing.
        "needs": list(rule.needs),
        # Why the reading is provisional (inferred without DfE's own text); empty when it is not.
        "provisional": rule.provisional,
        # On a year-to-date extract: "as_at" (judged at the date) or "not_yet_due".
        "mid_year": rule.mid_year.value,
        "earlier_years": rule.earlier_years,
    }


def source(rule: Rule) -> str:
    """Who wrote the rule: DfE, csc-validate (its own reading checks) or a council's package."""
    if rule.origin is not None:
        return f"local: {rule.origin}"
    # csc-validate's own codes start with CSC: its reading checks, and rules where DfE has none.
    return "csc-validate" if rule.check is None or rule.code.startswith("CSC") else "DfE"


def _print_changes(pack: Pack, output_format: ListFormat) -> None:
    changes = {
        "collection": pack.collection,
        "year": pack.year,
        "extends": pack.extends,
        "added": list(pack.added),
        "changed": list(pack.changed),
        "retired": pack.retired,
    }
    if output_format is ListFormat.JSON:
        typer.echo(json.dumps(changes, indent=2, ensure_ascii=False))
        return
    console = Console(highlight=False, emoji=False)
    console.print(f"[bold]{pack.collection} {pack.year}[/bold] extends {pack.extends or 'nothing'}")
    console.print(f"added ({len(pack.added)}): {', '.join(pack.added) or 'none'}", markup=False)
    console.print(
        f"changed ({len(pack.changed)}): {', '.join(pack.changed) or 'none'}", markup=False
    )
    console.print(f"retired ({len(pack.retired)}):")
    for code, reason in pack.retired.items():
        console.print(f"  {code}: {reason}", markup=False)
