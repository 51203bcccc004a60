"""Rule 555: freeing order granted with no decision to place for adoption in force."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.adoption import orders_without_decision
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="555",
    message=(
        "Freeing order has been granted but there is no date of decision that the child should"
        " be placed for adoption."
    ),
    tables=["Episodes", "PlacedAdoption"],
    fields=["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    tags=["adoption"],
)
def freeing_order_without_decision(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child on a freeing order (legal status D1) has no open decision to place for adoption.

    Add the date of the decision that the child should be placed for adoption; if the order is still
    in force, check that the decision is not recorded as ceased by mistake.
    """
    # A freeing order frees the child for adoption, so the decision must be on record. A D1 episode
    # whose child has no dated decision is flagged (no PlacedAdoption file means no decisions).
    # While the D1 episode is still open, at least one decision must still be in force: when every
    # decision has a ceased date or reason, those decisions are flagged (the catalogue lists the
    # ceased fields for this reason).
    return orders_without_decision(ctx, ctx.codes("LS_FREEING_ORDER"))


CASES = [
    Case(
        "D1 episodes without a decision are flagged; other legal statuses are not",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC"],
                ["1", "D1", "01/01/2021"],
                ["2", "D1", "01/01/2021"],
                ["3", "C2", "01/01/2021"],
                ["4", "", ""],
                ["5", "D1", "01/01/2021"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["1", "01/02/2020"], ["2", ""], ["5", "xx"]
            ),
        },
        flagged={"Episodes": [1]},
    ),
    Case(
        "an open D1 episode with every decision ceased flags those decisions",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC"],
                ["1", "D1", ""],
                ["2", "D1", ""],
                ["3", "D1", "01/01/2021"],
                ["4", "D1", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/02/2019", "01/02/2020", "RD1"],
                ["1", "01/02/2018", "", "RD2"],
                ["2", "01/02/2019", "01/02/2020", "RD1"],
                ["2", "01/03/2020", "", ""],
                ["3", "01/02/2019", "01/02/2020", "RD1"],
                ["4", "01/02/2019", "", ""],
            ),
        },
        flagged={"PlacedAdoption": [0, 1]},
        related=(("PlacedAdoption", 0, "Episodes", 0), ("PlacedAdoption", 1, "Episodes", 0)),
    ),
    Case(
        "unreadable dates count as given: a DEC closes the order, a ceased date ends a decision",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DEC"],
                ["1", "D1", "31/02/2021"],
                ["2", "D1", ""],
                ["3", "D1", ""],
                ["4", "D1", "01/01/2021"],
                ["5", "D1", "01/01/2021"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/02/2019", "01/02/2020", "RD1"],
                ["2", "01/02/2019", "31/02/2020", ""],
                ["3", "01/02/2019", "", ""],
                ["3", "31/02/2019", "", ""],
                ["4", "2019-02-01", "", ""],
                ["5", "", "", ""],
            ),
        },
        flagged={"Episodes": [4], "PlacedAdoption": [1]},
        related=(("PlacedAdoption", 1, "Episodes", 1),),
    ),
]
