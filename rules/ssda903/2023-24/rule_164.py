"""Rule 164: the distance from home to placement is out of range."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    uasc_children,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="164",
    message="Distance is not valid. Please check a valid postcode has been entered.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_distance_out_of_range(ctx: RuleContext) -> pl.LazyFrame:
    """The distance from home to placement is not between 0.0 and 999.9 miles.

    Children who are or were unaccompanied asylum-seeking children are not checked. Check the
    home and placement postcodes.
    """
    # DfE: PL_DISTANCE must be 0.0 to 999.9; children UASC this year or last are left out.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    distance = pl.col("PL_DISTANCE")
    checked = episodes.join(uasc_children(ctx), on="CHILD", how="anti")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor, NumberReplacer): a distance is a square
    # root, never below 0 (nor -1), so the two tests are never both true; DfE's lower bound is kept.
    return checked.filter((distance < 0) | (distance > 999.9))


CASES = [
    Case(
        "a placement 1000.0 miles from home is flagged; 999.9 and 0.0 miles are not",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["1", "W1A 1AA", "CF10 1AA"],
                ["1", "W1A 1AA", "CF10 1AB"],
                ["2", "W1A 1AA", "W1A 1AA"],
            ),
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
        },
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "children UASC this year or last year are not checked",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["3", "W1A 1AA", "CF10 1AA"],
                ["4", "W1A 1AA", "CF10 1AA"],
            ),
            "Header": table(["CHILD", "UASC"], ["3", "0"], ["4", "0"]),
            "UASC": table(["CHILD", "DUC"], ["3", "01/01/2020"]),
            "UASC_last": table(["CHILD", "DUC"], ["4", "01/01/2019"]),
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a blank home postcode gives no distance and is not flagged",
        tables={
            "Episodes": table(["CHILD", "HOME_POST", "PL_POST"], ["2", "", "CF10 1AA"]),
            "Header": table(["CHILD", "UASC"], ["2", "0"]),
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "off both grid axes, 1000.0 miles is flagged and 999.94 miles (999.9) is not",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["1", "B1 1AA", "B2 2AB"],
                ["2", "B1 1AA", "B3 3AC"],
            ),
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
        },
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        # Grid references in metres (1609.3 to the mile): home 100 miles east and 100 north of
        # the origin, placements 600 east and 800 north of home (1000.0 miles), or 0.99994 of that.
        reference={
            "postcodes": table(
                ["pcd", "laua", "oseast1m", "osnrth1m"],
                ["B1 1AA", "E08000025", "160930", "160930"],
                ["B2 2AB", "E08000025", "1126510", "1448370"],
                ["B3 3AC", "E08000025", "1126452.0652", "1448292.7536"],
            )
        },
    ),
]
