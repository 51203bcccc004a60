"""Rule 557: left care not adopted while a decision to place for adoption is still in force."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="557",
    message=(
        "Child for whom the decision was made that they should be placed for adoption has left"
        " care but was not adopted and information on the decision that they should no longer be"
        " placed for adoption items has not been completed."
    ),
    tables=["Episodes", "PlacedAdoption"],
    fields=["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
    tags=["adoption"],
)
def left_care_unadopted_with_decision_open(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child left care without being adopted, but a decision to place for adoption is still open.

    A child leaving care from an adoption placement or order without being adopted needs every
    decision to place for adoption closed: enter the date the decision ceased and the reason, or
    correct the reason the episode ended.
    """
    # The episode that ends care (REC filled in, not X1, not adoption E11/E12) with an adoption
    # placement (A3-A6) or an adoption order legal status (D1 or E1; E1 only from 2024-25, as the
    # schema's LS_ADOPTION_ORDER says) must have its decisions ceased. The episode is flagged when
    # any decision lacks DATE_PLACED_CEASED or REASON_PLACED_CEASED, or when no decision is on
    # record at all; the incomplete decisions are flagged too.
    decisions = ctx.table_or_empty("PlacedAdoption")
    incomplete = decisions.filter(
        pl.col("DATE_PLACED_CEASED").is_null() | pl.col("REASON_PLACED_CEASED").is_null()
    )
    rec = pl.col("REC")
    left_unadopted = (
        rec.is_not_null()
        & ~rec.is_in(ctx.codes("REC_CARE_CONTINUES"))
        & ~rec.is_in(ctx.codes("REC_ADOPTED"))
    )
    on_adoption_route = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION")).fill_null(
        False
    ) | pl.col("LS").is_in(ctx.codes("LS_ADOPTION_ORDER")).fill_null(False)
    leavers = ctx.table("Episodes").filter(left_unadopted & on_adoption_route)
    no_decision = leavers.join(decisions.select("CHILD").unique(), on="CHILD", how="anti")
    still_open = leavers.join(incomplete.select("CHILD").unique(), on="CHILD", how="semi")
    # The episode and the decisions left open name each other; an episode with no decision at
    # all has nothing to name.
    return {
        "Episodes": pl.concat(
            [no_decision, beside(still_open, incomplete, "PlacedAdoption")], how="diagonal"
        ),
        "PlacedAdoption": beside(
            incomplete.join(leavers.select("CHILD").unique(), on="CHILD", how="semi"),
            leavers,
            "Episodes",
        ),
    }


CASES = [
    Case(
        "leaving care unadopted with a decision not closed is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS", "REC"],
                ["1", "A3", "C2", "E13"],
                ["2", "U1", "E1", "E41"],
                ["3", "A4", "E1", "E11"],
                ["4", "A5", "C2", "X1"],
                ["5", "A6", "C2", "E13"],
                ["6", "U1", "C2", "E13"],
                ["7", "A3", "E1", ""],
                ["8", "", "", "E2"],
                ["9", "A5", "E1", "E13"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "", ""],
                ["2", "01/02/2021", "RD1"],
                ["2", "01/02/2022", ""],
                ["3", "", ""],
                ["4", "", ""],
                ["6", "", ""],
                ["7", "", ""],
                ["8", "", ""],
                ["9", "", ""],
            ),
        },
        flagged={"Episodes": [0, 1, 4, 8], "PlacedAdoption": [0, 2, 8]},
        related=(
            ("Episodes", 0, "PlacedAdoption", 0),
            ("Episodes", 1, "PlacedAdoption", 2),
            ("Episodes", 8, "PlacedAdoption", 8),
            ("PlacedAdoption", 0, "Episodes", 0),
            ("PlacedAdoption", 2, "Episodes", 1),
            ("PlacedAdoption", 8, "Episodes", 8),
        ),
    ),
    Case(
        "decisions closed with date and reason are not flagged",
        tables={
            "Episodes": table(["CHILD", "PLACE", "LS", "REC"], ["1", "A3", "E1", "E13"]),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["1", "01/02/2021", "RD1"],
            ),
        },
        flagged={},
    ),
    Case(
        "a freeing order (D1) counts until 2023-24",
        tables={
            "Episodes": table(["CHILD", "PLACE", "LS", "REC"], ["1", "U1", "D1", "E13"]),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], ["1", "", ""]
            ),
        },
        flagged={"Episodes": [0], "PlacedAdoption": [0]},
        years=("2023-24",),
    ),
    Case(
        "a freeing order (D1) no longer counts from 2024-25",
        tables={
            "Episodes": table(["CHILD", "PLACE", "LS", "REC"], ["1", "U1", "D1", "E13"]),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], ["1", "", ""]
            ),
        },
        flagged={},
        years=("2024-25", "2025-26", "2026-27"),
    ),
]
