"""Rule INT12: date of birth in PlacedAdoption differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT12",
    message="Internal Check: DOB in PlacedAdoption is different to DOB in Header.",
    tables=["PlacedAdoption", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def placed_for_adoption_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth on the placed-for-adoption record differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    return birth_date_differs_from_header(ctx, "PlacedAdoption")


CASES = birth_date_cases("PlacedAdoption")
