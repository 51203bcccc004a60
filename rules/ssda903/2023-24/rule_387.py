"""Rule 387: a child under 14 left care to live independently."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="387",
    message=(
        "Reason episode ceased is child moved into independent living arrangement, but the "
        "child is aged under 14."
    ),
    tables=["Header", "Episodes"],
    fields=["REC", "DEC", "DOB"],
    tags=["dates", "codes"],
)
def independent_living_under_14(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child under 14 left care to live independently (reason E5 or E6).

    The child's age is taken on the day the episode ended. Check the date of birth, the end date
    and the reason the episode ended.
    """
    # NOTE: the catalogue lists postcode fields for 387, but DfE's check reads REC, DEC and
    # DOB only, so it runs without reference data.
    # A child in Header twice is taken at the earlier date of birth, whatever the order of the
    # rows (blank last).
    births = (
        ctx.table("Header")
        .select("CHILD", "DOB")
        .sort("CHILD", "DOB", nulls_last=True)
        .unique("CHILD", keep="first")
    )
    episodes = ctx.table("Episodes").join(
        births,
        on="CHILD",
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a
        # blank DOB, so a blank age, and the filter drops the row as the inner join does.
        how="inner",
    )
    independent = pl.col("REC").is_in(ctx.codes("REC_INDEPENDENT_LIVING"))
    early = episodes.filter(independent & (age_on(pl.col("DOB"), pl.col("DEC")) < 14))
    # The Header rows holding the date of birth taken are named beside the episode.
    header_rows = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    return {
        # Equivalent mutant (ReplaceKeywordValue): the date of birth taken is a Header row's, so a
        # left join finds that row as the inner join does.
        "Episodes": naming_at_most_first(early.join(header_rows, on=["CHILD", "DOB"], how="inner"))
    }


CASES = [
    Case(
        "leaving for independent living the day before the 14th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["1", "16/03/2010"]),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["1", "E5", "15/03/2024"],
                ["1", "E6", "16/03/2024"],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 0),),
    ),
    Case(
        "independent living from the day after or years after the 14th birthday is not flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["2", "16/03/2010"], ["8", "16/03/2008"]),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["2", "E6", "17/03/2024"],
                ["8", "E5", "15/03/2024"],
            ),
        },
        flagged={},
    ),
    Case(
        "another ending, a blank end or a blank or missing date of birth is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "16/03/2010"],
                ["4", "16/03/2010"],
                ["5", ""],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["3", "X1", "15/03/2024"],
                ["4", "E5", ""],
                ["5", "E5", "15/03/2024"],
                ["6", "E5", "15/03/2024"],
            ),
        },
        flagged={},
    ),
    Case(
        "a child in Header twice is taken at the earlier date of birth (a blank last), in any row "
        "order",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "16/03/2010"],
                ["1", "16/03/2012"],
                ["2", "16/03/2012"],
                ["2", "16/03/2010"],
                ["3", "16/03/2012"],
                ["3", "16/03/2011"],
                ["4", ""],
                ["4", "16/03/2011"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["1", "E5", "17/03/2024"],
                ["2", "E5", "17/03/2024"],
                ["3", "E5", "17/03/2024"],
                ["4", "E5", "17/03/2024"],
            ),
        },
        flagged={"Episodes": [2, 3]},
        related=(("Episodes", 2, "Header", 5), ("Episodes", 3, "Header", 7)),
    ),
]
