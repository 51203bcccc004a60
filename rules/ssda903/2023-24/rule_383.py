"""Rule 383: after a temporary placement the child does not return to the usual placement (type,
and from 2025-26 postcode)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, from_year, rule, table

FROM_2025 = from_year("ssda903", "2025-26")


@rule(
    code="383",
    message=(
        "A child in a temporary placement must subsequently return to his/her normal placement."
    ),
    tables=["Episodes"],
    fields=["PLACE", "RNE"],
    tags=["placements"],
)
def no_return_after_temporary_placement(
    ctx: RuleContext, *, same_postcode: bool = False
) -> pl.LazyFrame:
    """After a temporary placement (T0 to T4) the child does not return to their usual placement.

    The episode after a temporary placement should have reason for new episode P and the placement
    type the child had before it: check for a missing or mistyped episode and correct it.
    """
    # A temporary placement is an interruption, after which the child goes back to the usual
    # placement. The check needs the two episodes before this one (in DECOM order): a child whose
    # first episode is temporary is not checked. A blank RNE is not P and is flagged; blank
    # placement types count as equal to each other. From 2025-26 (pack.toml: same_postcode) DfE
    # also compares PL_POST with the episode before the temporary one, so a return to a different
    # address of the same type is caught; postcodes are compared without spaces and case, and two
    # blanks count as equal. The temporary episode and the usual one are named beside the finding.
    postcode = pl.col("PL_POST").str.replace_all(r"\s", "").str.to_uppercase()
    # with_neighbours sorts by child and DECOM, so shift(2) is the episode two before.
    ordered = (
        with_neighbours(ctx.table("Episodes"), ["PLACE", "_row"])
        .with_columns(_post=postcode)
        .with_columns(
            usual_PLACE=pl.col("PLACE").shift(2).over(child_of_row()),
            usual_post=pl.col("_post").shift(2).over(child_of_row()),
            usual_row=pl.col("_row").shift(2).over(child_of_row()),
        )
    )
    after_temporary = pl.col("prev_PLACE").is_in(ctx.codes("PLACE_TEMPORARY")).fill_null(False)
    returned = pl.col("RNE").is_in(ctx.codes("RNE_RETURN_FROM_TEMPORARY")).fill_null(False)
    same_place = pl.col("PLACE").eq_missing(pl.col("usual_PLACE"))
    if same_postcode:
        same_place = same_place & pl.col("_post").eq_missing(pl.col("usual_post"))
    has_usual = pl.col("usual_row").is_not_null()
    flagged = ordered.filter(after_temporary & has_usual & ~(returned & same_place))
    return pl.concat(
        [
            flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW)),
            flagged.with_columns(pl.col("usual_row").alias(RELATED_ROW)),
        ]
    )


CASES = [
    Case(
        "the episode after a temporary placement must go back to the earlier placement with P",
        years=("2023-24", "2024-25"),
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PLACE"],
                ["1", "01/05/2024", "S", "U1"],
                ["1", "01/06/2024", "P", "T3"],
                ["1", "10/06/2024", "P", "U1"],
                ["2", "01/05/2024", "S", "U1"],
                ["2", "01/06/2024", "P", "T3"],
                ["2", "10/06/2024", "P", "U3"],
                ["3", "01/05/2024", "S", "U1"],
                ["3", "01/06/2024", "P", "T3"],
                ["3", "10/06/2024", "T", "U1"],
                ["4", "01/05/2024", "S", "U1"],
                ["4", "01/06/2024", "P", "T3"],
                ["4", "10/06/2024", "", "U1"],
            )
        },
        flagged={"Episodes": [5, 8, 11]},
        related=(
            ("Episodes", 5, "Episodes", 4),
            ("Episodes", 5, "Episodes", 3),
            ("Episodes", 8, "Episodes", 7),
            ("Episodes", 8, "Episodes", 6),
            ("Episodes", 11, "Episodes", 10),
            ("Episodes", 11, "Episodes", 9),
        ),
    ),
    Case(
        "a temporary first or last episode, blanks; a blank type is not a temporary one",
        years=("2023-24", "2024-25"),
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PLACE"],
                ["1", "01/06/2024", "P", "T3"],
                ["1", "10/06/2024", "P", "U3"],
                ["2", "01/05/2024", "S", "U1"],
                ["2", "01/06/2024", "P", "T3"],
                ["3", "01/05/2024", "S", ""],
                ["3", "01/06/2024", "P", "T1"],
                ["3", "10/06/2024", "P", ""],
                ["4", "01/05/2024", "S", ""],
                ["4", "01/06/2024", "P", "T1"],
                ["4", "10/06/2024", "P", "K2"],
                ["5", "01/05/2024", "S", "U1"],
                ["5", "01/06/2024", "P", ""],
                ["5", "10/06/2024", "P", "K2"],
            )
        },
        flagged={"Episodes": [9]},
        related=(("Episodes", 9, "Episodes", 8), ("Episodes", 9, "Episodes", 7)),
    ),
    Case(
        "the child must go back to the same placement type and postcode, with RNE P",
        years=FROM_2025,
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PLACE", "PL_POST"],
                ["1", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["1", "01/06/2025", "P", "T3", "ZZ9 9ZZ"],
                ["1", "10/06/2025", "P", "U1", "ab12cd"],
                ["2", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["2", "01/06/2025", "P", "T3", "ZZ9 9ZZ"],
                ["2", "10/06/2025", "P", "U1", "AB1 2CE"],
                ["3", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["3", "01/06/2025", "P", "T3", "ZZ9 9ZZ"],
                ["3", "10/06/2025", "P", "U3", "AB1 2CD"],
                ["4", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["4", "01/06/2025", "P", "T3", "ZZ9 9ZZ"],
                ["4", "10/06/2025", "", "U1", "AB1 2CD"],
            )
        },
        flagged={"Episodes": [5, 8, 11]},
        related=(
            ("Episodes", 5, "Episodes", 4),
            ("Episodes", 5, "Episodes", 3),
            ("Episodes", 8, "Episodes", 7),
            ("Episodes", 8, "Episodes", 6),
            ("Episodes", 11, "Episodes", 10),
            ("Episodes", 11, "Episodes", 9),
        ),
    ),
    Case(
        "blank postcodes agree, one blank does not; a first temporary or blank type is not checked",
        years=FROM_2025,
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PLACE", "PL_POST"],
                ["1", "01/05/2025", "S", "U1", ""],
                ["1", "01/06/2025", "P", "T3", ""],
                ["1", "10/06/2025", "P", "U1", ""],
                ["2", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["2", "01/06/2025", "P", "T3", ""],
                ["2", "10/06/2025", "P", "U1", ""],
                ["3", "01/06/2025", "P", "T3", ""],
                ["3", "10/06/2025", "P", "U1", "AB1 2CD"],
                ["4", "01/05/2025", "S", "U1", "AB1 2CD"],
                ["4", "01/06/2025", "P", "", "ZZ9 9ZZ"],
                ["4", "10/06/2025", "P", "K2", "EF3 4GH"],
            )
        },
        flagged={"Episodes": [5]},
        related=(("Episodes", 5, "Episodes", 4), ("Episodes", 5, "Episodes", 3)),
    ),
]
