"""Rule 8945Q: the assessment factor code '18A' is used."""

import polars as pl

from csc_validate.collections.cin.rulekit.assessments import factors_coded
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8945Q",
    message=(
        "Please check and either amend data or provide a reason: the assessment factors code "
        "'18A' should not be used ('18B' or '18C' should be used instead)"
    ),
    severity="query",
    tables=["AssessmentFactorsList"],
    fields=["AssessmentFactors"],
    tags=["assessments", "factors", "codes"],
)
def factor_18a_used(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment factor recorded with the code 18A, which DfE queries from 2024-25.

    Record the factor as 18B or 18C, whichever fits, or give the reason 18A was kept.
    """
    # Codes are compared exactly as written: a lower-case 18a is no code (8897Q reports it).
    return factors_coded(ctx, ctx.codes("FACTORS_QUERIED_18A"))


_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"]

CASES = [
    Case(
        "18A is queried; 18a, 18B, 18C and other codes are not",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "18A"],
                ["A", "1", "1", "18B"],
                ["A", "1", "2", "18C"],
                ["A", "2", "1", "18a"],
                ["B", "1", "1", " 18A "],
                ["B", "1", "1", ""],
                ["B", "1", "2", "1A"],
            )
        },
        flagged={"AssessmentFactorsList": [0, 4]},
    ),
    Case(
        "every 18A among an assessment's factors is queried",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "2A"],
                ["A", "1", "1", "18A"],
                ["A", "1", "1", "21"],
                ["C", "1", "1", "18A"],
            )
        },
        flagged={"AssessmentFactorsList": [1, 3]},
    ),
]
