"""Rule 632: previous permanence order date unreadable, or not before care began."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    by_content,
    rule,
    table,
)

# dd/mm/yyyy where day and month may be ZZ and the year ZZZZ when not known.
PARTIAL_DATE = r"^([0-9]{2}|ZZ)/([0-9]{2}|ZZ)/([0-9]{4}|ZZZZ)$"


def _known_or(part: pl.Expr, unknown: str, stand_in: str) -> pl.Expr:
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): PARTIAL_DATE lets a part be only digits
    # or exactly the Z marker, and digits sort before "Z", so >= the marker means == the marker.
    return pl.when(part == unknown).then(pl.lit(stand_in)).otherwise(part)


@rule(
    code="632",
    message="Date of previous permanence order not a valid value.",
    tables=["PrevPerm", "Episodes"],
    fields=["DATE_PERM", "DECOM"],
    tags=["permanence", "dates"],
)
def permanence_date_invalid_or_late(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The date of the previous permanence order is not a valid date, or is not before care began.

    Enter the order date as dd/mm/yyyy, with ZZ for an unknown day or month and ZZZZ for an unknown
    year, and check that it is before the start date (DECOM) of the child's first episode. If care
    began before this year, check the date against the day care began, as this rule cannot.
    """
    # DATE_PERM is compared with the DECOM of the child's first episode in this return: the order
    # ended an earlier period of care, so it comes before this one. An unknown part takes its
    # earliest possible value (day and month 01) so that only dates certainly not before DECOM are
    # flagged (the peer takes the latest, which flags dates that may be right); with the year
    # unknown the date is not compared. Invalid dates flag the PrevPerm row; late ones flag it and
    # the first episode. Blank dates are not checked.
    parts = pl.col("DATE_PERM").str.extract_groups(PARTIAL_DATE)
    earliest = pl.concat_str(
        [
            _known_or(parts.struct.field("1"), "ZZ", "01"),
            _known_or(parts.struct.field("2"), "ZZ", "01"),
            # 2000 is a leap year, so 29/02/ZZZZ stays a possible date.
            _known_or(parts.struct.field("3"), "ZZZZ", "2000"),
        ],
        separator="/",
    ).str.strptime(pl.Date, "%d/%m/%Y", strict=False)
    # Equivalent mutant (ReplaceComparisonOperator_NotEq_Lt): the year part is four digits or
    # exactly ZZZZ, and digits sort before "Z", so < ZZZZ means != ZZZZ.
    year_known = parts.struct.field("3") != "ZZZZ"
    prev_perm = ctx.table("PrevPerm").filter(pl.col("DATE_PERM").is_not_null())
    prev_perm = prev_perm.with_columns(
        perm_date=earliest, comparable=pl.when(year_known).then(earliest)
    )
    first = (
        ctx.table_or_empty("Episodes")
        .filter(pl.col("DECOM").is_not_null())
        .sort("DECOM", by_content())
        .group_by(child_of_row())
        .first()
        .select(pl.col("_row").alias("_episode_row"), "CHILD", "DECOM")
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no dated episode a
    # null DECOM, and the comparison with null drops the row just as the inner join does.
    late = prev_perm.join(first, on="CHILD", how="inner").filter(
        pl.col("comparable") >= pl.col("DECOM")
    )
    invalid = prev_perm.filter(pl.col("perm_date").is_null())
    # A late order and the first episode name each other; an invalid date has nothing to name.
    return {
        "PrevPerm": pl.concat(
            [
                invalid.select("_row"),
                late.select(
                    "_row",
                    pl.col("_episode_row").alias(RELATED_ROW),
                    pl.lit("Episodes").alias(RELATED_TABLE),
                ),
            ],
            how="diagonal",
        ),
        "Episodes": late.select(
            pl.col("_episode_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("PrevPerm").alias(RELATED_TABLE),
        ),
    }


CASES = [
    Case(
        "dates that are not dd/mm/yyyy with ZZ for unknown parts are flagged",
        tables={
            "PrevPerm": table(
                ["CHILD", "DATE_PERM"],
                ["1", "01/02/2015"],
                ["2", "ZZ/02/2015"],
                ["3", "zz/zz/2015"],
                ["4", "ZZ/ZZ/ZZZZ"],
                ["5", "31/02/2015"],
                ["6", "1/2/2015"],
                ["7", "ZZ/13/2015"],
                ["8", "2015-02-01"],
                ["9", ""],
                ["10", "29/02/ZZZZ"],
                ["11", "01/ZZ/2015"],
            )
        },
        flagged={"PrevPerm": [2, 4, 5, 6, 7]},
    ),
    Case(
        "an order on or after the first DECOM is flagged with its episode; a ZZZZ year is not",
        tables={
            "PrevPerm": table(
                ["CHILD", "DATE_PERM"],
                ["1", "09/05/2020"],
                ["2", "10/05/2020"],
                ["3", "ZZ/05/2020"],
                ["4", "ZZ/ZZ/2021"],
                ["5", "11/05/2020"],
                ["6", "ZZ/ZZ/ZZZZ"],
                ["7", "ZZ/ZZ/ZZZZ"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "10/05/2020"],
                ["2", "10/05/2020"],
                ["3", "10/05/2020"],
                ["4", "10/05/2020"],
                ["5", "01/06/2021"],
                ["5", "10/05/2020"],
                ["6", "10/05/2020"],
                ["7", "01/01/2000"],
            ),
        },
        flagged={"PrevPerm": [1, 3, 4], "Episodes": [1, 3, 5]},
        related=(
            ("PrevPerm", 1, "Episodes", 1),
            ("PrevPerm", 3, "Episodes", 3),
            ("PrevPerm", 4, "Episodes", 5),
            ("Episodes", 1, "PrevPerm", 1),
            ("Episodes", 3, "PrevPerm", 3),
            ("Episodes", 5, "PrevPerm", 4),
        ),
    ),
]
