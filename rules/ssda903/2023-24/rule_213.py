"""Rule 213: a placement provider is given for a placement type that takes none."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="213",
    message="Placement provider information not required.",
    tables=["Episodes"],
    fields=["PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def provider_given_for_placement_without_provider(ctx: RuleContext) -> pl.LazyFrame:
    """A placement provider is given for a temporary placement, which takes none.

    Leave the placement provider blank for temporary placements (T0 to T4, and from 2025-26 Z11 to
    Z14), or correct the placement type.
    """
    # The placement types come from the year's PLACE_PROVIDER_NOT_REQUIRED group, which DfE widened
    # in 2025-26. Any provider text, valid code or not, is flagged.
    no_provider = pl.col("PLACE").is_in(ctx.codes("PLACE_PROVIDER_NOT_REQUIRED"))
    return ctx.table("Episodes").filter(no_provider & pl.col("PLACE_PROVIDER").is_not_null())


CASES = [
    Case(
        "a provider on a temporary placement is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "T0", "PR1"],
                ["2", "T4", "XX"],
                ["3", "T1", ""],
                ["4", "U1", "PR1"],
                ["5", "", "PR1"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "from 2025-26 the other placements Z11-Z14 take no provider either",
        years=("2025-26", "2026-27"),
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "Z11", "PR1"],
                ["2", "Z14", ""],
                ["3", "K2", "PR2"],
            )
        },
        flagged={"Episodes": [0]},
    ),
]
