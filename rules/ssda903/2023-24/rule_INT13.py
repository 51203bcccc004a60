"""Rule INT13: date of birth in Missing differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT13",
    message="Internal Check: DOB in Missing is different to DOB in Header.",
    tables=["Missing", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def missing_episode_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth on the missing or away record differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    return birth_date_differs_from_header(ctx, "Missing")


CASES = birth_date_cases("Missing")
