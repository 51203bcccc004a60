"""Rule 383: after a temporary placement the child does not return to the usual placement."""

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
    fields=["PLACE", "RNE"],
    tags=["placements"],
)
def no_return_after_temporary_placement(ctx: RuleContext) -> pl.LazyFrame:
    """After a temporary placement (T0 to T4) the child does not return to their usual placement.

    The episode after a temporary placement should have reason for new episode P and the placement
    type the child had before it: check for a missing or mistyped episode and correct it.
    """
    # A temporary placement is an interruption, after which the child goes back to the usual
    # placement. The check needs the two episodes before this one (in DECOM order): a child whose
    # first episode is temporary is not checked. A blank RNE is not P and is flagged; blank
    # placement types count as equal to each other.
    # with_neighbours sorts by child and DECOM, so shift(2) is the episode two before.
    ordered = with_neighbours(ctx.table("Episodes"), ["PLACE"]).with_columns(
        usual_PLACE=pl.col("PLACE").shift(2).over(child_of_row()),
        usual_row=pl.col("_row").shift(2).over(child_of_row()),
    )
    after_temporary = pl.col("prev_PLACE").is_in(ctx.codes("PLACE_TEMPORARY")).fill_null(False)
    returned = pl.col("RNE").is_in(ctx.codes("RNE_RETURN_FROM_TEMPORARY")).fill_null(False)
    same_place = pl.col("PLACE").eq_missing(pl.col("usual_PLACE"))
    has_usual = pl.col("usual_row").is_not_null()
    return ordered.filter(after_temporary & has_usual & ~(returned & same_place))


CASES = [
    Case(
        "the episode after a temporary placement must go back to the earlier placement with P",
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
    ),
    Case(
        "a temporary first or last episode, blanks; a blank type is not a temporary one",
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
    ),
]
