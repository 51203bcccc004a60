"""Rule 435: RNE P or T (placement change only) does not match the episode data."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.placements import (
    PLACEMENT_DETAILS,
    placement_unchanged,
)
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="435",
    message=(
        "Reason for new episode is that child’s placement has changed but not the legal status, "
        "but this is not reflected in the episode data recorded."
    ),
    tables=["Episodes"],
    fields=["LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    tags=["episodes"],
)
def placement_change_not_shown(ctx: RuleContext) -> pl.LazyFrame:
    """An episode says only the placement changed (reason P or T), but its details do not show that.

    Compared with the previous episode, the legal status (LS) should stay the same and the placement
    type, postcode, URN or provider differ: correct the reason for new episode or the details.
    """
    # P and T mean only the placement changed. Episodes are taken in DECOM order; the child's first
    # episode is not checked. Blanks count as equal to each other, and postcodes are compared
    # without spaces and case. NOTE: the open-source peer validator treats two blanks as different
    # here but not in 434 and 436; we treat all three alike.
    ordered = with_neighbours(ctx.table("Episodes"), ["LS", "_row", *PLACEMENT_DETAILS])
    placement_only = pl.col("RNE").is_in(ctx.codes("RNE_PLACEMENT_ONLY"))
    has_previous = pl.col("prev__row").is_not_null()
    status_changed = pl.col("LS").ne_missing(pl.col("prev_LS"))
    flagged = ordered.filter(
        placement_only & has_previous & (status_changed | placement_unchanged())
    )
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "a P or T episode with the same LS and a changed placement is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["1", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["1", "01/06/2024", "P", "C2", "U2", "EF3 4GH", "SC2", "PR1"],
                ["5", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "", "PR1"],
                ["5", "01/06/2024", "T", "C2", "U1", "EF3 4GH", "", "PR1"],
                ["7", "01/06/2024", "P", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["9", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["9", "01/06/2024", "L", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
            )
        },
    ),
    Case(
        "a P or T episode with the same placement as the one before in DECOM order is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["2", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["2", "01/06/2024", "T", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["4", "01/05/2024", "S", "C2", "U1", "", "", "PR1"],
                ["4", "01/06/2024", "P", "C2", "U1", "", "", "PR1"],
                ["8", "01/06/2024", "P", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["8", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
            )
        },
        flagged={"Episodes": [1, 3, 4]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 3, "Episodes", 2),
            ("Episodes", 4, "Episodes", 5),
        ),
    ),
    Case(
        "a P or T episode whose LS changed is flagged, whether or not the placement changed",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["3", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["3", "01/06/2024", "P", "C2", "U2", "EF3 4GH", "SC2", "PR1"],
                ["10", "01/05/2024", "S", "C2", "U1", "AB1 2CD", "", "PR1"],
                ["10", "01/06/2024", "T", "C1", "U1", "AB1 2CD", "", "PR1"],
                ["6", "01/05/2024", "S", "", "U1", "AB1 2CD", "SC1", "PR1"],
                ["6", "01/06/2024", "P", "C2", "U2", "AB1 2CD", "SC1", "PR1"],
            )
        },
        flagged={"Episodes": [1, 3, 5]},
    ),
]
