"""`csc-validate example-data`: write a synthetic return to try the checks on."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from csc_validate import collections, schemas
from csc_validate.collection import ExampleRequest
from csc_validate.errors import UsageError
from csc_validate.periods import parse_year


def example_data(
    collection: Annotated[
        str,
        typer.Argument(help=f"The return to imitate: {', '.join(collections.with_examples())}."),
    ],
    children: Annotated[
        int, typer.Option("--children", min=1, help="Children in this year's return.")
    ] = 200,
    seed: Annotated[int, typer.Option("--seed", help="The same seed writes the same files.")] = 1,
    year: Annotated[
        str, typer.Option("--year", help="Collection year such as 2025-26.")
    ] = "2025-26",
    error_rate: Annotated[
        float,
        typer.Option(
            "--error-rate",
            min=0.0,
            max=1.0,
            help="Share of children given realistic mistakes (0 for a clean return).",
        ),
    ] = 0.05,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Where to write: a folder or a file, as the collection writes its returns.",
        ),
    ] = Path("example-data"),
) -> None:
    """Write synthetic example data (no real child's data) to try the checks on."""
    if collection not in collections.registry():
        raise typer.BadParameter(
            f"{collection!r} is not a collection (available: {', '.join(collections.registry())})",
            param_hint="COLLECTION",
        )
    chosen = collections.get(collection)
    if chosen.write_examples is None:
        raise UsageError(
            f"{chosen.title} has no example-data generator: csc-validate writes example data "
            f"for {', '.join(collections.with_examples()) or 'no collection'} only"
        )
    try:
        parse_year(year)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--year") from error
    known = schemas.available_years(collection)
    if year not in known:
        raise typer.BadParameter(
            f"no {collection} schema for {year} (known years: {', '.join(known)})",
            param_hint="--year",
        )
    if chosen.example_out == "file" and out.is_dir():
        raise typer.BadParameter(f"{out} is a folder; name the file to write", param_hint="--out")
    lines = chosen.write_examples(ExampleRequest(out, children, seed, year, error_rate))
    console = Console(highlight=False, soft_wrap=True, emoji=False)
    for line in lines:
        console.print(line, markup=False)
