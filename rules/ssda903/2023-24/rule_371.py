"""Rule 371: a child under 16 is in semi-independent living (until 2023-24) or supported
accommodation (from 2024-25)."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    age_on,
    from_year,
    rule,
    table,
)

FROM_2024 = from_year("ssda903", "2024-25")


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
def semi_independent_living_under_16(
    ctx: RuleContext, *, placements: str = "PLACE_SEMI_INDEPENDENT"
) -> pl.LazyFrame:
    """A child under 16 when the placement starts is in semi-independent living (placement H5).

    Semi-independent living is for young people aged 16 or over: check the child's date of birth
    (DOB), the episode's start date (DECOM) and the placement type, and correct whichever is wrong.
    """
    # DfE raised the minimum age from 14 to 16 in 2023-24. From 2024-25 DfE applies the rule to
    # K3, the new supported accommodation code, in place of H5 (pack.toml: `placements` names the
    # code list); the age stays 16 (DfE's 2024-25 message keeps its spelling "accomodation"). The
    # age is taken at DECOM, for open episodes too. A blank or unreadable DOB or DECOM cannot show
    # an age and is left to rules 102 and 141. The Header row giving the DOB is named beside it.
    births = ctx.table("Header").select("CHILD", "DOB", pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes(placements))
    return episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 16)).with_columns(
        pl.lit("Header").alias(RELATED_TABLE)
    )


CASES = [
    Case(
        "semi-independent living (H5) starting the day before the 16th birthday is flagged",
        years=("2023-24",),
        tables={
            "Header": table(["CHILD", "DOB"], ["1", "15/06/2007"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2023", "H5", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 0),),
    ),
    Case(
        "semi-independent living (H5) starting on the 16th birthday or later is not flagged",
        years=("2023-24",),
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
        years=("2023-24",),
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
    Case(
        "a K3 placement the day before the 16th birthday is flagged; on the birthday it is not",
        years=FROM_2024,
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2008"],
                ["2", "15/06/2008"],
                ["3", "15/06/2008"],
                ["4", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2024", "K3", ""],
                ["2", "15/06/2024", "K3", ""],
                ["3", "14/06/2024", "K2", "01/07/2024"],
                ["3", "", "K3", ""],
                ["4", "14/06/2024", "K3", ""],
                ["5", "14/06/2024", "K3", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 0),),
    ),
    Case(
        "a day or years past the 16th birthday is fine, unreadable dates skipped, leap days count",
        years=FROM_2024,
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2008"],
                ["2", "31/02/2008"],
                ["3", "2008-06-15"],
                ["4", "15/06/2008"],
                ["5", "29/02/2008"],
                ["6", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "16/06/2024", "K3", ""],
                ["1", "01/01/2024", "K3", "16/06/2024"],
                ["2", "14/06/2024", "K3", ""],
                ["3", "14/06/2024", "K3", ""],
                ["4", "31/06/2024", "K3", ""],
                ["4", "2024-06-14", "K3", ""],
                ["5", "28/02/2024", "K3", "29/02/2024"],
                ["5", "29/02/2024", "K3", ""],
                ["6", "14/06/2024", "K3", ""],
            ),
        },
        flagged={"Episodes": [1, 6]},
        related=(("Episodes", 1, "Header", 0), ("Episodes", 6, "Header", 4)),
    ),
]
