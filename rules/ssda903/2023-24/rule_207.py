"""Rule 207: a child recorded as a mother last year is not recorded as one this year."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="207",
    message=(
        "Mother status for the current year disagrees with the mother status already recorded "
        "for this child."
    ),
    tables=["Header", "Episodes", "Header_last"],
    fields=["MOTHER"],
    tags=["previous-year", "mothers"],
)
def mother_last_year_not_mother_now(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as a mother last year is not recorded as a mother this year.

    Being a mother does not change from one year to the next: set the 'mother' status (MOTHER) to 1,
    or correct last year's record if it was wrong.
    """
    # NOTE: motherhood cannot be undone, so MOTHER 1 last year must stay 1; a blank this year
    # disagrees too. Only children with an episode this year are checked (care leavers reported in
    # OC3 alone are not), as DfE's check joins Header to Episodes.
    was_mother = (
        ctx.table("Header_last")
        .filter(pl.col("MOTHER").is_in(ctx.codes("FLAG_YES")))
        # Last year's Header row is named beside this year's.
        .select(
            "CHILD",
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
        )
    )
    looked_after = ctx.table("Episodes").select("CHILD").unique()
    header = ctx.table("Header").join(was_mother, on="CHILD", how="inner")
    header = header.join(looked_after, on="CHILD", how="semi")
    mother = pl.col("MOTHER")
    return header.filter(mother.is_null() | ~mother.is_in(ctx.codes("FLAG_YES")))


CASES = [
    Case(
        "a mother last year recorded 0 or blank this year is flagged, once with two episodes",
        tables={
            "Header": table(["CHILD", "MOTHER"], ["2", "0"], ["3", ""]),
            "Header_last": table(["CHILD", "MOTHER"], ["2", "1"], ["3", "1"]),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["2", "01/05/2020"],
                ["2", "01/06/2020"],
                ["3", "01/05/2020"],
            ),
        },
        flagged={"Header": [0, 1]},
        related=(
            ("Header", 0, "Header_last", 0),
            ("Header", 1, "Header_last", 1),
        ),
    ),
    Case(
        "still a mother, or not a mother or blank last year, is not flagged",
        tables={
            "Header": table(["CHILD", "MOTHER"], ["1", "1"], ["4", "0"], ["5", "1"], ["6", "0"]),
            "Header_last": table(
                ["CHILD", "MOTHER"], ["1", "1"], ["4", "0"], ["5", "0"], ["6", ""]
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "01/05/2020"],
                ["4", "01/05/2020"],
                ["5", "01/05/2020"],
                ["6", "01/05/2020"],
            ),
        },
        flagged={},
    ),
    Case(
        "a mother last year with no episode this year (a care leaver) is not checked",
        tables={
            "Header": table(["CHILD", "MOTHER"], ["7", "0"], ["1", "1"]),
            "Header_last": table(["CHILD", "MOTHER"], ["7", "1"], ["1", "1"]),
            "Episodes": table(["CHILD", "DECOM"], ["1", "01/05/2020"]),
        },
        flagged={},
    ),
]
