"""Rule 8868: a section 47 enquiry in a closed CIN episode has no ICPC outcome."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, yes
from csc_validate.collections.cin.rulekit.episodes import closure_recorded
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="8868",
    message=(
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by "
        "ICPC date or ICPC not required flag"
    ),
    tables=["Section47"],
    fields=["ICPCnotRequired", "DateOfInitialCPC"],
    tags=["episodes", "section47"],
)
def section47_incomplete_in_closed_episode(ctx: RuleContext) -> pl.LazyFrame:
    """A section 47 enquiry in a closed CIN episode with no ICPC date and no ICPC-not-required.

    Each enquiry of a closed episode needs either the date of the initial child protection
    conference or ICPCnotRequired true (or 1). Record the one that applies.
    """
    # The enquiry names its closed episode.
    closed = (
        ctx.table("CINdetails")
        .filter(closure_recorded())
        .select(
            *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit("CINdetails").alias(RELATED_TABLE)
        )
    )
    # An unreadable ICPC date was recorded (CSC001 reports it); a blank ICPCnotRequired is
    # not true.
    # NOTE: the peer also flags an enquiry with both an ICPC date and ICPCnotRequired true,
    # which DfE's coding for 8868 does not ask; and it flags the CINdetails row, while the
    # missing item is on the enquiry.
    no_outcome = pl.col(raw_name("DateOfInitialCPC")).is_null() & ~yes("ICPCnotRequired", ctx)
    return ctx.table_or_empty("Section47").filter(no_outcome).join(closed, on=EPISODE, how="inner")


CASES = [
    Case(
        "an enquiry with neither outcome in a closed episode is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", "RC1"],
                ["A", "2", "", ""],
                ["B", "1", "2024-02-30", "RC1"],
            ),
            "Section47": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "S47ActualStartDate",
                    "DateOfInitialCPC",
                    "ICPCnotRequired",
                ],
                ["A", "1", "2024-05-01", "2024-05-10", ""],
                ["A", "1", "2024-05-02", "", "true"],
                ["A", "1", "2024-05-03", "", "false"],
                ["A", "1", "2024-05-04", "", ""],
                ["A", "1", "2024-05-05", "2024-02-30", "0"],
                ["A", "1", "2024-05-06", "", "1"],
                ["A", "2", "2024-07-01", "", ""],
                ["B", "1", "2024-05-01", "", "0"],
                ["C", "1", "2024-05-01", "", ""],
            ),
        },
        flagged={"Section47": [2, 3, 7]},
        # Each enquiry names its closed episode.
        related=(
            ("Section47", 2, "CINdetails", 0),
            ("Section47", 3, "CINdetails", 0),
            ("Section47", 7, "CINdetails", 2),
        ),
    ),
    Case(
        "an ICPC date together with ICPCnotRequired true is not this rule's finding",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate"],
                ["A", "1", "2024-06-01"],
            ),
            "Section47": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "S47ActualStartDate",
                    "DateOfInitialCPC",
                    "ICPCnotRequired",
                ],
                ["A", "1", "2024-05-01", "2024-05-10", "true"],
                ["A", "1", "2024-05-02", "", "TRUE"],
                ["A", "1", "2024-05-03", "", "no"],
            ),
        },
        flagged={"Section47": [1, 2]},
    ),
]
