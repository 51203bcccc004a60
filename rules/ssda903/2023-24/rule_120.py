"""Rule 120: reason the adoption decision was reversed is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="120",
    message=(
        "The reason for the reversal of the decision that the child should be placed for "
        "adoption code is not valid."
    ),
    tables=["PlacedAdoption"],
    fields=["REASON_PLACED_CEASED"],
    tags=["codes", "adoption"],
)
def reversal_reason_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The reason an adoption decision was reversed (REASON_PLACED_CEASED) is not a DfE code.

    Choose the reason from DfE's list (RD1 to RD4), or leave it blank if the decision still stands.
    """
    # The reason is blank while the decision stands; rule 119 pairs it with its date.
    codes = ctx.codes("REASON_PLACED_CEASED")
    return ctx.table("PlacedAdoption").filter(not_in_codes("REASON_PLACED_CEASED", codes))


CASES = [
    Case(
        "a reason outside RD1 to RD4 is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "REASON_PLACED_CEASED"],
                ["3", "01/05/2020", "RD5"],
                ["5", "01/05/2020", "RD0"],
            )
        },
        flagged={"PlacedAdoption": [0, 1]},
    ),
    Case(
        "DfE's reasons and a blank are not flagged; lower case is not DfE's code",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "REASON_PLACED_CEASED"],
                ["1", "01/05/2020", "RD1"],
                ["2", "01/05/2020", "rd4"],
                ["4", "01/05/2020", ""],
            )
        },
        flagged={"PlacedAdoption": [1]},
    ),
]
