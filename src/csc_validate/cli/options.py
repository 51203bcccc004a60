"""Options shared by several commands, declared once."""

from typing import Annotated

import typer

Collection = Annotated[
    str | None,
    typer.Option(
        "--collection",
        "-c",
        help="ssda903 (children looked after); inferred from the files when not given.",
    ),
]
Year = Annotated[
    str | None,
    typer.Option("--year", "-y", help="Collection year such as 2025-26; inferred when not given."),
]
