"""Rule 406: a distance from home to placement for an unaccompanied asylum-seeking child."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    uasc_children,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="406",
    message=(
        "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should "
        "be blank."
    ),
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_distance_for_uasc(ctx: RuleContext) -> pl.LazyFrame:
    """An unaccompanied asylum-seeking child has a distance from home to placement.

    DfE expects no home postcode for children who are or were unaccompanied asylum-seeking
    children, this year or last.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    checked = episodes.join(uasc_children(ctx), on="CHILD", how="semi")
    return checked.filter(pl.col("PL_DISTANCE").is_not_null())


CASES = [
    Case(
        "an episode with a distance for a child UASC this year or last is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["3", "W1A 1AA", "SW1A 1AA"],
                ["3", "", "SW1A 1AA"],
                ["4", "W1A 1AA", "M1 1AA"],
                ["4", "XX9 9XX", "M1 1AA"],
            ),
            "Header": table(["CHILD", "UASC"], ["3", "0"], ["4", "0"]),
            "UASC": table(["CHILD", "DUC"], ["3", "01/01/2020"]),
            "UASC_last": table(["CHILD", "DUC"], ["4", "01/01/2019"]),
        },
        flagged={"Episodes": [0, 2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a distance for a child who was never UASC is not flagged",
        tables={
            "Episodes": table(["CHILD", "HOME_POST", "PL_POST"], ["1", "W1A 1AA", "SW1A 1AA"]),
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
