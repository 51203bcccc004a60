"""Rule 8867: an assessment in a closed CIN episode has no completion date."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE
from csc_validate.collections.cin.rulekit.episodes import closure_recorded
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    rule,
    table,
    unreadable,
)


@rule(
    code="8867",
    message="CIN episode is shown as closed, however Assessment is not shown as completed",
    tables=["Assessments"],
    fields=["AssessmentAuthorisationDate"],
    tags=["assessments", "episodes"],
)
def assessment_incomplete_in_closed_episode(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment with no authorisation (completion) date in a closed CIN episode.

    Record the date the assessment was authorised, or remove the episode's closure date if the
    case is still open.
    """
    # The assessment names its closed episode.
    closed = (
        ctx.table("CINdetails")
        .filter(closure_recorded())
        .select(
            *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit("CINdetails").alias(RELATED_TABLE)
        )
    )
    authorised = "AssessmentAuthorisationDate"
    # An unreadable authorisation date was recorded (CSC001 reports it); only a blank one is
    # flagged. An unreadable closure date still shows the episode as closed.
    # NOTE: the peer flags the CINdetails row too; the missing date is on the assessment.
    return (
        ctx.table_or_empty("Assessments")
        .filter(pl.col(authorised).is_null() & ~unreadable(authorised))
        .join(closed, on=EPISODE, how="inner")
    )


CASES = [
    Case(
        "incomplete assessments of closed episodes are flagged; open episodes' are not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-01", "RC1"],
                ["A", "2", "", ""],
                ["B", "1", "2024-02-30", "RC1"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"],
                ["A", "1", "1", "2024-05-01"],
                ["A", "1", "2", ""],
                ["A", "1", "3", "2024-02-30"],
                ["A", "2", "1", ""],
                ["B", "1", "1", ""],
                ["C", "1", "1", ""],
            ),
        },
        flagged={"Assessments": [1, 4]},
    ),
    Case(
        "a child listed twice does not flag an assessment twice",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate"],
                ["A", "1", "2024-06-01"],
                ["A", "1", "2024-07-01"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"],
                ["A", "1", "1", ""],
                ["A", "1", "2", "01/05/2024"],
            ),
        },
        flagged={"Assessments": [0]},
        # The assessment names both listings of its closed episode.
        related=(
            ("Assessments", 0, "CINdetails", 0),
            ("Assessments", 0, "CINdetails", 1),
        ),
    ),
]
