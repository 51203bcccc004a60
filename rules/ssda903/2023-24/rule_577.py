"""Rule 577: a child left care while a missing or away period is still open."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.ceased import open_after_care_ceased
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="577",
    message=(
        "Child ceased to be looked after but there is a missing/away from placement without"
        " authorisation period without an end date."
    ),
    tables=["Missing", "Episodes"],
    fields=["MIS_END"],
    tags=["missing"],
)
def open_missing_period_after_care_ceased(ctx: RuleContext) -> pl.LazyFrame:
    """A child stopped being looked after while a missing or away period is still open.

    Once care ends, the missing or away period ends too: enter the date it ended, or check the dates
    of the child's episodes.
    """
    # An open missing period is fine only when it started during a period of care that has not
    # ended; it is flagged when the child has ceased to be looked after (some period of care has an
    # end) and no open period of care had begun by MIS_START. Blank or unreadable starts are rule
    # 564's.
    # NOTE: an unreadable DECOM fails stage 1 (141); the peer takes it as care ended.
    # NOTE: the peer also flags a period that has an end date but lies outside care; DfE's message
    # is about a period without an end date (MIS_END).
    # The episode that ended the child's latest ended period of care is named beside the finding.
    return open_after_care_ceased(ctx, "Missing", "MIS_START", "MIS_END")


CASES = [
    Case(
        "a missing period still open once care has ended is flagged; closed ones are not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2024", "S", "20/04/2024"],
                ["1", "20/04/2024", "P", "10/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "01/05/2024", ""],
                ["1", "02/05/2024", "03/05/2024"],
                ["1", "20/05/2024", ""],
                ["1", "21/05/2024", "31/02/2024"],
                ["1", "2024-05-21", ""],
            ),
        },
        flagged={"Missing": [0, 2]},
        # The period of two episodes is named by the one that ended it.
        related=(("Missing", 0, "Episodes", 1), ("Missing", 2, "Episodes", 1)),
    ),
    Case(
        "an open period starting the day before care began again is flagged; on that day, not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["2", "01/04/2024", "S", "10/05/2024"],
                ["2", "01/07/2024", "S", ""],
                ["3", "01/04/2024", "S", "10/05/2024"],
                ["3", "01/07/2024", "S", ""],
                ["6", "01/01/2024", "S", "01/02/2024"],
                ["6", "01/03/2024", "S", "01/04/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["2", "01/05/2024", ""],
                ["3", "01/07/2024", ""],
                ["3", "30/06/2024", ""],
                ["3", "02/07/2024", ""],
                ["6", "15/04/2024", ""],
            ),
        },
        flagged={"Missing": [0, 2, 4]},
        # Of two ended periods of care, the later one's end is named.
        related=(
            ("Missing", 0, "Episodes", 0),
            ("Missing", 2, "Episodes", 2),
            ("Missing", 4, "Episodes", 5),
        ),
    ),
    Case(
        "a child still in care, or with no episodes, is not checked",
        tables={
            "Episodes": table(["CHILD", "DECOM", "RNE", "DEC"], ["4", "01/04/2024", "S", ""]),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"], ["4", "01/05/2024", ""], ["5", "01/05/2024", ""]
            ),
        },
    ),
]
