"""Options shared by several commands, declared once."""

from typing import Annotated

import typer

from csc_validate import collections

Collection = Annotated[
    str | None,
    typer.Option(
        "--collection",
        "-c",
        help=f"{' or '.join(collections.registry())}; inferred from the files when not given.",
    ),
]
Year = Annotated[
    str | None,
    typer.Option("--year", "-y", help="Collection year such as 2025-26; inferred when not given."),
]
