"""Rule INT16: date of birth in PrevPerm differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import birth_date_cases
from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="INT16",
    message="Internal Check: DOB in PrevPerm is different to DOB in Header.",
    tables=["PrevPerm", "Header"],
    fields=["DOB"],
    tags=["integrity", "dates"],
)
def previous_permanence_birth_date_differs_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth in the previous permanence details differs from the header.

    Check the child's date of birth (DOB) in both places and correct the one that is wrong.
    """
    return birth_date_differs_from_header(ctx, "PrevPerm")


CASES = birth_date_cases("PrevPerm")
