"""Rule 8869: factor code 21 (no factors identified) is used with other factors."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT, rows_paired
from csc_validate.collections.cin.rulekit.assessments import FACTOR
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8869",
    message=(
        "The assessment factors code “21” cannot be used in conjunction with any other "
        "assessment factors."
    ),
    tables=["AssessmentFactorsList"],
    fields=["AssessmentFactors"],
    tags=["assessments", "factors", "codes"],
)
def no_factors_code_with_other_factors(ctx: RuleContext) -> pl.LazyFrame:
    """Factor code 21 (no factors identified) on an assessment that has other factor codes too.

    An assessment either identified factors or it did not. Remove code 21 if the other factors
    were identified, or remove the other factors if none was.
    """
    # DfE: if AssessmentFactors = "21", it must be the only AssessmentFactors present. The "21"
    # row is shown, since it is the code the rule restricts. Any other filled-in code counts,
    # even one not in the list; a second "21" is a repeat (8898), not another factor.
    # NOTE: the peer shows the other factors instead of the "21", and compares an assessment's
    # whole list of factors with "21", so a "21" among other factors is never flagged there
    # (the CIN differential's only-us rows); DfE's wording decides.
    factor = pl.col(FACTOR)
    no_factors = factor.is_in(ctx.codes("FACTOR_NONE"))
    factors = ctx.table("AssessmentFactorsList")
    # The "21" row names each other factor of its assessment. A CSV factor row with a blank
    # episode or assessment ID is tied to no assessment (ASSESSMENT's keys), so to no other row.
    pairs = (
        factors.filter(no_factors)
        .select(*ASSESSMENT, "_row")
        .join(
            factors.filter(factor.is_not_null() & ~no_factors).select(
                *ASSESSMENT, pl.col("_row").alias("_other_row")
            ),
            on=ASSESSMENT,
        )
    )
    return rows_paired(factors, pairs, ("_row", "_other_row"))


CASES = [
    Case(
        "code 21 beside another factor is flagged, on its own or repeated it is not",
        tables={
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "1", "21"],
                ["A", "1", "1", "1A"],
                ["A", "1", "2", "21"],
                ["A", "2", "1", "21"],
                ["A", "2", "1", "21"],
                ["B", "1", "1", "21"],
                ["B", "1", "1", ""],
                ["C", "1", "1", "xyz"],
                ["C", "1", "1", "21"],
            )
        },
        flagged={"AssessmentFactorsList": [0, 8]},
        # Code 21 names the other factor of its assessment.
        related=(
            ("AssessmentFactorsList", 0, "AssessmentFactorsList", 1),
            ("AssessmentFactorsList", 8, "AssessmentFactorsList", 7),
        ),
    ),
    Case(
        "factors of another assessment, episode or child do not count",
        tables={
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "1", "21"],
                ["A", "1", "2", "1A"],
                ["A", "2", "1", "2A"],
                ["B", "1", "1", "3A"],
                ["B", "2", "2", "21"],
            )
        },
        flagged={},
    ),
    Case(
        "in a CSV extract codes with a blank episode or assessment ID share no assessment",
        tables={
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "", "21"],
                ["A", "1", "", "1A"],
                ["B", "1", "", "21"],
                ["B", "1", "1", "1A"],
                ["C", "", "1", "21"],
                ["C", "", "1", "1A"],
                ["D", "1", "1", "21"],
                ["D", "1", "1", "1A"],
            )
        },
        flagged={"AssessmentFactorsList": [6]},
        related=(("AssessmentFactorsList", 6, "AssessmentFactorsList", 7),),
    ),
]
