"""`csc-validate explain CODE`: one rule, its years and an example it flags and one it does not."""

from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate import collections, packs, schemas
from csc_validate.builtin import BUILTIN_TABLE
from csc_validate.cli.options import Collection, Year
from csc_validate.code_meanings import valid_codes
from csc_validate.errors import UsageError
from csc_validate.resources import data_dir
from csc_validate.rulekit.cases import Case
from csc_validate.rulekit.rule import MidYear, Rule


def explain_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. 103 or SW04STG1.")],
    collection: Collection = None,
    year: Year = None,
) -> None:
    """Explain one rule: DfE's message, tables, fields, years in force and examples."""
    collection = collection or _collection_of(code)
    console = Console(highlight=False, emoji=False)
    unchecked = packs.not_implemented_in(collection, code)
    if unchecked and not any(_lookup(packs.load(collection, y).rules, code) for y in unchecked[0]):
        in_force = ", ".join(unchecked[0])
        console.print(Text.assemble((code, "bold"), f" (DfE rule in force in {in_force})"))
        console.print(f"\nNot checked by csc-validate: {unchecked[1]}", markup=False)
        retired = packs.retired_in(collection, code)
        if retired:
            console.print(f"\nRetired:  {retired}", markup=False)
        return
    rule, in_force = _find(collection, code, year)
    console.print(Text.assemble((rule.code, "bold"), f" ({rule.severity.value}) {rule.message}"))
    if rule.summary:
        console.print(f"\n{rule.summary}", markup=False)
    if rule.explanation:
        console.print(f"\n{rule.explanation}", markup=False)
    console.print()
    tables = [table for table in rule.tables if table != BUILTIN_TABLE] or ["any table"]
    console.print(f"Tables:   {', '.join(tables)}", markup=False)
    console.print(f"Fields:   {', '.join(rule.fields) or 'the column concerned'}", markup=False)
    console.print(f"In force: {', '.join(in_force)}")
    provisional = [y for y in in_force if _provisional_in(collection, y, code)]
    if rule.provisional:
        console.print(
            f"Standing: provisional in {', '.join(provisional)}. {rule.provisional}", markup=False
        )
    elif provisional:
        console.print(f"Standing: provisional in {', '.join(provisional)}", markup=False)
    _print_codes(console, rule, collection, year or in_force[-1])
    if rule.needs:
        pronoun = "them" if len(rule.needs) > 1 else "it"
        console.print(
            f"Needs:    {' and '.join(rule.needs)} "
            f"(without {pronoun}, `check` lists the rule as not run)",
            markup=False,
        )
    if rule.mid_year is MidYear.NOT_YET_DUE:
        console.print(
            "Mid-year: not yet due on a year-to-date extract (--as-at): it is about the "
            "year-end tables, and runs when the year has ended"
        )
    if rule.earlier_years:
        console.print(
            "History:  reads every earlier year's return given with --previous (repeatable), "
            "not only last year's: the more years given, the more it can find"
        )
    retired = packs.retired_in(collection, rule.code)
    if retired:
        console.print(f"Retired:  {retired}", markup=False)
    if rule.origin is not None:
        console.print(f"Source:   local rule from {rule.origin} ({rule.source})", markup=False)
    elif rule.source is not None:
        console.print(
            f"Source:   rules/{rule.source.relative_to(data_dir('rules')).as_posix()}", markup=False
        )
    # The example shows a mistake being flagged: the first of the year's cases that flags a row,
    # if any does (a rule whose years differ has cases for each).
    cases = [case for case in rule.cases if case.runs_in(year or in_force[-1])]
    flagging = [case for case in cases if any(case.flagged.values())]
    for case in (flagging or cases)[:1]:
        _print_case(console, case)


def _print_codes(console: Console, rule: Rule, collection: str, year: str) -> None:
    """A code rule's valid codes in the year, each with its meaning."""
    for codes in valid_codes(rule, schemas.load(collection, year)):
        console.print(f"\nValid {codes.field} codes in {year}:")
        for code, meaning in codes.codes:
            console.print(f"  {code:<6} {meaning}".rstrip(), markup=False)


def _collection_of(code: str) -> str:
    """The one collection that has (or had) the code; several must be told apart by the user."""
    having = [
        name
        for name in collections.registry()
        if any(_lookup(packs.load(name, y).rules, code) for y in packs.years(name))
        or packs.retired_in(name, code)
        or packs.not_implemented_in(name, code)
    ]
    if len(having) > 1:
        raise UsageError(f"{code} is a rule of {' and '.join(having)}; say which with --collection")
    return having[0] if having else collections.default().name


def _find(collection: str, code: str, year: str | None) -> tuple[Rule, list[str]]:
    years = packs.years(collection)
    if not years:
        raise UsageError(f"no rule packs for the collection {collection!r}")
    in_force = [y for y in years if _lookup(packs.load(collection, y).rules, code)]
    if not in_force:
        retired = packs.retired_in(collection, code)
        if retired:
            raise UsageError(f"rule {code} was retired in {retired}")
        raise UsageError(f"{code!r} is not a {collection} rule code")
    chosen = year or in_force[-1]
    rule = _lookup(packs.load(collection, chosen).rules, code)
    if rule is None:
        raise UsageError(
            f"rule {code} is not in force in {chosen} (in force: {', '.join(in_force)})"
        )
    return rule, in_force


def _provisional_in(collection: str, year: str, code: str) -> bool:
    rule = _lookup(packs.load(collection, year).rules, code)
    return rule is not None and bool(rule.provisional)


def _lookup(rules: dict[str, Rule], code: str) -> Rule | None:
    by_upper = {key.upper(): rule for key, rule in rules.items()}
    return by_upper.get(code.upper())


def _print_case(console: Console, case: Case) -> None:
    console.print(
        f"\nExample: {case.name}" + (f" (dates for {case.period})" if case.period else ""),
        markup=False,
    )
    if case.la:
        console.print(f"Council (--la): {case.la}", markup=False)
    for name, content in case.reference.items():
        reference = Table(
            title=Text(f"{name} (reference data)"), box=box.SIMPLE_HEAD, title_justify="left"
        )
        for column in content.columns:
            reference.add_column(Text(column), overflow="fold")
        for row in content.rows:
            reference.add_row(*[Text(value) if value else "(blank)" for value in row])
        console.print(reference)
    for name, content in case.tables.items():
        flagged = set(case.flagged.get(name, ()))
        table = Table(title=Text(name), box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("", no_wrap=True)
        for column in content.columns:
            table.add_column(Text(column), overflow="fold")
        for index, row in enumerate(content.rows):
            mark = "[red]flagged[/red]" if index in flagged else "[green]clean[/green]"
            table.add_row(mark, *[Text(value) if value else "(blank)" for value in row])
        console.print(table)
