"""Rule 504: the category of need changes within a period of care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order, periods_of_care
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="504",
    message=(
        "The category of need code differs from that reported at start of current period of "
        "being looked after"
    ),
    tables=["Episodes"],
    fields=["CIN"],
    tags=["codes", "episodes"],
)
def need_differs_from_start_of_period(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's category of need (CIN) differs from the one at the start of its period of care.

    The category of need is recorded when the child starts to be looked after and stays the same
    while that period of care lasts: give each episode the category recorded at its start, or
    correct that first one.
    """
    # The category of need is recorded once, when the child starts to be looked after, and does not
    # change while the period lasts. A period is a run of episodes each starting on the day the
    # previous one ended (a new period starts with RNE S or after a gap). Every episode that differs
    # from the first is flagged, not only the one where the code changed. A blank on one side only
    # is a difference. Periods that began last year are compared from their first episode in this
    # return (rule 503C checks the link to last year).
    periods = periods_of_care(ctx)
    # An episode with a blank DECOM always starts a new period and sorts after the child's dated
    # ones, so it is alone in its period; of two starting the same day the one ending first leads.
    # The period's first episode, whose need the episode is compared with, is named beside it.
    order = in_order("DECOM", "DEC")
    at_start = pl.col("CIN").sort_by(order).first()
    first_row = pl.col("_row").sort_by(order).first().over(child_of_row(), "period")
    return periods.with_columns(first_row.alias(RELATED_ROW)).filter(
        pl.col("CIN").ne_missing(at_start.over(child_of_row(), "period"))
    )


CASES = [
    Case(
        "each episode whose need differs from the start of its period is flagged, in DECOM order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "CIN", "DEC"],
                ["1", "01/05/2023", "S", "N1", "10/06/2023"],
                ["1", "10/06/2023", "P", "N2", "20/07/2023"],
                ["1", "20/07/2023", "L", "n1", "01/08/2023"],
                ["1", "01/08/2023", "P", "N2", ""],
                ["8", "10/06/2023", "P", "N2", ""],
                ["8", "01/05/2023", "S", "N1", "10/06/2023"],
                ["9", "01/05/2023", "S", "N1", "10/06/2023"],
                ["9", "10/06/2023", "", "N2", ""],
            )
        },
        flagged={"Episodes": [1, 2, 3, 4, 7]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 2, "Episodes", 0),
            ("Episodes", 3, "Episodes", 0),
            ("Episodes", 4, "Episodes", 5),
            ("Episodes", 7, "Episodes", 6),
        ),
    ),
    Case(
        "a need left blank after a recorded one is flagged; blank throughout is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "CIN", "DEC"],
                ["3", "01/05/2023", "S", "N1", "10/06/2023"],
                ["3", "10/06/2023", "P", "", ""],
                ["4", "01/05/2023", "S", "", "10/06/2023"],
                ["4", "10/06/2023", "P", "", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
    Case(
        "a new need is not flagged after RNE S, a gap, an overlap or an unreadable DEC",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "CIN", "DEC"],
                ["2", "01/05/2023", "S", "N1", "10/06/2023"],
                ["2", "11/06/2023", "S", "N3", "20/07/2023"],
                ["2", "20/07/2023", "S", "N4", ""],
                ["5", "01/05/2023", "S", "N1", "10/06/2023"],
                ["5", "11/06/2023", "P", "N2", ""],
                ["6", "01/05/2023", "S", "N1", "10/06/2023"],
                ["6", "09/06/2023", "P", "N2", ""],
                ["7", "01/05/2023", "S", "N1", "31/06/2023"],
                ["7", "10/06/2023", "P", "N2", ""],
            )
        },
    ),
    Case(
        "a continuation coded T (temporary placement) stays in the period: a new need is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "CIN", "DEC"],
                ["10", "01/05/2023", "S", "N1", "10/06/2023"],
                ["10", "10/06/2023", "T", "N2", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
    Case(
        "an episode with a blank start is not chained to the episode before it",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "CIN", "DEC"],
                ["11", "01/05/2023", "S", "N1", "10/06/2023"],
                ["11", "", "P", "N2", ""],
            )
        },
    ),
]
