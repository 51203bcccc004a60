"""Rule 554: decision to place for adoption dated after the placement order."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.adoption import decisions_after_order
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="554",
    message=(
        "Date of decision that the child should be placed for adoption should be on or prior to the"
        " date that the placement order was granted."
    ),
    tables=["Episodes", "PlacedAdoption"],
    fields=["DATE_PLACED", "DECOM", "LS"],
    tags=["adoption", "dates"],
)
def decision_after_placement_order(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The decision to place for adoption is dated after the placement order (legal status E1).

    Compare the date of the decision with the start date (DECOM) of the child's first episode with
    legal status E1 in that period of care, and correct whichever is wrong. The order may have been
    granted in an earlier year, so check the child's earlier episodes too.
    """
    # DfE compares DATE_PLACED with the DECOM of the first episode with legal status E1 in a period
    # of care. The decisions compared are those dated after that episode but before the period of
    # care ended (a later decision belongs to a later period). Both the episode and the decision are
    # flagged; blank dates are not compared.
    return decisions_after_order(ctx, ctx.codes("LS_PLACEMENT_ORDER"))


CASES = [
    Case(
        "a decision the day after the first E1 episode is flagged; on the day it is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2020", "S", "C2", "10/05/2020"],
                ["1", "10/05/2020", "L", "E1", "01/06/2020"],
                ["1", "01/06/2020", "P", "E1", ""],
                ["2", "10/05/2020", "S", "E1", ""],
                ["3", "10/05/2020", "S", "E1", ""],
                ["4", "", "S", "E1", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "11/05/2020"],
                ["2", "10/05/2020"],
                ["3", "09/05/2020"],
                ["3", ""],
                ["4", "01/01/2020"],
            ),
        },
        flagged={"Episodes": [1], "PlacedAdoption": [0]},
        related=(("Episodes", 1, "PlacedAdoption", 0), ("PlacedAdoption", 0, "Episodes", 1)),
    ),
    Case(
        "a decision after the period of care ended belongs to a later period",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2018", "S", "E1", "01/01/2019"],
                ["1", "01/01/2021", "S", "C2", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["1", "01/06/2017"], ["1", "01/06/2021"]
            ),
        },
        flagged={},
    ),
    Case(
        "decisions up to and on the day a period of care ends are compared; the next day is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2018", "S", "E1", "01/01/2019"],
                ["1", "01/01/2021", "S", "C2", ""],
                ["2", "01/01/2018", "S", "E1", "01/01/2019"],
                ["2", "01/01/2021", "S", "C2", ""],
                ["3", "01/01/2018", "S", "E1", "01/01/2019"],
                ["3", "01/01/2021", "S", "C2", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "01/06/2018"],
                ["2", "01/01/2019"],
                ["3", "02/01/2019"],
            ),
        },
        flagged={"Episodes": [0, 2], "PlacedAdoption": [0, 1]},
        related=(
            ("Episodes", 0, "PlacedAdoption", 0),
            ("Episodes", 2, "PlacedAdoption", 1),
            ("PlacedAdoption", 0, "Episodes", 0),
            ("PlacedAdoption", 1, "Episodes", 2),
        ),
    ),
]
