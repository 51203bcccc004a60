"""Rule 8825Q: an episode closed after assessment (RC8, RC9) has no assessment."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, untied
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8825Q",
    message=(
        "Please check and either amend data or provide a reason: Reason for Closure code RC8 "
        "(case closed after assessment) or RC9 (case closed after assessment, referred to early "
        "help) has been returned but there is no assessment present for the episode."
    ),
    severity="query",
    tables=["CINdetails"],
    fields=["ReasonForClosure"],
    tags=["assessments", "episodes"],
)
def closed_after_assessment_without_assessment(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode closed with reason RC8 or RC9 (after assessment) but with no assessment.

    Add the episode's assessment, or correct the reason for closure.
    """
    # An episode of a CSV extract with a blank LAchildID or CINdetailsID is tied to no
    # assessment: whether it has one cannot be told, so it is left alone (8500 reports a blank
    # LAchildID, a note the blank CINdetailsIDs).
    closed_after_assessment = ctx.table("CINdetails").filter(
        pl.col("ReasonForClosure").is_in(ctx.codes("REASON_CLOSED_AFTER_ASSESSMENT"))
        & ~untied(EPISODE)
    )
    # NOTE: the peer also flags Assessments rows, which by definition do not exist here.
    assessed = ctx.table("Assessments").select(EPISODE).unique()
    return closed_after_assessment.join(assessed, on=EPISODE, how="anti")


CASES = [
    Case(
        "RC8 and RC9 episodes with no assessment are flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", "RC8"],
                ["A", "2", "2024-08-01", "RC9"],
                ["B", "1", "2024-06-01", "rc9"],
                ["C", "1", "2024-06-01", "RC1"],
                ["D", "1", "2024-06-01", ""],
                ["E", "1", "2024-06-01", "RC8"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "2", "1", "2024-07-01"],
                ["B", "1", "1", "2024-05-01"],
                ["B", "1", "2", "2024-05-20"],
                ["E", "2", "1", "2024-05-01"],
            ),
        },
        flagged={"CINdetails": [0, 5]},
    ),
    Case(
        "an assessment with blank dates still counts as present",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", "RC8"],
                ["Z", "1", "2024-06-01", "RC9"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", ""],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
    Case(
        "in a CSV extract an episode with a blank child id is tied to no assessment: not judged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["", "1", "2024-06-01", "RC8"],
                ["", "2", "2024-08-01", "RC8"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["", "1", "1", "2024-05-01"],
            ),
        },
        flagged={},
    ),
    Case(
        "in the XML each child's episodes meet only that child's assessments, whatever the IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["Child[1]", "", "1", "2024-06-01", "RC8"],
                ["Child[1]", "", "2", "2024-08-01", "RC8"],
                ["Child[2]", "", "1", "2024-06-01", "RC8"],
                ["Child[3]", "A", "1", "2024-06-01", "RC8"],
                ["Child[4]", "A", "1", "2024-06-01", "RC8"],
            ),
            "Assessments": table(
                [
                    "ChildKey",
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                ],
                ["Child[1]", "", "1", "1", "2024-05-01"],
                ["Child[3]", "A", "1", "1", "2024-05-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINdetails": [1, 2, 4]},
    ),
    Case(
        "in a CSV extract a blank episode number ties an episode to no assessment: not judged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "", "2024-06-01", "RC8"],
                ["A", "1", "2024-06-01", "RC8"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "", "1", "2024-05-01"],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
]
