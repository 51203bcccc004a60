"""Rule 204: ethnicity differs from the one recorded for the child last year."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="204",
    message="Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
    tables=["Header", "Header_last"],
    fields=["ETHNIC"],
    tags=["previous-year", "codes"],
)
def ethnicity_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The child's ethnicity differs from the one recorded for them last year.

    Check the child's ethnicity in the case record and correct whichever year's is wrong.
    """
    # Codes are compared exactly as written (DfE's lists are case-sensitive). A blank or invalid
    # code this year fails rule 103 (DfE stage 1) and is not compared; a blank last year records
    # nothing to disagree with.
    # NOTE: the peer also flags blank or invalid codes, which fail stage 1 (rule 103).
    # Last year's Header row is named beside this year's.
    last = ctx.table("Header_last").select(
        "CHILD",
        pl.col("ETHNIC").alias("last_ETHNIC"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
    )
    header = ctx.table("Header").filter(pl.col("ETHNIC").is_in(ctx.codes("ETHNIC")))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child new this year a blank
    # last-year value, and the filter drops a comparison with a blank, as the inner join drops it.
    joined = header.join(last, on="CHILD", how="inner")
    return joined.filter(pl.col("ETHNIC") != pl.col("last_ETHNIC"))


CASES = [
    Case(
        "a code different from last year's is flagged, whichever of the two sorts first",
        tables={
            "Header": table(["CHILD", "ETHNIC"], ["2", "WBRI"], ["8", "MOTH"]),
            "Header_last": table(["CHILD", "ETHNIC"], ["2", "NOBT"], ["8", "WBRI"]),
        },
        flagged={"Header": [0, 1]},
        related=(("Header", 0, "Header_last", 0), ("Header", 1, "Header_last", 1)),
    ),
    Case(
        "new children, blanks and invalid codes (lower case too) are not flagged",
        tables={
            "Header": table(
                ["CHILD", "ETHNIC"],
                ["1", "WBRI"],
                ["3", "nobt"],
                ["4", ""],
                ["5", "BOTH"],
                ["6", "BCRB"],
                ["7", "XXXX"],
            ),
            "Header_last": table(
                ["CHILD", "ETHNIC"],
                ["1", "WBRI"],
                ["3", "NOBT"],
                ["4", "MOTH"],
                ["6", ""],
                ["7", "WBRI"],
            ),
        },
        flagged={},
    ),
]
