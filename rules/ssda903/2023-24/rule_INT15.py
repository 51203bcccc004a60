"""Rule INT15: date of birth in OC3 differs from Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import birth_date_differs_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


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


CASES = [
    Case(
        "a different, blank or unmatched date of birth is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2012"],
                ["2", "01/05/2012"],
                ["3", "01/05/2012"],
                ["4", ""],
                ["5", "31/02/2012"],
            ),
            "OC3": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2012"],
                ["2", "02/05/2012"],
                ["3", ""],
                ["4", ""],
                ["5", "31/02/2012"],
                ["6", "01/01/2000"],
                ["1", "30/04/2012"],
            ),
        },
        flagged={"OC3": [1, 2, 6]},
    ),
    Case(
        "a year off, a blank Header date, typos and other shapes differ; a leap day matches",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2012"],
                ["2", ""],
                ["3", "31/02/2012"],
                ["4", "31/02/2012"],
                ["5", "01/05/2012"],
                ["6", "01/05/2012"],
                ["7", "29/02/2012"],
            ),
            "OC3": table(
                ["CHILD", "DOB"],
                ["1", "01/05/2011"],
                ["2", "01/05/2012"],
                ["3", "01/05/2012"],
                ["4", "30/02/2012"],
                ["5", "2012-05-01"],
                ["6", "31/02/2012"],
                ["7", "29/02/2012"],
                ["6", "01/05/2012"],
            ),
        },
        flagged={"OC3": [0, 1, 2, 3, 4, 5]},
    ),
]
