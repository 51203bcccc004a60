"""Rule 1009: reason for placement change is not a code from the list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="1009",
    message="Reason for placement change is not a valid code.",
    tables=["Episodes"],
    fields=["REASON_PLACE_CHANGE"],
    tags=["codes", "placements"],
)
def placement_change_reason_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The reason for a change of placement is not one of DfE's codes.

    Choose the reason for the placement change from the DfE code list, or leave it blank if the
    placement did not change.
    """
    # Most episodes do not change placement, so a blank is not flagged here; other rules say when a
    # reason is required.
    codes = ctx.codes("REASON_PLACE_CHANGE")
    return ctx.table("Episodes").filter(not_in_codes("REASON_PLACE_CHANGE", codes))


CASES = [
    Case(
        "reasons not in the code list are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "REASON_PLACE_CHANGE"],
                ["4", "CARP"],
                ["5", "OTHERS"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "listed codes and blanks are not flagged; lower case is",
        tables={
            "Episodes": table(
                ["CHILD", "REASON_PLACE_CHANGE"],
                ["1", "CARPL"],
                ["2", "custod"],
                ["3", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
