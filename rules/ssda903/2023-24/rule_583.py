"""Rule 583: an earlier decision to place for adoption was never revoked."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import (
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="583",
    message=(
        "More than one date the child should be placed for adoption has been reported, but an"
        " earlier decision has not been revoked. Check that both dates are required and add in"
        " the date the earlier decision was revoked. Note this may be in a previous year."
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    severity="query",
    tags=["adoption"],
)
def earlier_decision_not_revoked(ctx: RuleContext) -> pl.LazyFrame:
    """An earlier decision to place for adoption has no date it ceased.

    When a child has more than one decision, every one but the latest should have the date it was
    revoked: check that all the decisions are needed and add the date, which may be in an earlier
    year.
    """
    # DfE: the latest DATE_PLACED may or may not have DATE_PLACED_CEASED; every earlier one must.
    # The latest is the one with the latest DATE_PLACED (a blank DATE_PLACED counts as earliest).
    # The message asks the LA to check, so this is a query.
    decisions = ctx.table("PlacedAdoption")
    latest = (
        decisions.sort(in_order("DATE_PLACED", "DATE_PLACED_CEASED"))
        .group_by(child_of_row())
        .last()
    )
    earlier = decisions.join(latest.select("_row"), on="_row", how="anti")
    # Each earlier decision names the child's latest, the one it was compared with.
    return beside(
        earlier.filter(pl.col(raw_name("DATE_PLACED_CEASED")).is_null()), latest, "PlacedAdoption"
    )


CASES = [
    Case(
        "each earlier decision without a ceased date is queried, in any row order",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/01/2020", ""],
                ["1", "01/01/2021", ""],
                ["5", "01/01/2021", ""],
                ["5", "01/01/2020", ""],
                ["9", "01/01/2019", "01/06/2019"],
                ["9", "01/01/2020", ""],
                ["9", "01/01/2021", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 3, 5]},
        related=(
            ("PlacedAdoption", 0, "PlacedAdoption", 1),
            ("PlacedAdoption", 3, "PlacedAdoption", 2),
            ("PlacedAdoption", 5, "PlacedAdoption", 6),
        ),
    ),
    Case(
        "an earlier decision with a ceased date, even an unreadable one, is not queried",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/01/2020", "01/06/2020"],
                ["2", "01/01/2021", ""],
                ["6", "01/01/2020", "31/02/2020"],
                ["6", "01/01/2021", ""],
            ),
        },
    ),
    Case(
        "a child's only decision is not queried",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"], ["3", "01/01/2020", ""]
            ),
        },
    ),
    Case(
        "a blank or unreadable DATE_PLACED is earliest; of equal dates the last row is latest",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["4", "", ""],
                ["4", "01/01/2021", ""],
                ["7", "2021-01-01", ""],
                ["7", "01/01/2020", ""],
                ["8", "01/01/2021", ""],
                ["8", "01/01/2021", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 2, 4]},
    ),
]
