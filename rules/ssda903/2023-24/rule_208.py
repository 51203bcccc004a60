"""Rule 208: a UPN recorded last year differs from this year's UPN."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="208",
    message=(
        "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number "
        "(UPN) already recorded for this child."
    ),
    tables=["Header", "Header_last"],
    fields=["UPN"],
    tags=["previous-year", "upn"],
)
def upn_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The child's UPN differs from the UPN recorded for them last year.

    A UPN, once known, stays with the child: use last year's UPN, or correct last year's data if it
    was wrong.
    """
    # NOTE: replacing a real UPN with another UPN, an unknown code (UN1-UN5) or a blank disagrees
    # with it. Last year's unknown codes and blanks record no UPN: moving from one to a real UPN or
    # to another unknown code is allowed. The peer validator also flags some moves between unknown
    # codes (e.g. UN2 to UN3); DfE's message is about a UPN "already recorded", which an unknown
    # code is not, so we do not.
    unknown = ctx.codes("UPN_UNKNOWN")
    last = (
        ctx.table("Header_last")
        .filter(pl.col("UPN").is_not_null() & ~pl.col("UPN").is_in(unknown))
        # Last year's Header row is named beside this year's.
        .select(
            "CHILD",
            pl.col("UPN").alias("last_UPN"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
        )
    )
    joined = ctx.table("Header").join(last, on="CHILD", how="inner")
    return joined.filter(pl.col("UPN").is_null() | (pl.col("UPN") != pl.col("last_UPN")))


CASES = [
    Case(
        "a known UPN replaced by another, an unknown code or a blank is flagged",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["1", "A123456789012"],
                ["2", "A123456789013"],
                ["3", "UN2"],
                ["4", ""],
                ["5", "a123456789012"],
                ["7", "A123456789011"],
            ),
            "Header_last": table(
                ["CHILD", "UPN"],
                ["1", "A123456789012"],
                ["2", "A123456789012"],
                ["3", "A123456789012"],
                ["4", "A123456789012"],
                ["5", "A123456789012"],
                ["7", "A123456789012"],
            ),
        },
        flagged={"Header": [1, 2, 3, 4, 5]},
        related=(
            ("Header", 1, "Header_last", 1),
            ("Header", 2, "Header_last", 2),
            ("Header", 3, "Header_last", 3),
            ("Header", 4, "Header_last", 4),
            ("Header", 5, "Header_last", 5),
        ),
    ),
    Case(
        "unknown or blank last year, and new children, are not flagged",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["1", "A123456789012"],
                ["2", "UN3"],
                ["3", "UN1"],
                ["4", "A123456789012"],
                ["5", ""],
            ),
            "Header_last": table(
                ["CHILD", "UPN"],
                ["1", "UN1"],
                ["2", "UN2"],
                ["3", ""],
                ["4", ""],
                ["6", "A123456789012"],
            ),
        },
        flagged={"Header": []},
    ),
]
