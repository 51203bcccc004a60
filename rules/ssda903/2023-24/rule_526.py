"""Rule 526: an episode needing a placement provider has none."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="526",
    message="Child is missing a placement provider code for at least one episode.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def placement_provider_missing(ctx: RuleContext) -> pl.LazyFrame:
    """An episode has no placement provider (PLACE_PROVIDER), but its placement type needs one.

    Record who provides the placement; only temporary placements (T0 to T4) and other placements
    (Z1, or Z11 to Z14 from 2025-26) need no provider.
    """
    # Temporary placements (T0 to T4) and other placements (Z1, split into Z11 to Z14 from 2025-26)
    # have no provider; the year's list is PLACE_NEEDS_NO_PROVIDER. An episode with a blank PLACE is
    # flagged too: nothing shows it needs no provider.
    exempt = pl.col("PLACE").is_in(ctx.codes("PLACE_NEEDS_NO_PROVIDER")).fill_null(False)
    return ctx.table("Episodes").filter(pl.col("PLACE_PROVIDER").is_null() & ~exempt)


CASES = [
    Case(
        "a blank provider is flagged unless the placement needs none",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "U1", "PR1"],
                ["2", "U1", ""],
                ["3", "K2", ""],
                ["4", "T0", ""],
                ["5", "t4", ""],
                ["6", "", ""],
                ["7", "", "PR4"],
            )
        },
        flagged={"Episodes": [1, 2, 4, 5]},
    ),
    Case(
        "Z1 needs no provider until 2024-25",
        tables={
            "Episodes": table(["CHILD", "PLACE", "PLACE_PROVIDER"], ["1", "Z1", ""]),
        },
        flagged={},
        years=("2023-24", "2024-25"),
    ),
    Case(
        "from 2025-26 Z11 to Z14 need no provider, and Z1 is no longer exempt",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "Z11", ""],
                ["2", "z14", ""],
                ["3", "Z1", ""],
                ["4", "Z12", "PR1"],
            )
        },
        flagged={"Episodes": [1, 2]},
        years=("2025-26", "2026-27"),
    ),
]
