"""Rule 442: a looked-after child has no UPN."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import first_of_each
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="442",
    message="Unique Pupil Number (UPN) field is not completed.",
    tables=["Header", "Episodes"],
    fields=["UPN"],
    tags=["integrity"],
)
def looked_after_without_upn(ctx: RuleContext) -> pl.LazyFrame:
    """A looked-after child has no Unique Pupil Number (UPN).

    Record the child's UPN, or the code UN1 to UN5 that says why it is not known; children looked
    after only on short breaks (legal status V3 or V4) do not need one.
    """
    # DfE links looked-after children to school records by UPN; UN1-UN5 say why a UPN is not known,
    # so a blank is an error. An episode with a blank LS counts as looked after.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    # The episodes that show the child looked after (the first NAMED_AT_MOST) are named beside
    # the Header row.
    looked_after = first_of_each(ctx.table("Episodes").filter(~respite), "CHILD").select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
    )
    missing = ctx.table("Header").filter(pl.col("UPN").is_null())
    return missing.join(looked_after, on="CHILD", how="inner")


CASES = [
    Case(
        "a blank UPN is flagged for a child looked after outside short breaks, or with a blank LS",
        tables={
            "Header": table(["CHILD", "UPN"], ["1", ""], ["5", ""], ["7", ""]),
            "Episodes": table(["CHILD", "LS"], ["1", "C2"], ["5", ""], ["7", "V3"], ["7", "C2"]),
        },
        flagged={"Header": [0, 1, 2]},
        related=(
            ("Header", 0, "Episodes", 0),
            ("Header", 1, "Episodes", 1),
            ("Header", 2, "Episodes", 3),
        ),
    ),
    Case(
        "a UPN or UN code, or a child only on short breaks or with no episode, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["2", "A123456789012"],
                ["3", "UN1"],
                ["4", ""],
                ["6", ""],
                ["8", ""],
                ["10", "UN5"],
            ),
            "Episodes": table(
                ["CHILD", "LS"],
                ["2", "C2"],
                ["3", "C2"],
                ["4", "V3"],
                ["4", "V4"],
                ["9", "C2"],
                ["10", "V4"],
            ),
        },
    ),
]
