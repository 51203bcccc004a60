"""Rule 146: placement type is not in the year's code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="146",
    message="Placement type code is not a valid code.",
    tables=["Episodes"],
    fields=["PLACE"],
    tags=["codes", "episodes"],
)
def placement_type_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The episode's placement type (PLACE) is not in the year's code list.

    Record the placement type with a code from the list for the year of the return; codes change
    between years.
    """
    # The list changes by year and comes from the schema: K3 (supported accommodation) is added in
    # 2024-25; H5, P2 and Z1 go in 2025-26, when Z1 is split into Z11 to Z14. A blank PLACE is not
    # flagged by this rule.
    # NOTE: the peer's 2024-25 list has K3 in lower case and flags every K3; DfE added K3.
    return ctx.table("Episodes").filter(not_in_codes("PLACE", ctx.codes("PLACE")))


CASES = [
    Case(
        "codes valid in every year pass; unknown codes are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2020", "U1"],
                ["2", "01/05/2020", "t0"],
                ["3", "01/05/2020", "XX"],
                ["4", "01/05/2020", "U7"],
                ["5", "01/05/2020", ""],
            )
        },
        flagged={"Episodes": [1, 2, 3]},
    ),
    Case(
        "K3 is not a placement type before 2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2020", "K3"],
                ["2", "01/05/2020", "Z1"],
            )
        },
        flagged={"Episodes": [0]},
        years=("2023-24",),
    ),
    Case(
        "K3 is a placement type in 2024-25, alongside H5, P2 and Z1",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2020", "K3"],
                ["2", "01/05/2020", "H5"],
                ["3", "01/05/2020", "P2"],
                ["4", "01/05/2020", "Z1"],
                ["5", "01/05/2020", "Z11"],
            )
        },
        flagged={"Episodes": [4]},
        years=("2024-25",),
    ),
    Case(
        "H5, P2 and Z1 are not placement types from 2025-26, Z11 to Z14 are",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2020", "H5"],
                ["2", "01/05/2020", "P2"],
                ["3", "01/05/2020", "Z1"],
                ["4", "01/05/2020", "Z11"],
                ["5", "01/05/2020", "Z14"],
                ["6", "01/05/2020", "K3"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        years=("2025-26", "2026-27"),
    ),
]
