"""Rule 2991Q: CIN episode with a Section 47 enquiry and no assessment."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="2991Q",
    message=(
        "Please check and either amend data or provide a reason: A Section 47 module is "
        "recorded and there is no assessment on the episode"
    ),
    severity="query",
    tables=["CINdetails"],
    fields=["CINdetailsID"],
    tags=["section47", "assessments"],
)
def enquiry_without_assessment(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode has a Section 47 enquiry but no assessment.

    A Section 47 enquiry is normally carried out alongside an assessment of the child's needs.
    Add the episode's assessment, or explain why there is none.
    """
    # NOTE: the episode is flagged, the unit the message speaks of; the peer flags its Section47
    # rows (and an Assessments table that by definition has no rows to flag). An assessment
    # counts whatever its dates say.
    # The episode names each of its Section 47 records, which call for the assessment.
    enquiries = ctx.table("Section47").select(
        *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit("Section47").alias(RELATED_TABLE)
    )
    assessed = ctx.table("Assessments").select(EPISODE).unique()
    return (
        ctx.table("CINdetails")
        .join(enquiries, on=EPISODE, how="inner")
        .join(assessed, on=EPISODE, how="anti")
    )


CASES = [
    Case(
        "an episode with an enquiry and no assessment is flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-05-01"],
                ["A", "2", "2024-09-01"],
                ["B", "1", "2024-05-01"],
                ["C", "1", "2024-05-01"],
                ["D", "1", "2024-05-01"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2024-05-02"],
                ["C", "1", "1", ""],
                ["D", "2", "1", "2024-05-02"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["A", "1", "2024-05-03"],
                ["A", "2", "2024-09-03"],
                ["A", "2", "2024-10-03"],
                ["C", "1", "2024-05-03"],
                ["D", "1", "2024-05-03"],
            ),
        },
        flagged={"CINdetails": [1, 4]},
        # The episode names each of its Section 47 records.
        related=(
            ("CINdetails", 1, "Section47", 1),
            ("CINdetails", 1, "Section47", 2),
            ("CINdetails", 4, "Section47", 4),
        ),
    ),
    Case(
        "episodes without an enquiry are not flagged, with or without an assessment",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-05-01"],
                ["B", "1", "2024-05-01"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2024-05-02"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["C", "1", "2024-05-03"],
            ),
        },
    ),
]
