"""Rule 222: an Ofsted URN is given for a placement type that has none."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="222",
    message="Ofsted Unique reference number (URN) should not be recorded for this placement type.",
    tables=["Episodes"],
    fields=["URN"],
    tags=["codes", "placements"],
)
def urn_given_for_placement_without_urn(ctx: RuleContext) -> pl.LazyFrame:
    """An Ofsted URN is given for a placement type that Ofsted does not register.

    Placements with parents, in residential employment, NHS or health settings, youth custody,
    temporary or 'other' placements have no URN: leave it blank or use XXXXXXX.
    """
    # The placement types come from the year's PLACE_NO_URN group: DfE dropped P2 in 2024-25 and
    # replaced Z1 with Z11-Z14 in 2025-26. The placeholder XXXXXXX is allowed.
    urn = pl.col("URN")
    no_urn_placement = pl.col("PLACE").is_in(ctx.codes("PLACE_NO_URN"))
    real_urn = urn.is_not_null() & ~urn.is_in(ctx.codes("URN_PLACEHOLDER"))
    return ctx.table("Episodes").filter(no_urn_placement & real_urn)


CASES = [
    Case(
        "a URN on a placement with parents or a temporary placement is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "URN"],
                ["1", "P1", "SC123456"],
                ["2", "T0", "1234567"],
                ["3", "P1", "XXXXXXX"],
                ["4", "R5", ""],
                ["5", "K2", "SC123456"],
                ["6", "", "SC123456"],
                ["7", "R1", "xxxxxxx"],
            )
        },
        flagged={"Episodes": [0, 1, 6]},
    ),
    Case(
        "in 2023-24 independent living (P2) and other (Z1) take no URN",
        years=("2023-24",),
        tables={
            "Episodes": table(["CHILD", "PLACE", "URN"], ["1", "P2", "SC1"], ["2", "Z1", "SC1"])
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "from 2024-25 P2 is no longer in the list",
        years=("2024-25",),
        tables={
            "Episodes": table(["CHILD", "PLACE", "URN"], ["1", "P2", "SC1"], ["2", "Z1", "SC1"])
        },
        flagged={"Episodes": [1]},
    ),
    Case(
        "from 2025-26 Z11-Z14 replace Z1",
        years=("2025-26", "2026-27"),
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "URN"],
                ["1", "Z11", "SC1"],
                ["2", "Z14", "SC1"],
                ["3", "U1", "SC1"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
]
