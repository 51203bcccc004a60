"""Rule INT11: date of birth in AD1 differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT11",
    message="Internal Check: DOB in AD1 is different to DOB in Header.",
    tables=["AD1", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def adoption_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth in the adoption details (AD1) differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    return birth_date_differs_from_header(ctx, "AD1")


CASES = birth_date_cases("AD1")
