"""Rule 8897Q: an assessment completed in the census year has no valid factor recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT, untied
from csc_validate.collections.cin.rulekit.assessments import (
    AUTHORISED,
    FACTOR,
    assessments_with_factors,
)
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="8897Q",
    message=(
        "Parental or child factors at assessment information is missing from a completed assessment"
    ),
    severity="query",
    tables=["Assessments", "AssessmentFactorsList"],
    fields=["AssessmentAuthorisationDate", "AssessmentFactors"],
    tags=["assessments", "factors", "codes"],
)
def completed_assessment_without_factors(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An assessment completed in or after the census year with no valid factor recorded.

    The assessment was authorised on or after 1 April of the census year, and has no parental or
    child factor, or a factor whose code is not in DfE's list. Record the factors identified at
    the assessment (code 21 if none was identified). An assessment with no factor is shown on
    its own row; a bad code on the factor's row.
    """
    # DfE: where present, if AssessmentAuthorisationDate is on or after the start of the census
    # year, one or more AssessmentFactors must be present within the same assessment and must
    # be valid codes. A blank or unreadable authorisation date gives null, which the filter
    # drops. A factor row with a blank code holds no factor, so it counts as missing.
    # NOTE: the peer matches factors to assessments without the episode (so AssessmentID 1 of
    # one episode takes the factors of another's) and shows a bad code on the assessment row.
    # An assessment of a CSV extract with a blank LAchildID, CINdetailsID or AssessmentID is
    # tied to no factor: not judged.
    completed = ctx.table("Assessments").filter(
        (pl.col(AUTHORISED) >= pl.lit(ctx.start, dtype=pl.Date)) & ~untied(ASSESSMENT)
    )
    missing = completed.join(assessments_with_factors(ctx), on=ASSESSMENT, how="anti")
    factor = pl.col(FACTOR)
    invalid = (
        ctx.table("AssessmentFactorsList")
        .filter(factor.is_not_null() & ~factor.is_in(ctx.codes("AssessmentFactors")))
        # A bad code names its completed assessment.
        .join(
            completed.select(
                *ASSESSMENT,
                pl.col("_row").alias(RELATED_ROW),
                pl.lit("Assessments").alias(RELATED_TABLE),
            ),
            on=ASSESSMENT,
            how="inner",
        )
    )
    return {"Assessments": missing, "AssessmentFactorsList": invalid}


_ASSESSMENT_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"]
_FACTOR_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"]

CASES = [
    Case(
        "completed from 1 April with no factor is queried; completed earlier or open is not",
        tables={
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "1", "1", "2024-03-31"],
                ["A", "1", "2", "2024-04-01"],
                ["A", "1", "3", "2025-03-31"],
                ["A", "1", "4", ""],
                ["A", "1", "5", "2024-06-31"],
                ["B", "1", "1", "2024-05-01"],
                ["B", "1", "2", "2024-05-01"],
                ["B", "1", "3", "2024-05-01"],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["B", "1", "1", "21"],
                ["B", "1", "2", "1A"],
                ["B", "1", "2", ""],
                ["B", "1", "3", ""],
            ),
        },
        flagged={"Assessments": [1, 2, 7]},
        period="2024-25",
    ),
    Case(
        "a code not in the list is queried on the factor row of a completed assessment",
        tables={
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "1", "1", "2024-05-01"],
                ["A", "1", "2", "2024-05-01"],
                ["A", "2", "1", "2024-03-31"],
                ["A", "2", "2", ""],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["A", "1", "1", "1A"],
                ["A", "1", "1", "1D"],
                ["A", "1", "2", "xyz"],
                ["A", "2", "1", "xyz"],
                ["A", "2", "2", "xyz"],
            ),
        },
        flagged={"AssessmentFactorsList": [1, 2]},
        # A bad code names its completed assessment.
        related=(
            ("AssessmentFactorsList", 1, "Assessments", 0),
            ("AssessmentFactorsList", 2, "Assessments", 1),
        ),
        period="2024-25",
    ),
    Case(
        "factors are matched on the whole key: another episode's factors do not count",
        tables={
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "1", "1", "2024-05-01"],
                ["A", "2", "1", "2024-05-01"],
                ["B", "1", "1", "2024-05-01"],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["A", "2", "1", "2A"],
                ["C", "1", "1", "2A"],
            ),
        },
        flagged={"Assessments": [0, 2]},
        period="2024-25",
    ),
    Case(
        "in a CSV extract a blank LA child ID ties an assessment to no factor: not judged",
        tables={
            "Assessments": table(_ASSESSMENT_COLUMNS, ["", "1", "1", "2024-05-01"]),
            "AssessmentFactorsList": table(_FACTOR_COLUMNS, ["", "1", "1", "21"]),
        },
        period="2024-25",
    ),
    Case(
        "in a CSV extract a blank episode or assessment ID ties an assessment to no factor",
        tables={
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "", "1", "2024-05-01"],
                ["B", "1", "", "2024-05-01"],
                ["C", "1", "1", "2024-05-01"],
                ["D", "1", "1", "2024-05-01"],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["A", "", "1", "1A"],
                ["B", "1", "", "1A"],
                ["C", "1", "", "1A"],
                ["D", "1", "1", "1A"],
            ),
        },
        # A's and B's are not judged; C's only factor is tied to no assessment, so C has none.
        flagged={"Assessments": [2]},
        period="2024-25",
    ),
    Case(
        "in the XML each child's assessment meets its own factors, whatever the LA child IDs",
        tables={
            "Assessments": table(
                ["ChildKey", *_ASSESSMENT_COLUMNS],
                ["Child[1]", "", "1", "1", "2024-05-01"],
                ["Child[2]", "", "1", "1", "2024-05-01"],
                ["Child[3]", "A", "1", "1", "2024-05-01"],
                ["Child[4]", "A", "1", "1", "2024-05-01"],
            ),
            "AssessmentFactorsList": table(
                ["ChildKey", *_FACTOR_COLUMNS],
                ["Child[1]", "", "1", "1", "21"],
                ["Child[3]", "A", "1", "1", "21"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"Assessments": [1, 3]},
        period="2024-25",
    ),
]
