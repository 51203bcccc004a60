"""Rule 371: a child in semi-independent living accommodation is under 16."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="371",
    message=(
        "Child in semi-independent living accommodation not subject to children’s homes "
        "regulations should be at least 16."
    ),
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def semi_independent_living_under_16(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 16 when the placement starts is in semi-independent living (placement H5).

    Semi-independent living is for young people aged 16 or over: check the child's date of birth
    (DOB), the episode's start date (DECOM) and the placement type, and correct whichever is wrong.
    """
    # DfE raised the minimum age from 14 to 16 in 2023-24. The age is taken at DECOM, for open
    # episodes too. A blank or unreadable DOB or DECOM cannot show an age and is left to rules 102
    # and 141.
    births = ctx.table("Header").select("CHILD", "DOB")
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_SEMI_INDEPENDENT"))
    return episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 16))


CASES = [
    Case(
        "semi-independent living (H5) starting the day before the 16th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["1", "15/06/2007"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2023", "H5", ""],
            ),
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "semi-independent living (H5) starting on the 16th birthday or later is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2007"],
                ["7", "15/06/2007"],
                ["8", "15/06/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "15/06/2023", "H5", ""],
                ["7", "16/06/2023", "H5", ""],
                ["8", "15/06/2025", "H5", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "another placement, or a blank or unreadable date of birth or start, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2007"],
                ["4", ""],
                ["6", "31/02/2007"],
                ["7", "15/06/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["3", "14/06/2023", "K2", "01/09/2023"],
                ["3", "", "H5", ""],
                ["4", "14/06/2023", "H5", ""],
                ["5", "14/06/2023", "H5", ""],
                ["6", "14/06/2023", "H5", ""],
                ["7", "31/06/2023", "H5", ""],
                ["7", "2020-01-01", "H5", ""],
            ),
        },
        flagged={},
    ),
]
