"""Rule 436: RNE U or B (placement and legal status change) does not match the episode data."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.placements import (
    PLACEMENT_DETAILS,
    placement_unchanged,
)
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="436",
    message=(
        "Reason for new episode is that both child’s placement and legal status have changed, "
        "but this is not reflected in the episode data."
    ),
    tables=["Episodes"],
    fields=["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    tags=["episodes"],
)
def placement_and_status_change_not_shown(ctx: RuleContext) -> pl.LazyFrame:
    """An episode says placement and legal status both changed (U or B), but its details disagree.

    Compared with the previous episode, the legal status (LS) should differ and so should the
    placement type, postcode, URN or provider: correct the reason for new episode or the details.
    """
    # U and B mean both the legal status and the placement changed. Episodes are taken in DECOM
    # order; the child's first episode is not checked. Blanks count as equal to each other, and
    # postcodes are compared without spaces and case.
    ordered = with_neighbours(ctx.table("Episodes"), ["LS", "_row", *PLACEMENT_DETAILS])
    both = pl.col("RNE").is_in(ctx.codes("RNE_PLACEMENT_AND_LEGAL_STATUS"))
    has_previous = pl.col("prev__row").is_not_null()
    same_status = pl.col("LS").eq_missing(pl.col("prev_LS"))
    flagged = ordered.filter(both & has_previous & (same_status | placement_unchanged()))
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "a U or B episode with a new LS and a changed placement is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["1", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["1", "01/06/2024", "U", "C2", "U1", "EF3 4GH", "SC1", "PR1"],
                ["5", "01/05/2024", "S", "C1", "U1", "", "SC1", "PR1"],
                ["5", "01/06/2024", "B", "C2", "U1", "", "SC1", "PR2"],
                ["6", "01/06/2024", "U", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
                ["8", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["8", "01/06/2024", "L", "C2", "U1", "AB1 2CD", "SC1", "PR1"],
            )
        },
    ),
    Case(
        "a U or B episode with the same LS as the one before in DECOM order is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["2", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["2", "01/06/2024", "B", "C1", "U2", "EF3 4GH", "SC2", "PR1"],
                ["4", "01/05/2024", "S", "", "U1", "", "", ""],
                ["4", "01/06/2024", "B", "", "U2", "", "", ""],
                ["7", "01/06/2024", "U", "C1", "U2", "EF3 4GH", "SC2", "PR1"],
                ["7", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
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
        "a U or B episode with the same placement is flagged, whether or not LS changed",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
                ["3", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["3", "01/06/2024", "U", "C2", "U1", "ab1 2cd", "SC1", "PR1"],
                ["9", "01/05/2024", "S", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
                ["9", "01/06/2024", "B", "C1", "U1", "AB1 2CD", "SC1", "PR1"],
            )
        },
        flagged={"Episodes": [1, 3]},
    ),
]
