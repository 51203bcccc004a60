"""Rule 393: a looked-after girl has no mother status."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import first_of_each
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="393",
    message="Child is looked after but mother field is not completed.",
    tables=["Header", "Episodes"],
    fields=["MOTHER"],
    tags=["integrity"],
)
def looked_after_girl_without_mother_status(ctx: RuleContext) -> pl.LazyFrame:
    """A looked-after girl has no answer to whether she is a mother (MOTHER).

    Record whether she is a mother; girls looked after only on short breaks (legal status V3 or V4)
    do not need it.
    """
    # DfE asks whether each looked-after girl is a mother; children only on short breaks are exempt
    # (rule 399). An episode with a blank LS counts as looked after.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    # The episodes that show the child looked after (the first NAMED_AT_MOST) are named beside
    # the Header row.
    looked_after = first_of_each(ctx.table("Episodes").filter(~respite), "CHILD").select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
    )
    # Female is the year's SEX_FEMALE code (2 until 2023-24, F from 2024-25).
    female = pl.col("SEX").is_in(ctx.codes("SEX_FEMALE"))
    girls = ctx.table("Header").filter(female & pl.col("MOTHER").is_null())
    return girls.join(looked_after, on="CHILD", how="inner")


CASES = [
    Case(
        "a girl looked after outside short breaks needs MOTHER",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MOTHER"],
                ["1", "2", ""],
                ["2", "2", "0"],
                ["3", "1", ""],
                ["4", "2", ""],
                ["5", "2", ""],
                ["6", "2", ""],
            ),
            "Episodes": table(
                ["CHILD", "LS"],
                ["1", "C2"],
                ["2", "C2"],
                ["3", "C2"],
                ["4", "V3"],
                ["4", "V4"],
                ["5", ""],
            ),
        },
        flagged={"Header": [0, 4]},
        related=(("Header", 0, "Episodes", 0), ("Header", 4, "Episodes", 5)),
        years=("2023-24",),
    ),
    Case(
        "from 2024-25 a girl is coded F",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MOTHER"],
                ["1", "F", ""],
                ["2", "F", "1"],
                ["3", "M", ""],
                ["4", "U", ""],
                ["5", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "LS"],
                ["1", "V3"],
                ["1", "C1"],
                ["2", "C2"],
                ["3", "C2"],
                ["4", "C2"],
                ["5", "C2"],
            ),
        },
        flagged={"Header": [0]},
        years=("2024-25", "2025-26", "2026-27"),
    ),
]
