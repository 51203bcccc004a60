"""Rule 8810: a reason for closure on a CIN episode with no closure date."""

import polars as pl

from csc_validate.collections.cin.rulekit.episodes import is_open
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8810",
    message="A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    tables=["CINdetails"],
    fields=["ReasonForClosure", "CINclosureDate"],
    tags=["episodes"],
)
def reason_without_closure_date(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode with a reason for closure but no closure date.

    Record the date the episode closed, or remove the reason if it is still open.
    """
    # An unreadable closure date was written: CSC001 reports it, not this rule.
    return ctx.table("CINdetails").filter(pl.col("ReasonForClosure").is_not_null() & is_open())


CASES = [
    Case(
        "a reason without a closure date is flagged; an unreadable closure date is not blank",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "", "RC1"],
                ["A", "2", "2024-09-01", "RC1"],
                ["B", "1", "", ""],
                ["C", "1", "2024-02-30", "RC3"],
                ["D", "1", "", "XX"],
                ["E", "1", "2024-06-01", ""],
            )
        },
        flagged={"CINdetails": [0, 4]},
    ),
    Case(
        "only the open episode of a child with a reason is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-05-01", "RC8"],
                ["A", "2", " ", "RC8"],
                ["A", "3", "", ""],
            )
        },
        flagged={"CINdetails": [1]},
    ),
]
