"""Rule 178: placement provider is not a code, or is given for a placement with no provider."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="178",
    message="Placement provider code is not a valid code.",
    tables=["Episodes"],
    fields=["PLACE_PROVIDER"],
    tags=["codes", "episodes"],
)
def placement_provider_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The placement provider is not a DfE code, or is given for a placement that has no provider.

    Record the provider as one of PR0 to PR5; leave it blank for temporary and 'other' placements
    (such as T0 to T3), which have no provider.
    """
    # NOTE: DfE's coding: "If provided <PLACE_PROVIDER> must be a valid value and should not be
    # provided if <PL>" is a temporary or 'other' placement. That list is the schema group
    # PLACE_NO_PROVIDER: T0 to T4 and Z1 until 2024-25; from 2025-26 T0 to T3 and Z11 to Z14 (T4
    # gains a provider). A blank provider is not flagged by this rule.
    given = pl.col("PLACE_PROVIDER").is_not_null()
    no_provider = pl.col("PLACE").is_in(ctx.codes("PLACE_NO_PROVIDER"))
    return ctx.table("Episodes").filter(
        not_in_codes("PLACE_PROVIDER", ctx.codes("PLACE_PROVIDER")) | (given & no_provider)
    )


CASES = [
    Case(
        "unknown provider codes, and any provider for a T0 placement, are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "PLACE_PROVIDER"],
                ["1", "01/05/2023", "U1", "PR1"],
                ["2", "01/05/2023", "U1", "pr0"],
                ["3", "01/05/2023", "U1", "PR6"],
                ["4", "01/05/2023", "U1", ""],
                ["5", "01/05/2023", "T0", ""],
                ["6", "01/05/2023", "T0", "PR1"],
                ["7", "01/05/2023", "", "PR9"],
            )
        },
        flagged={"Episodes": [1, 2, 5, 6]},
    ),
    Case(
        "until 2024-25 T4 and Z1 placements have no provider",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "PLACE_PROVIDER"],
                ["1", "01/05/2023", "T4", "PR1"],
                ["2", "01/05/2023", "Z1", "PR2"],
                ["3", "01/05/2023", "T4", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
        years=("2023-24", "2024-25"),
    ),
    Case(
        "from 2025-26 Z11 to Z14 have no provider, and T4 may have one",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "PLACE_PROVIDER"],
                ["1", "01/05/2025", "Z11", "PR1"],
                ["2", "01/05/2025", "Z14", "PR4"],
                ["3", "01/05/2025", "T4", "PR1"],
                ["4", "01/05/2025", "T3", "PR1"],
                ["5", "01/05/2025", "Z12", ""],
            )
        },
        flagged={"Episodes": [0, 1, 3]},
        years=("2025-26", "2026-27"),
    ),
]
