"""Rule 406: a distance from home to placement for an unaccompanied asylum-seeking child."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    uasc_children,
    with_placement_geography,
)
from csc_validate.collections.ssda903.rulekit.groups import first_of_each
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="406",
    message=(
        "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should "
        "be blank."
    ),
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_distance_for_uasc(ctx: RuleContext) -> pl.LazyFrame:
    """An unaccompanied asylum-seeking child has a distance from home to placement.

    DfE expects no home postcode for children who are or were unaccompanied asylum-seeking
    children, this year or last.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    checked = episodes.join(uasc_children(ctx), on="CHILD", how="semi")
    flagged = checked.filter(pl.col("PL_DISTANCE").is_not_null())
    # This year's and last year's UASC rows, which show the child was UASC, are named beside the
    # episode (at most the first NAMED_AT_MOST of each table); a child known as UASC only from an
    # earlier year's return has none to name.
    uasc_rows = [
        first_of_each(ctx.table(name), "CHILD").select(
            "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit(name).alias(RELATED_TABLE)
        )
        for name in ("UASC", f"UASC{PREVIOUS_SUFFIX}")
        if ctx.has(name)
    ]
    if not uasc_rows:
        return flagged
    return flagged.join(pl.concat(uasc_rows), on="CHILD", how="left")


CASES = [
    Case(
        "an episode with a distance for a child UASC this year or last is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["3", "W1A 1AA", "SW1A 1AA"],
                ["3", "", "SW1A 1AA"],
                ["4", "W1A 1AA", "M1 1AA"],
                ["4", "XX9 9XX", "M1 1AA"],
            ),
            "Header": table(["CHILD", "UASC"], ["3", "0"], ["4", "0"]),
            "UASC": table(["CHILD", "DUC"], ["3", "01/01/2020"]),
            "UASC_last": table(["CHILD", "DUC"], ["4", "01/01/2019"]),
        },
        flagged={"Episodes": [0, 2]},
        related=(("Episodes", 0, "UASC", 0), ("Episodes", 2, "UASC_last", 0)),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a distance for a child who was never UASC is not flagged",
        tables={
            "Episodes": table(["CHILD", "HOME_POST", "PL_POST"], ["1", "W1A 1AA", "SW1A 1AA"]),
            "Header": table(["CHILD", "UASC"], ["1", "0"], ["2", "0"]),
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a child UASC only in an earlier year's return is flagged, with no row to name",
        period="2025-26",
        tables={
            "Episodes": table(["CHILD", "HOME_POST", "PL_POST"], ["5", "W1A 1AA", "SW1A 1AA"]),
            "Header": table(["CHILD", "UASC"], ["5", "0"]),
            "UASC": table(["CHILD", "DUC"], ["6", "01/01/2020"]),
        },
        earlier={
            "2023-24": {
                "Header": table(["CHILD", "UASC"], ["5", "1"]),
                "UASC": table(["CHILD", "DUC"], ["5", "01/01/2020"]),
            },
        },
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
