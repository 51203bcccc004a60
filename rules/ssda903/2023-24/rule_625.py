"""Rule 625: the first child's birth is after the year end or after care ceased."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="625",
    message=(
        "Date of birth of the first child is beyond the end of this reporting year or the date"
        " the child ceased to be looked after."
    ),
    tables=["Header", "Episodes"],
    fields=["MC_DOB", "DEC"],
    tags=["header", "dates"],
)
def first_child_born_after_care_or_year(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The mother's first child was born after 31 March or after the mother left care.

    Check the first child's date of birth (MC_DOB) and the end date (DEC) of the mother's latest
    episode, and correct whichever is wrong.
    """
    # DfE compares with the latest episode (latest DECOM); when that episode is still open only the
    # year end applies. The Header row is flagged, and the latest episode too when its DEC is the
    # date passed. Blank dates are not compared.
    latest = (
        ctx.table("Episodes")
        .sort(in_order("DECOM", "DEC"))
        .group_by(child_of_row())
        .last()
        .select("_row", "CHILD", "DEC")
    )
    header = ctx.table("Header").filter(pl.col("MC_DOB").is_not_null())
    compared = latest.select("CHILD", "DEC", pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a mother with no episode a null
    # DEC, and the comparison with null drops her row just as the inner join does.
    after_care = header.join(compared, on="CHILD", how="inner").filter(
        pl.col("MC_DOB") > pl.col("DEC")
    )
    after_year = header.filter(pl.col("MC_DOB") > ctx.end)
    # The Header row and the latest episode whose DEC was passed name each other; a birth after
    # the year end alone has nothing to name.
    flagged = pl.concat(
        [after_year, after_care.drop("DEC").with_columns(pl.lit("Episodes").alias(RELATED_TABLE))],
        how="diagonal",
    )
    return {
        "Header": flagged,
        "Episodes": latest.join(
            after_care.select("CHILD", pl.col("_row").alias("_header_row")), on="CHILD", how="inner"
        ).select(
            "_row", pl.col("_header_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
        ),
    }


CASES = [
    Case(
        "a first child born after 31 March is flagged; on 31 March, blank or unreadable is not",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["1", "01/04/2026"],
                ["2", "31/03/2026"],
                ["6", ""],
                ["9", "2026-04-01"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/01/2025", ""],
                ["2", "01/01/2025", ""],
            ),
        },
        flagged={"Header": [0]},
        period="2025-26",
    ),
    Case(
        "a birth the day after the latest episode ended is flagged with it; on or before is not",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["3", "11/05/2025"],
                ["4", "10/05/2025"],
                ["5", "11/05/2025"],
                ["6", ""],
                ["7", "09/05/2025"],
                ["8", "11/05/2025"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["3", "01/01/2025", "10/05/2025"],
                ["4", "01/01/2025", "10/05/2025"],
                ["5", "01/01/2025", "10/05/2025"],
                ["5", "01/06/2025", ""],
                ["6", "01/01/2025", "10/05/2025"],
                ["7", "01/01/2025", "10/05/2025"],
                ["8", "01/01/2025", "31/02/2025"],
            ),
        },
        flagged={"Header": [0], "Episodes": [0]},
        related=(("Header", 0, "Episodes", 0), ("Episodes", 0, "Header", 0)),
        period="2025-26",
    ),
    Case(
        "the latest episode is the one with the latest DECOM, whatever its order in the file",
        tables={
            "Header": table(
                ["CHILD", "MC_DOB"],
                ["10", "11/05/2025"],
                ["11", "11/05/2025"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["10", "01/06/2025", "20/06/2025"],
                ["10", "01/01/2025", "10/05/2025"],
                ["11", "01/01/2025", "10/05/2025"],
                ["11", "", ""],
            ),
        },
        flagged={"Header": [1], "Episodes": [2]},
        related=(("Header", 1, "Episodes", 2), ("Episodes", 2, "Header", 1)),
        period="2025-26",
    ),
]
