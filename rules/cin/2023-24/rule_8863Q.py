"""Rule 8863Q: an assessment starts while another assessment of its episode is ongoing."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE
from csc_validate.collections.cin.rulekit.assessments import STARTED, assessment_runs_until
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="8863Q",
    message="An Assessment is shown as starting when there is another Assessment ongoing.",
    severity="query",
    tables=["Assessments"],
    fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    tags=["dates", "assessments"],
)
def assessment_starts_during_another(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment that starts while another assessment of the same CIN episode is ongoing.

    Ongoing means from the other assessment's start date to its authorisation date, both
    included, or to 31 March when it has no authorisation date. The assessment that starts while
    the other is ongoing is shown. Check both assessments' dates: one may have been completed
    earlier than recorded, or the two may be one assessment.
    """
    # DfE: within one CINdetails group, each AssessmentActualStartDate must not fall on or between
    # the start and authorisation dates of any other Assessments group, or its start and the
    # ReferenceDate when it has no authorisation date. Null dates (blank or unreadable, on
    # either side) give null, which the filter drops: an unreadable authorisation date leaves
    # the other assessment's span unknown.
    # NOTE: the peer tells an assessment from "another" by its dates, so two assessments with the
    # same dates are never compared; here any other row of the episode is another assessment.
    assessments = ctx.table("Assessments")
    starts = assessments.select("_row", *EPISODE, STARTED)
    others = assessments.select(
        pl.col("_row").alias("_other_row"),
        *EPISODE,
        pl.col(STARTED).alias("_other_start"),
        assessment_runs_until(ctx).alias("_other_until"),
    )
    # Equivalent mutant (ReplaceKeywordValue): every row matches itself, so only a blank key goes
    # unmatched; a left join gives it a null `_other_row`, which the filter drops.
    during = starts.join(others, on=EPISODE, how="inner").filter(
        (pl.col("_row") != pl.col("_other_row"))
        & pl.col(STARTED).is_between(pl.col("_other_start"), pl.col("_other_until"))
    )
    # The assessment names each assessment it starts during.
    return assessments.join(
        during.select("_row", pl.col("_other_row").alias(RELATED_ROW)), on="_row", how="inner"
    )


_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "AssessmentID",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
]

CASES = [
    Case(
        "a start on another's authorisation day is flagged, the day after is not",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-05-01", "2024-06-01"],
                ["A", "1", "2", "2024-06-01", "2024-06-05"],
                ["A", "1", "3", "2024-06-06", "2024-06-20"],
                ["A", "1", "4", "2024-04-30", "2024-04-30"],
                ["A", "2", "1", "2024-05-15", "2024-05-20"],
                ["B", "1", "1", "2024-07-01", "2024-07-10"],
                ["B", "1", "2", "2024-07-01", "2024-07-20"],
                ["B", "1", "3", "", ""],
            )
        },
        flagged={"Assessments": [1, 5, 6]},
        # Each assessment names the one it starts during.
        related=(
            ("Assessments", 1, "Assessments", 0),
            ("Assessments", 5, "Assessments", 6),
            ("Assessments", 6, "Assessments", 5),
        ),
        period="2024-25",
    ),
    Case(
        "an assessment not completed is ongoing until the reference date",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-05-10", ""],
                ["A", "1", "2", "2025-03-31", ""],
                ["B", "1", "1", "2024-05-10", ""],
                ["B", "1", "2", "2025-04-01", "2025-04-10"],
                ["C", "1", "1", "2024-05-10", "2024-06-31"],
                ["C", "1", "2", "2024-05-20", "2024-05-25"],
                ["D", "1", "1", "2024-05-10", ""],
                ["E", "1", "1", "2024-05-12", "2024-05-14"],
            )
        },
        flagged={"Assessments": [1]},
        period="2024-25",
    ),
]
