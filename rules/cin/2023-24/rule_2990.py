"""Rule 2990: activity recorded on a CIN episode closed after assessment (RC8 or RC9)."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)

# NOTE: the CINdetails row is flagged, not each activity record. DfE's check belongs to the
# CINdetails module and names only ReasonForClosure; the contradiction is one per episode however
# many records it holds, and the episode-level ICPC date has no row but this one. The peer also
# flags every Section47, plan and CIN plan row, which reports one mistake several times.


@rule(
    code="2990",
    message=(
        "Activity is recorded against a case marked as ‘Case closed after assessment, no "
        "further action’ or 'case closed after assessment, referred to early help'."
    ),
    tables=["CINdetails"],
    fields=["ReasonForClosure"],
    tags=["closure", "codes", "plans"],
)
def activity_on_episode_closed_after_assessment(ctx: RuleContext) -> pl.LazyFrame:
    """CIN episodes closed after assessment (RC8 or RC9) that also record a section 47 enquiry,
    a child protection plan, a CIN plan or an initial child protection conference date.

    An episode closed after assessment has no activity beyond the assessment. Either the reason
    for closure is wrong (use the code that fits what happened), or the section 47 enquiry,
    plan or conference date belongs to another episode of the child.
    """
    # An absent table (a CSV return without CIN plans, say) means no such records.
    # Each activity record is named beside its episode.
    activity = pl.concat(
        [
            ctx.table_or_empty(name).select(
                *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit(name).alias(RELATED_TABLE)
            )
            for name in ("Section47", "ChildProtectionPlans", "CINplanDates")
        ]
    )
    closed_after_assessment = pl.col("ReasonForClosure").is_in(
        ctx.codes("REASON_CLOSED_AFTER_ASSESSMENT")
    )
    # An ICPC date that cannot be read is still a conference recorded on the episode.
    conference_date = pl.col(raw_name("DateOfInitialCPC")).is_not_null()
    return (
        ctx.table("CINdetails")
        .join(activity, on=EPISODE, how="left")
        .filter(closed_after_assessment & (conference_date | pl.col(RELATED_ROW).is_not_null()))
    )


CASES = [
    Case(
        "an RC8 or RC9 episode with a section 47, plan, CIN plan or ICPC date is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReasonForClosure", "DateOfInitialCPC"],
                ["A", "1", "RC8", ""],
                ["A", "2", "RC8", ""],
                ["A", "3", "RC9", ""],
                ["A", "4", "RC9", ""],
                ["A", "5", "RC8", "2024-05-01"],
                ["A", "6", "rc9", "2024-02-30"],
                ["B", "1", "RC1", "2024-05-01"],
                ["B", "2", "", "2024-05-01"],
                ["C", "1", "RC8", ""],
                ["C", "2", "RC3", ""],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["A", "2", "2024-05-01"],
                ["B", "1", "2024-05-01"],
                ["B", "2", "2024-05-01"],
                ["C", "2", "2024-05-01"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "3", "1", "2024-05-01"],
                ["A", "3", "2", "2024-07-01"],
                ["B", "1", "1", "2024-05-01"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["A", "4", "2024-05-01"],
                ["B", "1", "2024-05-01"],
            ),
        },
        flagged={"CINdetails": [1, 2, 3, 4]},
        # Each episode names its activity records; an episode-level ICPC date names none.
        related=(
            ("CINdetails", 1, "Section47", 0),
            ("CINdetails", 2, "ChildProtectionPlans", 0),
            ("CINdetails", 2, "ChildProtectionPlans", 1),
            ("CINdetails", 3, "CINplanDates", 0),
        ),
    ),
    Case(
        "an RC8 episode with both an ICPC date and a section 47 record is flagged once",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReasonForClosure", "DateOfInitialCPC"],
                ["A", "1", "RC8", "2024-05-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["A", "1", "2024-04-20"],
            ),
            "ChildProtectionPlans": table(["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"]),
            "CINplanDates": table(["LAchildID", "CINdetailsID", "CINPlanStartDate"]),
        },
        flagged={"CINdetails": [0]},
    ),
    Case(
        "with no activity tables supplied, only an episode-level ICPC date counts",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReasonForClosure", "DateOfInitialCPC"],
                ["A", "1", "RC8", ""],
                ["A", "2", "RC9", "2024-05-01"],
                ["B", "1", "RC1", ""],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
    Case(
        "in the XML an episode's activity is its own child's, whatever the LA child IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "ReasonForClosure"],
                ["Child[1]", "", "1", "RC8"],
                ["Child[2]", "", "1", "RC8"],
                ["Child[3]", "A", "1", "RC8"],
                ["Child[4]", "A", "1", "RC1"],
            ),
            "Section47": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["Child[2]", "", "1", "2024-05-01"],
                ["Child[4]", "A", "1", "2024-05-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINdetails": [1]},
    ),
]
