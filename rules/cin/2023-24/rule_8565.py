"""Rule 8565: activity in a CIN episode dated after the episode closed."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.rulekit import Case, RuleContext, rule, table

CLOSURE = "CINclosureDate"


def _after_closure(frame: pl.LazyFrame, ctx: RuleContext, *dates: str) -> pl.LazyFrame:
    """Rows of a table below CINdetails with any of `dates` after their episode's closure date."""
    with_closure = with_episode(frame, ctx, [CLOSURE], name_it=True)
    # A blank or unreadable date gives null, which flags nothing; one late date is enough.
    return with_closure.filter(
        pl.any_horizontal([pl.col(date) > pl.col(CLOSURE) for date in dates])
    )


@rule(
    code="8565",
    message="Activity shown after a case has been closed",
    tables=["CINdetails", "Assessments", "Section47", "CINplanDates", "ChildProtectionPlans"],
    fields=[
        "CINclosureDate",
        "DateOfInitialCPC",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "CPPendDate",
        "CINPlanStartDate",
        "CINPlanEndDate",
    ],
    tags=["dates", "episodes"],
)
def activity_after_closure(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Records of a closed CIN episode dated after the episode's closure date.

    Flagged: the episode's own initial child protection conference date, an assessment's start
    or authorisation date, a section 47 enquiry's start or ICPC date, a CIN plan's start or end
    date, and a child protection plan's end date, when later than the closure date. Activity on
    the day of closure is accepted. Correct the late date, or the closure date if the episode
    closed later.
    """
    details = ctx.table("CINdetails")
    # NOTE: the peer tests child protection plans against a hard-coded sample row instead of
    # the return's plans; DfE's coding lists CPPendDate, which is checked here. On the CIN
    # differential's generated censuses the peer's rule fails with a pandas ValueError, so no
    # child is compared there; this rule's cases pin each table's boundary instead.
    return {
        "CINdetails": details.filter(pl.col("DateOfInitialCPC") > pl.col(CLOSURE)),
        "Assessments": _after_closure(
            ctx.table_or_empty("Assessments"),
            ctx,
            "AssessmentActualStartDate",
            "AssessmentAuthorisationDate",
        ),
        "Section47": _after_closure(
            ctx.table_or_empty("Section47"), ctx, "S47ActualStartDate", "DateOfInitialCPC"
        ),
        "CINplanDates": _after_closure(
            ctx.table_or_empty("CINplanDates"), ctx, "CINPlanStartDate", "CINPlanEndDate"
        ),
        "ChildProtectionPlans": _after_closure(
            ctx.table_or_empty("ChildProtectionPlans"), ctx, "CPPendDate"
        ),
    }


EPISODES = table(
    ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "DateOfInitialCPC"],
    ["A", "1", "2024-04-10", "2024-06-30", "2024-06-30"],
    ["A", "2", "2024-08-01", "2024-09-30", "2024-10-01"],
    ["A", "3", "2024-11-01", "", "2025-01-01"],
    ["B", "1", "2024-04-10", "2024-02-30", ""],
)

CASES = [
    Case(
        "episode ICPC and assessment dates a day after closure are flagged, on the day not",
        tables={
            "CINdetails": EPISODES,
            "Assessments": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate",
                ],
                ["A", "1", "1", "2024-06-30", "2024-06-30"],
                ["A", "1", "2", "2024-06-20", "2024-07-01"],
                ["A", "1", "3", "2024-07-01", ""],
                ["A", "2", "1", "2024-08-05", "2024-02-30"],
                ["A", "3", "1", "2025-01-01", "2025-02-01"],
                ["B", "1", "1", "2024-12-01", "2024-12-02"],
                ["C", "1", "1", "2024-12-01", "2024-12-02"],
            ),
        },
        flagged={"CINdetails": [1], "Assessments": [1, 2]},
        related=(("Assessments", 1, "CINdetails", 0), ("Assessments", 2, "CINdetails", 0)),
    ),
    Case(
        "section 47 start and ICPC dates after closure are flagged",
        tables={
            "CINdetails": EPISODES,
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-30", "2024-06-30"],
                ["A", "1", "2024-07-01", ""],
                ["A", "1", "2024-06-01", "2024-07-01"],
                ["A", "2", "2024-09-01", "2024-09-30"],
                ["A", "3", "2025-03-01", "2025-03-10"],
                ["B", "1", "2025-03-01", "2025-03-10"],
            ),
        },
        flagged={"CINdetails": [1], "Section47": [1, 2]},
    ),
    Case(
        "CIN plan and child protection plan dates after closure are flagged",
        tables={
            "CINdetails": EPISODES,
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", "2024-06-30"],
                ["A", "1", "2024-05-01", "2024-07-01"],
                ["A", "1", "2024-07-01", ""],
                ["A", "2", "2024-08-05", ""],
                ["A", "3", "2024-12-01", "2025-02-01"],
            ),
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", "2024-06-30"],
                ["A", "1", "2", "2024-05-01", "2024-07-01"],
                ["A", "2", "1", "2024-08-05", ""],
                ["A", "2", "2", "2024-10-01", "2024-02-30"],
                ["A", "3", "1", "2024-12-01", "2025-02-01"],
            ),
        },
        flagged={"CINdetails": [1], "CINplanDates": [1, 2], "ChildProtectionPlans": [1]},
        # Each late record names its closed episode; the episode's own late ICPC names none.
        related=(
            ("CINplanDates", 1, "CINdetails", 0),
            ("CINplanDates", 2, "CINdetails", 0),
            ("ChildProtectionPlans", 1, "CINdetails", 0),
        ),
    ),
    Case(
        "several children: each record is compared with its own episode's closure",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-30", ""],
                ["B", "1", "2024-09-30", ""],
                ["B", "2", "30/11/2024", "01/12/2024"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2024-09-01"],
                ["B", "1", "1", "2024-09-01"],
                ["B", "2", "1", "2024-12-01"],
            ),
        },
        flagged={"CINdetails": [2], "Assessments": [0, 2]},
    ),
    Case(
        "an episode's ICPC date the day before or on its closure is not flagged, after it is",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-30", "2024-06-29"],
                ["B", "1", "2024-06-30", "2024-06-30"],
                ["C", "1", "2024-06-30", "2024-07-01"],
            ),
        },
        flagged={"CINdetails": [2]},
    ),
    Case(
        "a record and an episode whose episode ids are blank are not matched",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "DateOfInitialCPC"],
                ["A", "", "2024-06-30", ""],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "", "1", "2024-07-01"],
            ),
        },
        flagged={},
    ),
    Case(
        "an episode listed twice is judged by its first listing's closure date",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-30", ""],
                ["A", "1", "2024-09-30", ""],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2024-07-15"],
            ),
        },
        flagged={"Assessments": [0]},
    ),
    Case(
        "in the XML each child's records meet its own episode's closure, whatever the IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["Child[1]", "", "1", "2024-04-10", "2024-06-30"],
                ["Child[2]", "", "1", "2024-04-10", "2024-09-30"],
                ["Child[3]", "A", "1", "2024-04-10", "2024-06-30"],
                ["Child[4]", "A", "1", "2024-04-10", "2024-09-30"],
            ),
            "CINplanDates": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["Child[1]", "", "1", "2024-07-01"],
                ["Child[2]", "", "1", "2024-07-01"],
                ["Child[3]", "A", "1", "2024-07-01"],
                ["Child[4]", "A", "1", "2024-07-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINplanDates": [0, 2]},
    ),
    Case(
        "in a CSV extract a blank LA child ID ties a CIN plan to no episode",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["", "1", "2024-04-10", "2024-06-30"],
            ),
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate"],
                ["", "1", "2024-07-01"],
            ),
        },
    ),
]
