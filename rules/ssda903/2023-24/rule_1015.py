"""Rule 1015: the council's own provision, but the placement is in another LA."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1015",
    message="Placement provider is own provision but child not placed in own LA.",
    tables=["Episodes"],
    fields=["PLACE_PROVIDER", "PLACE", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def own_provision_outside_council(ctx: RuleContext) -> pl.LazyFrame:
    """The council's own provision (PR1) has a placement postcode in another LA.

    Adoption placements, foster placements and short breaks (legal status V3 or V4) are not
    checked.
    """
    # NOTE: a blank or unknown placement postcode is left to rule 169; the peer flags it here
    # as well, which reports one problem twice.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    # A blank placement type or legal status is not one that DfE leaves out, so it is checked.
    checked = (
        (pl.col("PLACE_PROVIDER") == "PR1")
        & ~pl.col("PLACE").is_in(ctx.codes("PLACE_OWN_LA_NOT_CHECKED")).fill_null(False)
        & ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    )
    return episodes.filter(checked & (pl.col("PL_LA") != pl.col("_COUNCIL")))


CASES = [
    Case(
        "own provision outside the council is flagged, except fostering, adoption, short breaks",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "PLACE_PROVIDER", "PL_POST"],
                ["1", "K2", "C2", "PR1", "W1A 1AA"],
                ["2", "K2", "C2", "PR1", "M1 1AA"],
                ["3", "U1", "C2", "PR1", "M1 1AA"],
                ["4", "A3", "C2", "PR1", "M1 1AA"],
                ["5", "K2", "V3", "PR1", "M1 1AA"],
                ["6", "K2", "C2", "PR2", "M1 1AA"],
                ["7", "K2", "C2", "PR1", ""],
                ["8", "K2", "C2", "PR1", "CF10 1AA"],
                ["9", "", "", "PR1", "M1 1AA"],
            )
        },
        flagged={"Episodes": [1, 7, 8]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "other provider codes and an unreadable one are not checked outside the council",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "PLACE_PROVIDER", "PL_POST"],
                ["1", "K2", "C2", "PR0", "M1 1AA"],
                ["2", "K2", "C2", "PR3", "M1 1AA"],
                ["3", "K2", "C2", "PR4", "M1 1AA"],
                ["4", "K2", "C2", "PR5", "M1 1AA"],
                ["5", "K2", "C2", "PR9", "M1 1AA"],
                ["6", "K2", "C2", "", "M1 1AA"],
            )
        },
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "short breaks under either legal status are not checked; other or blank statuses are",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "PLACE_PROVIDER", "PL_POST"],
                ["1", "K2", "V3", "PR1", "M1 1AA"],
                ["2", "K2", "V4", "PR1", "M1 1AA"],
                ["3", "K2", "E1", "PR1", "M1 1AA"],
                ["4", "K2", "", "PR1", "M1 1AA"],
                ["5", "", "C2", "PR1", "M1 1AA"],
            )
        },
        flagged={"Episodes": [2, 3, 4]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "supported accommodation is checked before 2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "PLACE_PROVIDER", "PL_POST"],
                ["1", "K3", "C2", "PR1", "M1 1AA"],
            )
        },
        flagged={"Episodes": [0]},
        years=("2024-25",),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "from 2025-26 supported accommodation is not checked",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "PLACE_PROVIDER", "PL_POST"],
                ["1", "K3", "C2", "PR1", "M1 1AA"],
                ["2", "K2", "C2", "PR1", "M1 1AA"],
            )
        },
        flagged={"Episodes": [1]},
        years=("2025-26", "2026-27"),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
