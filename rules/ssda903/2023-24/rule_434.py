"""Rule 434: RNE L (legal status change only) does not match the episode data."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.placements import (
    PLACEMENT_DETAILS,
    placement_unchanged,
)
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="434",
    message=(
        "Reason for new episode is that child's legal status has changed but not the placement, "
        "but this is not reflected in the episode data."
    ),
    tables=["Episodes"],
    fields=["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    tags=["episodes"],
)
def legal_status_change_not_shown(ctx: RuleContext) -> pl.LazyFrame:
    """An episode says only the legal status changed (reason L), but its details do not show that.

    Compared with the previous episode, the legal status (LS) should differ and the placement type,
    postcode, URN and provider stay the same: correct the reason for new episode or the details.
    """
    # L means only the legal status changed. Episodes are taken in DECOM order; the child's first
    # episode is not checked. Blanks count as equal to each other, and postcodes are compared
    # without spaces and case.
    ordered = with_neighbours(ctx.table("Episodes"), ["LS", "_row", *PLACEMENT_DETAILS])
    legal_only = pl.col("RNE").is_in(ctx.codes("RNE_LEGAL_STATUS_ONLY"))
    has_previous = pl.col("prev__row").is_not_null()
    same_status = pl.col("LS").eq_missing(pl.col("prev_LS"))
    flagged = ordered.filter(legal_only & has_previous & (same_status | ~placement_unchanged()))
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "an L episode with a new LS and the same placement is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["1", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["1", "01/06/2024", "L", "C2", "U1", "ab12cd", "SC1", "PR1"],
                ["4", "01/05/2024", "S", "C1", "U1", "", "", "PR1"],
                ["4", "01/06/2024", "L", "C2", "U1", "", "", "PR1"],
                ["6", "01/06/2024", "L", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["7", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["7", "01/06/2024", "P", "C1", "U2", "AB1 2CD", "SC1", "PR1"],
            )
        },
    ),
    Case(
        "an L episode with the same LS as the episode before it in DECOM order is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["2", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["2", "01/06/2024", "L", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["8", "01/06/2024", "L", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["8", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
            )
        },
        flagged={"Episodes": [1, 2]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 2, "Episodes", 3)),
    ),
    Case(
        "an L episode whose placement changed is flagged, whether or not LS changed too",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["3", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["3", "01/06/2024", "L", "C2", "U1", "AB1 2CD", "SC2", "PR1"],
                ["5", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["5", "01/06/2024", "L", "C2", "U1", "", "SC1", "PR1"],
                ["9", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["9", "01/06/2024", "L", "C1", "U1", "AB1 2CD", "SC1", "PR2"],
            )
        },
        flagged={"Episodes": [1, 3, 5]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 3, "Episodes", 2),
            ("Episodes", 5, "Episodes", 4),
        ),
    ),
]
