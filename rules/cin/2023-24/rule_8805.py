"""Rule 8805: a closed CIN episode has no reason for closure."""

import polars as pl

from csc_validate.collections.cin.rulekit.episodes import closure_recorded
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8805",
    message="A CIN case cannot have a CIN closure date without a Reason for Closure",
    tables=["CINdetails"],
    fields=["CINclosureDate", "ReasonForClosure"],
    tags=["episodes"],
)
def closure_date_without_reason(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode with a closure date but no reason for closure.

    Record why the episode closed (RC1 to RC9), or remove the closure date if it is still open.
    """
    # A closure date that cannot be read is still recorded: the episode is shown as closed.
    return ctx.table("CINdetails").filter(closure_recorded() & pl.col("ReasonForClosure").is_null())


CASES = [
    Case(
        "a closure date without a reason is flagged, even an unreadable one",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", ""],
                ["A", "2", "2024-09-01", "RC1"],
                ["B", "1", "", ""],
                ["C", "1", "2024-02-30", ""],
                ["D", "1", "", "RC3"],
                ["E", "1", "2024-02-30", "RC4"],
                ["F", "1", "01/06/2024", " "],
            )
        },
        flagged={"CINdetails": [0, 3, 6]},
    ),
    Case(
        "an invalid reason is still a reason (rule 8640 reports it)",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", "XX"],
                ["A", "2", "2024-09-01", ""],
            )
        },
        flagged={"CINdetails": [1]},
    ),
]
