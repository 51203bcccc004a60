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
    """REASON_PLACED_CEASED, when given, is one of the DfE reversal reasons (RD1 to RD4).

    Why: the reason is blank while the decision stands; rule 119 pairs it with its date.
    """
    codes = ctx.codes("REASON_PLACED_CEASED")
    return ctx.table("PlacedAdoption").filter(not_in_codes("REASON_PLACED_CEASED", codes))


CASES = [
    Case(
        "unknown reasons are flagged; blanks and lower-case codes are not",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "REASON_PLACED_CEASED"],
                ["1", "01/05/2020", "RD1"],
                ["2", "01/05/2020", "rd4"],
                ["3", "01/05/2020", "RD5"],
                ["4", "01/05/2020", ""],
            )
        },
        flagged={"PlacedAdoption": [2]},
    ),
]
