"""Rule 383 (2025-26): no return to the usual placement type and postcode after a temporary one."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="383",
    message=(
        "A child in a temporary placement must subsequently return to his/her normal placement."
    ),
    tables=["Episodes"],
    fields=["PLACE", "RNE", "PL_POST"],
    tags=["placements"],
)
def no_return_after_temporary_placement(ctx: RuleContext) -> pl.LazyFrame:
    """After a temporary placement, the child does not return to their usual placement.

    The episode after a temporary placement (T0-T4) has reason for new episode P and the same
    placement type and postcode as before the temporary one: check those items and the order of the
    episodes.
    """
    # From 2025-26 DfE also compares PL_POST with the episode before the temporary one, so a return
    # to a different address of the same type is caught. Postcodes are compared without spaces and
    # case. The check needs the two episodes before this one (in DECOM order). A blank RNE is not P
    # and is flagged; two blanks count as equal.
    postcode = pl.col("PL_POST").str.replace_all(r"\s", "").str.to_uppercase()
    # with_neighbours sorts by child and DECOM, so shift(2) is the episode two before.
    ordered = (
        with_neighbours(ctx.table("Episodes"), ["PLACE"])
        .with_columns(_post=postcode)
        .with_columns(
            usual_PLACE=pl.col("PLACE").shift(2).over(child_of_row()),
            usual_post=pl.col("_post").shift(2).over(child_of_row()),
            usual_row=pl.col("_row").shift(2).over(child_of_row()),
        )
    )
    after_temporary = pl.col("prev_PLACE").is_in(ctx.codes("PLACE_TEMPORARY")).fill_null(False)
    returned = pl.col("RNE").is_in(ctx.codes("RNE_RETURN_FROM_TEMPORARY")).fill_null(False)
    same_place = pl.col("PLACE").eq_missing(pl.col("usual_PLACE")) & pl.col("_post").eq_missing(
        pl.col("usual_post")
    )
    has_usual = pl.col("usual_row").is_not_null()
    return ordered.filter(after_temporary & has_usual & ~(returned & same_place))


CASES = [
    Case(
        "the child must go back to the same placement type and postcode, with RNE P",
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
    ),
    Case(
        "blank postcodes agree, one blank does not; a first temporary or blank type is not checked",
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
    ),
]
