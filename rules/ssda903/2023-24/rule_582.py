"""Rule 582: adopted on the same day as matched with adopters."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="582",
    message=(
        "Child is showing as ceasing to be looked after due to adoption, but the date of adoption"
        " is the same as the date reported for being matched with adopters. In most"
        " circumstances we expect the date the child is matched with adopters to be before the"
        " date of adoption."
    ),
    tables=["Episodes", "AD1"],
    fields=["DEC", "DATE_MATCH"],
    severity="query",
    tags=["adoption", "dates"],
)
def adopted_on_match_day(ctx: RuleContext) -> pl.LazyFrame:
    """A child was adopted on the same day they were matched with adopters.

    This is a query: a child is usually matched before being adopted, so check the date of the match
    (AD1) and the date the episode ended in adoption, and correct either if it is wrong.
    """
    # DfE expects the match to come first, but allows it ("in most circumstances"), so this is a
    # query for the LA to check. Episodes ending in adoption have REC E11 or E12. Blank dates are
    # not compared.
    # The episode names the AD1 row whose match date it shares.
    matches = ctx.table("AD1").select(
        "CHILD",
        pl.col("DATE_MATCH").alias("DEC"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("AD1").alias(RELATED_TABLE),
    )
    adopted = ctx.table("Episodes").filter(pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))
    return adopted.join(matches, on=["CHILD", "DEC"], how="inner")


CASES = [
    Case(
        "adoption on the match day is queried; the day before or after is not",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "10/05/2024", "E11"],
                ["2", "11/05/2024", "E12"],
                ["5", "09/05/2024", "E11"],
                ["7", "01/01/2024", "E8"],
                ["7", "10/05/2024", "E12"],
            ),
            "AD1": table(
                ["CHILD", "DATE_MATCH"],
                ["1", "10/05/2024"],
                ["2", "10/05/2024"],
                ["5", "10/05/2024"],
                ["7", "10/05/2024"],
            ),
        },
        flagged={"Episodes": [0, 4]},
        related=(("Episodes", 0, "AD1", 0), ("Episodes", 4, "AD1", 3)),
    ),
    Case(
        "an episode ending other than in adoption is not queried",
        tables={
            "Episodes": table(["CHILD", "DEC", "REC"], ["3", "10/05/2024", "E13"]),
            "AD1": table(["CHILD", "DATE_MATCH"], ["3", "10/05/2024"]),
        },
    ),
    Case(
        "a blank or unreadable date, or no AD1 row, is not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["4", "", "E11"],
                ["6", "31/02/2024", "E11"],
                ["8", "10/05/2024", "E11"],
                ["9", "10/05/2024", "E11"],
            ),
            "AD1": table(
                ["CHILD", "DATE_MATCH"], ["4", ""], ["6", "31/02/2024"], ["9", "2024-05-10"]
            ),
        },
    ),
]
