"""Rule 503D: the placement type in the first episode differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503D",
    message=(
        "The placement type in the first episode does not match open episode at end of last year"
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["PLACE"],
    tags=["placements", "previous year"],
)
def first_episode_placement_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's placement type this year differs from last year's open episode.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    placement type (PLACE) match last year's open episode, unless last year's was wrong or DfE has
    since replaced that code (such as semi-independent living H5 by supported accommodation K3).
    """
    # An episode open at 31 March continues into the next return unchanged, unless DfE retired its
    # placement type. The accepted recodings are the year's PLACE_RECODED_SINCE_LAST_YEAR pairs
    # ("last>this"): H5 (semi-independent living) to K3 (supported accommodation) in 2024-25, when
    # K3 arrived, and in 2025-26, when H5 left the code list; Z1 to Z11-Z14 in 2025-26, when Z1 was
    # split. NOTE: the peer applies H5 to K3 in its collection years "2024" and "2025" and Z1 in
    # "2026"; its collectionYear is the year the collection ends, so those are 2023-24, 2024-25 and
    # 2025-26. We do not follow "2024" (2023-24 has no K3). We add 2025-26 for H5: the DfE coding
    # quoted in the peer's 2025-26 rule still carries the H5 to K3 exception, and an H5 episode open
    # at 31 March 2025 cannot keep its code. No 2025-26 return can hold H5 or Z1, so 2026-27 accepts
    # no recoding. The catalogue lists only Episodes (the peer reads last year's episodes in a
    # shared function); Episodes_last is declared because it is read. A blank on one side only is a
    # difference.
    pairs = carried_over(ctx, ["PLACE"])
    recoding = pl.concat_str(pl.col("last_PLACE"), pl.lit(">"), pl.col("PLACE"))
    accepted = recoding.is_in(ctx.codes("PLACE_RECODED_SINCE_LAST_YEAR")).fill_null(False)
    return pairs.filter(pl.col("PLACE").ne_missing(pl.col("last_PLACE")) & ~accepted)


CASES = [
    Case(
        "a placement unlike last year's open episode is flagged, a blank on one side too",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "01/01/2023", "01/02/2023", "U3"],
                ["1", "01/02/2023", "", "U1"],
                ["2", "10/03/2023", "", "U1"],
                ["3", "10/03/2023", "", "U1"],
                ["4", "10/03/2023", "", ""],
                ["5", "10/03/2023", "", ""],
                ["6", "10/03/2023", "20/03/2023", "U1"],
                ["7", "10/03/2023", "", "U1"],
                ["7", "20/03/2023", "25/03/2023", "U3"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "01/05/2023", "", "U3"],
                ["1", "01/02/2023", "01/05/2023", "u1"],
                ["2", "10/03/2023", "", "U3"],
                ["3", "10/03/2023", "", ""],
                ["4", "10/03/2023", "", "U1"],
                ["5", "10/03/2023", "", ""],
                ["6", "01/05/2023", "", "K2"],
                ["7", "01/05/2023", "", "K2"],
                ["8", "01/05/2023", "", "K2"],
            ),
        },
        flagged={"Episodes": [1, 2, 3, 4]},
    ),
    Case(
        "H5 may become K3 in 2024-25, but not the other way round",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2024", "", "H5"],
                ["2", "10/03/2024", "", "H5"],
                ["3", "10/03/2024", "", "K3"],
                ["4", "10/03/2024", "", "Z1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2024", "", "K3"],
                ["2", "10/03/2024", "", "K2"],
                ["3", "10/03/2024", "", "H5"],
                ["4", "10/03/2024", "", "Z1"],
            ),
        },
        flagged={"Episodes": [1, 2]},
        years=("2024-25",),
    ),
    Case(
        "in 2025-26 H5 may become K3 and Z1 one of Z11 to Z14",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2025", "", "H5"],
                ["2", "10/03/2025", "", "Z1"],
                ["3", "10/03/2025", "", "Z1"],
                ["4", "10/03/2025", "", "Z1"],
                ["5", "10/03/2025", "", "H5"],
                ["6", "10/03/2025", "", "Z1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2025", "", "K3"],
                ["2", "10/03/2025", "", "Z11"],
                ["3", "10/03/2025", "", "z14"],
                ["4", "10/03/2025", "", "K3"],
                ["5", "10/03/2025", "", "Z12"],
                ["6", "10/03/2025", "", ""],
            ),
        },
        flagged={"Episodes": [2, 3, 4, 5]},
        years=("2025-26",),
    ),
    Case(
        "no recoding is accepted in 2023-24 or 2026-27",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2023", "", "H5"],
                ["2", "10/03/2023", "", "Z1"],
                ["3", "10/03/2023", "", "K2"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "10/03/2023", "", "K3"],
                ["2", "10/03/2023", "", "Z11"],
                ["3", "10/03/2023", "", "K2"],
            ),
        },
        flagged={"Episodes": [0, 1]},
        years=("2023-24", "2026-27"),
    ),
]
