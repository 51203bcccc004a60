"""Options shared by several commands, declared once."""

from pathlib import Path
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
AsAt = Annotated[
    str | None,
    typer.Option(
        "--as-at",
        help="Check a year-to-date extract as at this date (30/09/2025 or 2025-09-30): the "
        "period runs from the first day of the collection year to it; rules that judge the "
        "year at its end (OC2, OC3) are not yet due.",
        show_default=False,
    ),
]
Council = Annotated[
    str | None,
    typer.Option(
        "--la",
        help="Your council's code (ONS such as E09000033, or DfE such as 213): for the rules on "
        "placement LA, location and distance.",
    ),
]
OfstedLists = Annotated[
    list[Path] | None,
    typer.Option(
        "--ofsted",
        help="Ofsted's children's homes and social care providers lists (XLSX or CSV, as "
        "downloaded; repeatable): for the URN rules.",
    ),
]
