"""Rule 371 (2024-25): a child in supported accommodation is under 16."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="371",
    message=(
        "Child in supported accomodation not subject to children’s homes regulations should "
        "be at least 16."
    ),
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def supported_accommodation_under_16(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 16 is placed in supported accommodation (K3).

    A child placed in supported accommodation is at least 16: check the child's date of birth (DOB),
    the placement's start date (DECOM) and the placement type (PLACE).
    """
    # From 2024-25 DfE applies the rule to K3, the new supported accommodation code, in place of H5;
    # the age stays 16 (DfE's message keeps its spelling "accomodation"). The age is taken at DECOM,
    # for open episodes too. A blank or unreadable DOB or DECOM cannot show an age and is left to
    # rules 102 and 141.
    births = ctx.table("Header").select("CHILD", "DOB")
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_SUPPORTED_ACCOMMODATION"))
    return episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 16))


CASES = [
    Case(
        "a K3 placement the day before the 16th birthday is flagged; on the birthday it is not",
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
    ),
    Case(
        "a day or years past the 16th birthday is fine, unreadable dates skipped, leap days count",
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
    ),
]
