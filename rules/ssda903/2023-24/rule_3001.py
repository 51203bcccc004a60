"""Rule 3001: a 17-year-old care leaver recorded as living with former foster carers."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="3001",
    message=(
        "Where care leavers information is being returned for a young person around their 17th "
        "birthday, the accommodation cannot be with their former foster carer(s)."
    ),
    tables=["OC3", "Header"],
    fields=["ACCOM", "DOB"],
    tags=["care-leavers"],
)
def seventeen_year_old_with_former_foster_carers(ctx: RuleContext) -> pl.LazyFrame:
    """A 17-year-old care leaver is recorded as living with former foster carers.

    'Staying put' with former foster carers (accommodation Z1 or Z2) starts at 18; at 17 the young
    person is still looked after: check the date of birth and the accommodation code.
    """
    # NOTE: the peer fails when a child is in Header twice (its OC3 join gains rows).
    # NOTE: a young person whose 17th birthday falls in the collection year (aged 17 at 31 March) is
    # checked. The date of birth comes from Header; a child with a blank one is not tested. The
    # catalogue lists REC as the field, which is not in either table; the rule shows ACCOM and DOB
    # instead.
    births = (
        ctx.table("Header")
        .select("CHILD", pl.col("DOB").alias("header_dob"))
        # A child in Header twice is taken at the earlier date of birth, whatever the order of the
        # rows.
        .sort("CHILD", "header_dob")
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the rows
        # kept, and the join below does not depend on row order.
        .unique("CHILD", keep="first", maintain_order=True)
    )
    seventeen = age_on(pl.col("header_dob"), ctx.end) == 17
    with_foster_carers = pl.col("ACCOM").is_in(ctx.codes("ACCOM_FORMER_FOSTER"))
    flagged = (
        ctx.table("OC3")
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a
        # null date of birth, whose age test is null, and the filter drops the row as inner does.
        .join(births, on="CHILD", how="inner")
        .filter(with_foster_carers & seventeen)
    )
    # The Header rows holding the date of birth taken are named beside the OC3 row.
    header_rows = ctx.table("Header").select(
        "CHILD",
        pl.col("DOB").alias("header_dob"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header").alias(RELATED_TABLE),
    )
    # Equivalent mutant (ReplaceKeywordValue): the date of birth taken is a Header row's, so a
    # left join finds that row as the inner join does.
    return naming_at_most_first(flagged.join(header_rows, on=["CHILD", "header_dob"], how="inner"))


CASES = [
    Case(
        "former foster carers at 17 on 31 March are flagged; at 16 or 18 they are not",
        period="2025-26",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/04/2008"],
                ["2", "31/03/2009"],
                ["3", "01/04/2009"],
                ["4", "31/03/2008"],
            ),
            "OC3": table(
                ["CHILD", "ACCOM"],
                ["1", "Z1"],
                ["2", "z2"],
                ["3", "Z1"],
                ["4", "Z2"],
            ),
        },
        flagged={"OC3": [0]},
        related=(("OC3", 0, "Header", 0),),
    ),
    Case(
        "other or blank accommodation, a blank or unreadable DOB and no Header row are not flagged",
        period="2025-26",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["5", "01/06/2008"],
                ["6", ""],
                ["7", "01/06/2008"],
                ["9", "31/02/2009"],
            ),
            "OC3": table(
                ["CHILD", "ACCOM"],
                ["5", "B1"],
                ["6", "Z1"],
                ["7", ""],
                ["8", "Z1"],
                ["9", "Z1"],
            ),
        },
    ),
    Case(
        "a child with two Header rows is tested with the earlier date of birth, in any row order",
        period="2025-26",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["10", "01/06/2009"],
                ["10", "01/06/2008"],
                ["11", "01/06/2005"],
                ["11", "01/06/2008"],
            ),
            "OC3": table(["CHILD", "ACCOM"], ["10", "Z1"], ["11", "Z1"]),
        },
        flagged={"OC3": [0]},
        related=(("OC3", 0, "Header", 1),),
    ),
]
