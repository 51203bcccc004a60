"""Rule 392a: no distance from home to placement can be worked out."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    uasc_children,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="392a",
    message="Child is looked after but no distance is recorded.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST", "LS"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_distance_missing(ctx: RuleContext) -> pl.LazyFrame:
    """No distance from home to placement can be worked out.

    The home or placement postcode is blank or unknown. Short breaks (legal status V3 or V4) and
    children who are or were unaccompanied asylum-seeking children are not checked.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    short_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    checked = episodes.join(uasc_children(ctx), on="CHILD", how="anti")
    return checked.filter(~short_break & pl.col("PL_DISTANCE").is_null())


CASES = [
    Case(
        "a blank or unknown postcode is flagged, a blank legal status too, not a short break",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["1", "C2", "W1A 1AA", "SW1A 1AA"],
                ["1", "C2", "", "SW1A 1AA"],
                ["2", "C2", "W1A 1AA", "XX9 9XX"],
                ["2", "V3", "", ""],
                ["2", "", "W1A 1AA", ""],
            ),
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
        },
        flagged={"Episodes": [1, 2, 4]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a child UASC this year or last is not checked",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["3", "C2", "", ""],
                ["4", "C2", "", ""],
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
        "a child UASC in an earlier year's return is not checked; one not UASC there is",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["5", "C2", "", ""],
                ["6", "C2", "", ""],
            ),
            "Header": table(["CHILD", "UASC"], ["5", "0"], ["6", "0"]),
        },
        earlier={
            "2023-24": {
                "Header": table(["CHILD", "UASC"], ["5", "1"], ["6", "0"]),
                "UASC": table(["CHILD", "DUC"], ["5", "01/01/2020"]),
            },
        },
        flagged={"Episodes": [1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
