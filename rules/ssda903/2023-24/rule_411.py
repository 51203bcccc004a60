"""Rule 411: a placement counted inside the council's area is in another LA."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="411",
    message="Placement location code disagrees with LA of placement.",
    tables=["Episodes"],
    fields=["PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_inside_but_la_elsewhere(ctx: RuleContext) -> pl.LazyFrame:
    """A placement counted inside the council's area is in another local authority."""
    # NOTE: with PL_LOCATION derived from PL_LA and the council's code this cannot happen; it
    # is kept so that the rule set is complete and catches a derivation that goes wrong.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    return episodes.filter(
        # Equivalent mutant (ReplaceComparisonOperator_Eq_Lt, ReplaceComparisonOperator_Eq_LtE,
        # ReplaceComparisonOperator_Eq_Is): PL_LOCATION is derived as IN, OUT or blank, and IN only
        # where PL_LA is the council, so == "IN" already keeps no row past the second test; < "IN",
        # <= "IN" and "is" keep fewer or the same.
        (pl.col("PL_LOCATION") == "IN") & pl.col("PL_LA").ne_missing(pl.col("_COUNCIL"))
    )


CASES = [
    Case(
        "placements inside and outside the council agree with their LA",
        tables={
            "Episodes": table(
                ["CHILD", "PL_POST"],
                ["1", "W1A 1AA"],
                ["2", "M1 1AA"],
                ["3", ""],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a council whose code the directory does not use puts nothing inside",
        tables={"Episodes": table(["CHILD", "PL_POST"], ["1", "W1A 1AA"], ["2", "M1 1AA"])},
        flagged={},
        la="E09000001",
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a placement inside the council but in another LA would be flagged",
        tables={"Episodes": table(["CHILD", "PL_POST"], ["1", "M1 1AA"])},
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
        xfail="PL_LOCATION is derived from PL_LA and --la, so the two cannot disagree",
    ),
]
