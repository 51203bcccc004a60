"""What a writer may need besides the Report: the same for every format, each uses its part."""

from dataclasses import dataclass

from csc_validate.tables import Tables


@dataclass(frozen=True)
class Options:
    """`tables` are the tables the check loaded (the rows as read), for outputs that show them."""

    tables: Tables | None = None
    child_column: str | None = None
    limit: int = 50
    quiet: bool = False
    by_child: bool = False
    password: str | None = None
    # A workbook this run wrote, which the terminal's last line points to.
    workbook: str | None = None
    # A command's own last line of advice, instead of check's (export says to export again).
    next_step: str | None = None
    # The team a split workbook is for, named in its title and Summary.
    team: str | None = None
