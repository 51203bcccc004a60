"""Rule 580: care ended at 18 while the child was missing, with a reason other than E8."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    birthday,
    rule,
    table,
)


@rule(
    code="580",
    message="Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
    tables=["Episodes", "Missing"],
    fields=["REC"],
    tags=["missing"],
)
def left_care_while_missing_without_e8(ctx: RuleContext) -> pl.LazyFrame:
    """A child missing on their 18th birthday left care that day with a reason other than E8.

    When a child is missing as they turn 18, the missing period ends on their birthday and care ends
    with reason E8 (ceased for any other reason): correct the reason the episode ended, or the
    dates.
    """
    # NOTE: this follows the peer's reading of DfE's coding (MIS_END = DEC = 18th birthday, using
    # the Missing table's DOB). A child missing when they turn 18 leaves care without the usual
    # care-leaver route; the missing period is closed on the 18th birthday and care is recorded as
    # ceasing for any other reason (E8). A blank REC is flagged: it is not E8.
    turned_18 = (
        ctx.table("Missing")
        .filter(pl.col("MIS_END") == birthday(pl.col("DOB"), 18))
        .select("CHILD", pl.col("MIS_END").alias("DEC"), pl.col("_row").alias(RELATED_ROW))
    )
    # The episode names the missing period that ended on the same day.
    ended = ctx.table("Episodes").join(turned_18, on=["CHILD", "DEC"], how="inner")
    return ended.filter(
        ~pl.col("REC").is_in(ctx.codes("REC_OTHER_REASON")).fill_null(False)
    ).with_columns(pl.lit("Missing").alias(RELATED_TABLE))


CASES = [
    Case(
        "care ending on the 18th birthday a missing period ended needs E8; a blank REC is flagged",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_END"],
                ["1", "10/05/2006", "10/05/2024"],
                ["2", "10/05/2006", "10/05/2024"],
                ["4", "10/05/2006", "10/05/2024"],
                ["9", "10/05/2006", "10/05/2024"],
                ["9", "10/05/2006", "01/01/2024"],
            ),
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "10/05/2024", "E41"],
                ["2", "10/05/2024", "E8"],
                ["4", "10/05/2024", ""],
                ["1", "01/01/2024", "X1"],
                ["9", "01/01/2024", "E41"],
                ["9", "10/05/2024", "E41"],
            ),
        },
        flagged={"Episodes": [0, 2, 5]},
        related=(
            ("Episodes", 0, "Missing", 0),
            ("Episodes", 2, "Missing", 2),
            ("Episodes", 5, "Missing", 3),
        ),
    ),
    Case(
        "a missing period ending the day before or after the 18th birthday is not checked",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_END"],
                ["3", "10/05/2006", "09/05/2024"],
                ["6", "10/05/2006", "11/05/2024"],
            ),
            "Episodes": table(
                ["CHILD", "DEC", "REC"], ["3", "09/05/2024", "E41"], ["6", "11/05/2024", "E41"]
            ),
        },
    ),
    Case(
        "a blank or unreadable DOB or MIS_END is not checked",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_END"],
                ["5", "", "10/05/2024"],
                ["7", "10/05/2006", "2024-05-10"],
                ["8", "31/02/2006", "10/05/2024"],
            ),
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["5", "10/05/2024", "E41"],
                ["7", "10/05/2024", "E41"],
                ["8", "10/05/2024", "E41"],
            ),
        },
    ),
]
