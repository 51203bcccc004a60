"""Rule 626: a new mother whose first child was born before this year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="626",
    message=(
        "Child was reported as a mother but the date of birth of the first child is before the"
        " current year which contradicts with the mother status recorded last year."
    ),
    tables=["Header", "Header_last"],
    fields=["MOTHER", "MC_DOB"],
    tags=["header", "previous-year"],
)
def new_mother_with_earlier_child(ctx: RuleContext) -> pl.LazyFrame:
    """A girl who was not a mother in last year's return has a first child born before 1 April.

    A first child born before this year would have made her a mother in last year's return: check
    the first child's date of birth (MC_DOB) and last year's mother status.
    """
    # Not a mother last year is MOTHER 0 in last year's Header; a mother now is MOTHER 1. Blank
    # MOTHER or MC_DOB values are not compared. The rule needs last year's Header.
    not_mother_last_year = ctx.table("Header_last").filter(
        pl.col("MOTHER").is_in(ctx.codes("FLAG_NO"))
    )
    # Last year's row recording her as not a mother is named beside the finding.
    new_mothers = (
        ctx.table("Header")
        .filter(pl.col("MOTHER").is_in(ctx.codes("FLAG_YES")) & (pl.col("MC_DOB") < ctx.start))
        .join(not_mother_last_year.select("CHILD"), on="CHILD", how="semi")
    )
    return beside(new_mothers, not_mother_last_year, f"Header{PREVIOUS_SUFFIX}")


CASES = [
    Case(
        "a new mother whose first child was born before 1 April is flagged; on or after is not",
        tables={
            "Header": table(
                ["CHILD", "MOTHER", "MC_DOB"],
                ["1", "1", "31/03/2025"],
                ["2", "1", "01/04/2025"],
                ["5", "1", ""],
                ["7", "1", "30/03/2025"],
                ["8", "1", "31/02/2025"],
                ["9", "1", "2025-03-31"],
                ["11", "1", "01/01/2010"],
                ["12", "1", "02/04/2025"],
            ),
            "Header_last": table(
                ["CHILD", "MOTHER"],
                ["1", "0"],
                ["2", "0"],
                ["5", "0"],
                ["7", "0"],
                ["8", "0"],
                ["9", "0"],
                ["11", "0"],
                ["12", "0"],
            ),
        },
        flagged={"Header": [0, 3, 6]},
        related=(
            ("Header", 0, "Header_last", 0),
            ("Header", 3, "Header_last", 3),
            ("Header", 6, "Header_last", 6),
        ),
        period="2025-26",
    ),
    Case(
        "only a mother now who was recorded as not a mother last year is flagged",
        tables={
            "Header": table(
                ["CHILD", "MOTHER", "MC_DOB"],
                ["1", "1", "31/03/2025"],
                ["3", "1", "31/03/2025"],
                ["4", "1", "31/03/2025"],
                ["6", "0", "31/03/2025"],
                ["10", "9", "31/03/2025"],
                ["13", "1", "31/03/2025"],
            ),
            "Header_last": table(
                ["CHILD", "MOTHER"],
                ["1", "0"],
                ["3", "1"],
                ["4", ""],
                ["6", "0"],
                ["10", "0"],
            ),
        },
        flagged={"Header": [0]},
        related=(("Header", 0, "Header_last", 0),),
        period="2025-26",
    ),
]
