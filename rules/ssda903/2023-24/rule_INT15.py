"""Rule INT15: date of birth in OC3 differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT15",
    message="Internal Check: DOB in OC3 is different to DOB in Header.",
    tables=["OC3", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def oc3_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth in the care leaver information (OC3) differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    # NOTE: the peer compares only dates it can read; a DOB written another way differs here.
    return birth_date_differs_from_header(ctx, "OC3")


CASES = birth_date_cases("OC3")
