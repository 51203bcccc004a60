"""Rule 8898: an assessment has the same factor code more than once."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT, with_each_other
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
    # Each copy names the other copies of the code in the assessment. A CSV factor row with a
    # blank episode or assessment ID is tied to no assessment (ASSESSMENT's keys), so to no
    # other row; a blank code matches nothing either.
    factors = ctx.table("AssessmentFactorsList").filter(pl.col(FACTOR).is_not_null())
    return with_each_other(factors, [*ASSESSMENT, FACTOR])


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
        # Each copy names the other copies on its assessment.
        related=(
            ("AssessmentFactorsList", 3, "AssessmentFactorsList", 4),
            ("AssessmentFactorsList", 3, "AssessmentFactorsList", 5),
            ("AssessmentFactorsList", 4, "AssessmentFactorsList", 3),
            ("AssessmentFactorsList", 4, "AssessmentFactorsList", 5),
            ("AssessmentFactorsList", 5, "AssessmentFactorsList", 3),
            ("AssessmentFactorsList", 5, "AssessmentFactorsList", 4),
            ("AssessmentFactorsList", 8, "AssessmentFactorsList", 9),
            ("AssessmentFactorsList", 9, "AssessmentFactorsList", 8),
        ),
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
    Case(
        "in a CSV extract a code repeated with a blank episode or assessment ID is no repeat",
        tables={
            "AssessmentFactorsList": table(
                _COLUMNS,
                ["A", "1", "", "1A"],
                ["A", "1", "", "1A"],
                ["B", "1", "", "1A"],
                ["B", "1", "1", "1A"],
                ["C", "", "1", "1A"],
                ["C", "", "1", "1A"],
                ["D", "1", "1", "1A"],
                ["D", "1", "1", "1A"],
            )
        },
        flagged={"AssessmentFactorsList": [6, 7]},
        related=(
            ("AssessmentFactorsList", 6, "AssessmentFactorsList", 7),
            ("AssessmentFactorsList", 7, "AssessmentFactorsList", 6),
        ),
    ),
]
