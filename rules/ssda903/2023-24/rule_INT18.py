"""Rule INT18: date of birth in UASC differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT18",
    message="Internal Check: DOB in UASC is different to DOB in Header.",
    tables=["UASC", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def uasc_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth in the UASC record differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    return birth_date_differs_from_header(ctx, "UASC")


CASES = birth_date_cases("UASC")
