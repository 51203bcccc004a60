"""Rule 8950Q: the assessment factor code '19A' is used."""

import polars as pl

from csc_validate.collections.cin.rulekit.assessments import factors_coded
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8950Q",
    message=(
        "Please check and either amend data or provide a reason: the assessment factors code "
        "'19A' should not be used ('19B' or '19C' should be used instead)"
    ),
    severity="query",
    tables=["AssessmentFactorsList"],
    fields=["AssessmentFactors"],
    tags=["assessments", "factors", "codes"],
)
def factor_19a_used(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment factor recorded with the code 19A, which DfE queries from 2024-25.

    Record the factor as 19B or 19C, whichever fits, or give the reason 19A was kept.
    """
    # Codes are compared exactly as written: a lower-case 19a is no code (8897Q reports it).
    return factors_coded(ctx, ctx.codes("FACTORS_QUERIED_19A"))


_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"]

CASES = [
    Case(
        "19A is queried; 19a, 19B, 19C and other codes are not",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "19A"],
                ["A", "1", "1", "19B"],
                ["A", "1", "2", "19C"],
                ["A", "2", "1", "19a"],
                ["B", "1", "1", " 19A "],
                ["B", "1", "1", ""],
                ["B", "1", "2", "1A"],
            )
        },
        flagged={"AssessmentFactorsList": [0, 4]},
    ),
    Case(
        "every 19A among an assessment's factors is queried",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "2A"],
                ["A", "1", "1", "19A"],
                ["A", "1", "1", "21"],
                ["C", "1", "1", "19A"],
            )
        },
        flagged={"AssessmentFactorsList": [1, 3]},
    ),
]
