"""Rule 359: someone looked after past 18 is not under s20(5) in a community home."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    birthday,
    raw_name,
    rule,
    table,
)


@rule(
    code="359",
    message=(
        "Child being looked after following 18th birthday must be accommodated under section "
        "20(5) of the Children Act 1989 in a community home."
    ),
    tables=["Episodes", "Header"],
    fields=["DEC", "LS", "PLACE"],
    tags=["dates", "age"],
)
def over_eighteen_outside_community_home(ctx: RuleContext) -> pl.LazyFrame:
    """A young person who turned 18 before 31 March is still looked after, but not under V2 in K2.

    After 18 a young person can only stay looked after under section 20(5) in a community home
    (legal status V2, placement K2): check whether the episode should have ended (DEC), and correct
    the legal status (LS) or placement type (PLACE) if they are wrong.
    """
    # DfE's coding: if 18th birthday < collection end and DEC is blank, then LS must be V2 and PL K2
    # (a single period of accommodation under section 20 in a children's home). An unreadable DEC is
    # not blank; a blank or unreadable DOB is not compared.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    open_episodes = ctx.table("Episodes").filter(pl.col(raw_name("DEC")).is_null())
    s20_community_home = pl.col("LS").is_in(ctx.codes("LS_SINGLE_ACCOMMODATION")) & pl.col(
        "PLACE"
    ).is_in(ctx.codes("PLACE_COMMUNITY_HOME"))
    over_18 = birthday(pl.col("DOB"), 18) < ctx.end
    return naming_at_most_first(
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a
        # blank DOB, so a blank 18th birthday, and the filter drops the row as the inner join does.
        open_episodes.join(births, on="CHILD", how="inner").filter(
            over_18 & ~s20_community_home.fill_null(False)
        )
    )


CASES = [
    Case(
        "an open episode after an 18th birthday before 31 March and not V2 in K2 is flagged",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "30/03/2007"],
                ["6", "30/03/2007"],
                ["9", "30/03/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "PLACE"],
                ["1", "01/01/2024", "", "C2", "U1"],
                ["6", "01/01/2024", "", "V2", ""],
                ["9", "01/01/2024", "", "C2", "K2"],
            ),
        },
        flagged={"Episodes": [0, 1, 2]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 1, "Header", 1),
            ("Episodes", 2, "Header", 2),
        ),
    ),
    Case(
        "18 on 31 March or later, V2 in K2, or an episode that ended (even unreadably) is clear",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "31/03/2007"],
                ["3", "30/03/2007"],
                ["4", "30/03/2007"],
                ["7", "30/03/2007"],
                ["10", "01/04/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "PLACE"],
                ["2", "01/01/2024", "", "C2", "U1"],
                ["3", "01/01/2024", "", "V2", "K2"],
                ["4", "01/01/2024", "01/03/2025", "C2", "U1"],
                ["7", "01/01/2024", "31/02/2025", "C2", "U1"],
                ["10", "01/01/2024", "", "C2", "U1"],
            ),
        },
        flagged={},
    ),
    Case(
        "a blank, unreadable or missing date of birth is not compared",
        period="2024-25",
        tables={
            "Header": table(["CHILD", "DOB"], ["5", ""], ["8", "31/02/2007"]),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "PLACE"],
                ["5", "01/01/2024", "", "C2", "U1"],
                ["8", "01/01/2024", "", "C2", "U1"],
                ["11", "01/01/2024", "", "C2", "U1"],
            ),
        },
        flagged={},
    ),
]
