"""Rule 8898: an assessment has the same factor code more than once."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT
from csc_validate.collections.cin.rulekit.assessments import FACTOR
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8898",
    message="The assessment has more than one parental or child factors with the same code",
    tables=["AssessmentFactorsList"],
    fields=["AssessmentFactors"],
    tags=["assessments", "factors", "codes"],
)
def factor_code_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment with the same factor code recorded twice or more; every copy is shown.

    Keep one record of each factor identified at the assessment and remove the repeats.
    """
    # DfE: if an assessment has more than one AssessmentFactors, none of the values may appear
    # more than once. Codes are compared exactly as written; a blank is no code and no repeat.
    factor = pl.col(FACTOR)
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): each row counts in its own group,
    # so the count is never below 1 and "not 1" is "more than 1".
    repeated = pl.len().over(*ASSESSMENT, FACTOR) > 1
    return ctx.table("AssessmentFactorsList").filter(factor.is_not_null() & repeated)


_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"]

CASES = [
    Case(
        "a code repeated on one assessment is flagged, every copy",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "1A"],
                ["A", "1", "1", "2B"],
                ["A", "1", "1", "1a"],
                ["A", "1", "2", "21"],
                ["A", "1", "2", "21"],
                ["A", "1", "2", "21"],
                ["B", "1", "1", ""],
                ["B", "1", "1", ""],
                ["B", "1", "1", "XYZ"],
                ["B", "1", "1", "XYZ"],
            )
        },
        flagged={"AssessmentFactorsList": [3, 4, 5, 8, 9]},
    ),
    Case(
        "the same code on different assessments, episodes or children is not flagged",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "1", "1A"],
                ["A", "1", "2", "1A"],
                ["A", "2", "1", "1A"],
                ["B", "1", "1", "1A"],
            )
        },
        flagged={},
    ),
]
