"""Adoption timeliness: days from entering care to moving in with the adoptive family and to
the adoption order, for children adopted in the year (figures.md 2.14)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts, movement
from csc_validate.summary.figure import Figure, FigureContext

USES = (
    ("Episodes", "DECOM"),
    ("Episodes", "DEC"),
    ("Episodes", "REC"),
    ("Episodes", "RNE"),
    ("Episodes", "PLACE"),
)


def timeliness(ctx: FigureContext) -> pl.DataFrame:
    """Each child adopted in the year, with CARE_TO_PLACEMENT and CARE_TO_ORDER in days.

    Entering care is the start of the period of care that ended in adoption, known only when
    the returns hold its first episode (RNE S); moving in is the start of the first adoption
    placement (A3-A6), stepping back to the foster placement with the same carers (RNE T, U:
    DfE's A10 adjustment for adoptions by foster carers)."""
    return ctx.once("adoption_timeliness", lambda: _timeliness(ctx))


def _timeliness(ctx: FigureContext) -> pl.DataFrame:
    adopted = movement.adopted(ctx).select("CHILD", pl.col("DEC").alias("ORDER_DATE"))
    periods = (
        cohorts.periods_of_care(ctx)
        .join(adopted, on="CHILD", how="inner")
        .filter(pl.col("period_end") == pl.col("ORDER_DATE"))
    )
    ordered = periods.sort("CHILD", "DECOM", "_row", nulls_last=True).with_columns(
        _carer_start=pl.when(pl.col("RNE").is_in(cohorts.NEW_CARER).fill_null(False))
        .then(pl.col("DECOM"))
        .forward_fill()
        .over("CHILD")
    )
    per_child = ordered.group_by("CHILD").agg(
        ENTERED=pl.col("DECOM").filter(pl.col("RNE") == "S").min(),
        MOVED_IN=pl.col("_carer_start")
        .filter(pl.col("PLACE").is_in(cohorts.ADOPTION_PLACEMENTS))
        .first(),
        ORDER_DATE=pl.col("ORDER_DATE").first(),
    )
    return per_child.with_columns(
        CARE_TO_PLACEMENT=(pl.col("MOVED_IN") - pl.col("ENTERED")).dt.total_days(),
        CARE_TO_ORDER=(pl.col("ORDER_DATE") - pl.col("ENTERED")).dt.total_days(),
    )


def _known(column: str):
    def population(ctx: FigureContext) -> pl.DataFrame:
        return timeliness(ctx).filter(pl.col(column).is_not_null())

    return population


NOTE = (
    "A one-year value (DfE's scorecard averages three years). Children whose entry into care is "
    "in no return given are left out: give last year's return with --previous."
)

FIGURES = (
    # DfE scorecard A1/A10: "average time between a child entering care and moving in with its
    # adoptive family", adjusted for foster carer adoptions. Mean days over children adopted.
    Figure(
        id="adoption_care_to_placement_days",
        label="Adopted in the year: average days from entering care to moving in with the "
        "adoptive family",
        counts="mean days over children",
        definition="For children adopted in the year, the average number of days between "
        "entering care and moving in with the adoptive family; for adoptions by foster carers, "
        "the day the child moved in with them as foster carers (DfE's A10 adjustment).",
        dfe_table="Adoption scorecard A1 / A10",
        uses=USES,
        population=_known("CARE_TO_PLACEMENT"),
        mean_of="CARE_TO_PLACEMENT",
        note=NOTE,
    ),
    # DfE's adoption tables: time from entering care to the adoption order. Mean days.
    Figure(
        id="adoption_care_to_order_days",
        label="Adopted in the year: average days from entering care to the adoption order",
        counts="mean days over children",
        definition="For children adopted in the year, the average number of days between "
        "entering care and the adoption order (the date the adoption episode ceased).",
        dfe_table="Children looked after who were adopted: time between stages of the adoption "
        "process",
        uses=USES,
        population=_known("CARE_TO_ORDER"),
        mean_of="CARE_TO_ORDER",
        note=NOTE,
    ),
)
