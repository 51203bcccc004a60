"""Rule 707: a child left care while a DoLO is still open."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.ceased import open_after_care_ceased
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="707",
    message="Child ceased to be looked after but there is a DoLO without an end date.",
    tables=["DoLo", "Episodes"],
    fields=["DOLO_END"],
    tags=["dolo"],
)
def open_dolo_after_care_ceased(ctx: RuleContext) -> pl.LazyFrame:
    """A child stopped being looked after while a deprivation of liberty order (DoLO) is open.

    Once care ends, the order ends too: enter the date the order ended, or check the dates of the
    child's episodes.
    """
    # Provisional: DfE's own 2026-27 text could not be found; what follows is DfE's coding as
    # the peer quotes it.
    # DfE applies rule 577's test for missing periods to DoLOs. An open order is fine only when it
    # started during a period of care that has not ended; it is flagged when the child has ceased to
    # be looked after (some period of care has an end) and no open period of care had begun by
    # DOLO_START. Blank or unreadable starts are rule 700's.
    # The episode that ended the child's latest ended period of care is named beside the finding.
    return open_after_care_ceased(ctx, "DoLo", "DOLO_START", "DOLO_END")


CASES = [
    Case(
        "open orders after care ceased are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2026", "S", "10/05/2026"],
                ["2", "01/04/2026", "S", "10/05/2026"],
                ["2", "01/07/2026", "S", ""],
                ["3", "01/04/2026", "S", "10/05/2026"],
                ["3", "01/07/2026", "S", ""],
                ["4", "01/04/2026", "S", ""],
            ),
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "01/05/2026", ""],
                ["1", "02/05/2026", "03/05/2026"],
                ["2", "01/05/2026", ""],
                ["3", "01/07/2026", ""],
                ["4", "01/05/2026", ""],
                ["1", "20/05/2026", ""],
                ["5", "01/05/2026", ""],
            ),
        },
        flagged={"DoLo": [0, 2, 5]},
        related=(
            ("DoLo", 0, "Episodes", 0),
            ("DoLo", 2, "Episodes", 1),
            ("DoLo", 5, "Episodes", 0),
        ),
    ),
    Case(
        "an open order from the day before the open period of care began is flagged, on it is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2026", "S", "10/05/2026"],
                ["1", "01/07/2026", "S", ""],
                ["2", "01/04/2026", "S", "10/05/2026"],
                ["2", "01/07/2026", "S", ""],
                ["3", "01/04/2026", "S", "10/05/2026"],
            ),
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "30/06/2026", ""],
                ["1", "02/07/2026", ""],
                ["2", "01/05/2026", "31/02/2026"],
                ["2", "31/02/2026", ""],
                ["3", "01/05/2026", "2026-05-10"],
                ["3", "11/05/2026", ""],
            ),
        },
        flagged={"DoLo": [0, 5]},
        related=(("DoLo", 0, "Episodes", 0), ("DoLo", 5, "Episodes", 4)),
    ),
    Case(
        "the episode ending the latest period of care is named, by the last episode of the period",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2026", "S", "20/04/2026"],
                ["1", "20/04/2026", "P", "10/05/2026"],
                ["2", "01/04/2026", "S", "01/05/2026"],
                ["2", "01/06/2026", "S", "01/07/2026"],
            ),
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "01/05/2026", ""],
                ["2", "15/07/2026", ""],
            ),
        },
        flagged={"DoLo": [0, 1]},
        related=(("DoLo", 0, "Episodes", 1), ("DoLo", 1, "Episodes", 3)),
    ),
]
