"""Adoption timeliness: days from entering care to moving in with the adoptive family and to
the adoption order, for children adopted in the year, and DfE's three-year average
(figures.md 2.14)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts, movement
from csc_validate.periods import parse_year, previous_year
from csc_validate.summary.figure import Breakdown, Figure, FigureContext
from csc_validate.tables import PREVIOUS_SUFFIX, LoadedTable, Tables

# DfE's scorecard averages over the three years ending 31 March.
SCORECARD_YEARS = 3
YEAR_ADOPTED = Breakdown("year adopted", "YEAR")

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


def _year_frames(ctx: FigureContext, back: int) -> dict[str, pl.DataFrame] | None:
    """The typed tables of the return `back` years before this context's year (0: this
    context's own), or None when that year's return was not given."""
    back += 1 if ctx.suffix else 0
    if back < 2:
        suffix = "" if back == 0 else PREVIOUS_SUFFIX
        names = [name for name in ctx.tables.tables if name.endswith(suffix)]
        if back == 0:
            names = [name for name in names if not name.endswith(PREVIOUS_SUFFIX)]
        frames = {name.removesuffix(suffix): ctx.tables.typed(name) for name in names}
    else:
        earlier = [year for year in ctx.tables.earlier if year.year == _years_before(ctx, back)]
        frames = dict(earlier[0].tables) if earlier else {}
    return frames if "Episodes" in frames else None


def _years_before(ctx: FigureContext, back: int) -> str:
    year = ctx.tables.year
    for _ in range(back):
        year = previous_year(year)
    return year


def _view(ctx: FigureContext, back: int) -> FigureContext | None:
    """A context over the return `back` years before this context's year, with the year
    before it as its last year's (for the start of long periods of care)."""
    if back == 0:
        return ctx
    frames = _year_frames(ctx, back)
    if frames is None:
        return None
    before = _year_frames(ctx, back + 1) or {}
    loaded = {
        name + suffix: LoadedTable(name + suffix, frame, frame, "", "")
        for suffix, year_frames in (("", frames), (PREVIOUS_SUFFIX, before))
        for name, frame in year_frames.items()
    }
    year = _years_before(ctx, back + (1 if ctx.suffix else 0))
    period = parse_year(year)
    view = Tables(collection=ctx.tables.collection, year=year, tables=loaded, from_files=True)
    return FigureContext(view, ctx.schema, period.start, period.end)


def three_years(ctx: FigureContext) -> pl.DataFrame:
    """Children adopted in this year and the two before, as far as their returns were given,
    with YEAR (the year adopted) and CARE_TO_PLACEMENT where it is known."""
    frames = []
    for back in range(SCORECARD_YEARS):
        view = _view(ctx, back)
        if view is None:
            break
        frames.append(
            timeliness(view)
            .filter(pl.col("CARE_TO_PLACEMENT").is_not_null())
            .with_columns(YEAR=pl.lit(view.tables.year))
        )
    return pl.concat(frames, how="diagonal_relaxed")


def _fewer_years(ctx: FigureContext) -> str:
    held = [back for back in range(SCORECARD_YEARS) if _view(ctx, back) is not None]
    count = len(held)
    if count == SCORECARD_YEARS:
        return ""
    years = ", ".join(_years_before(ctx, back + (1 if ctx.suffix else 0)) for back in range(count))
    return (
        f"Over {count} year{'s' if count != 1 else ''} only ({years}), not DfE's three: give "
        "the earlier years' returns with --previous."
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
    # DfE scorecard A1 (A10 adjusted for foster carer adoptions): "the average time between a
    # child entering care and moving in with its adoptive family, for children who have been
    # adopted", over the three years ending 31 March (Adoption scorecards). The mean is over
    # every child adopted in the three years, not a mean of the yearly means. Mean days.
    Figure(
        id="adoption_care_to_placement_days_3y",
        label="Adopted in the year and the two before: average days from entering care to "
        "moving in with the adoptive family",
        counts="mean days over children",
        definition="For children adopted in this year and the two before, the average number "
        "of days between entering care and moving in with the adoptive family (DfE's "
        "scorecard A1, with the A10 adjustment for adoptions by foster carers).",
        dfe_table="Adoption scorecard A1 / A10 (three-year average)",
        uses=USES,
        population=three_years,
        mean_of="CARE_TO_PLACEMENT",
        breakdowns=(YEAR_ADOPTED,),
        note="Children whose entry into care is in no return given are left out.",
        context_note=_fewer_years,
    ),
)
