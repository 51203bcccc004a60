"""The building blocks SSDA903 figures share: who is looked after on a date, the starts and
endings of the year, and the child's characteristics for breakdowns (figures.md §1.2)."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.episodes import with_periods_of_care
from csc_validate.rulekit.dates import age_on
from csc_validate.summary.figure import Breakdown, FigureContext

# DfE's age bands for children looked after on 31 March and starting; ceasing adds 16, 17, 18+.
AGE_BANDS = ("under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over")
CEASED_AGE_BANDS = ("under 1", "1 to 4", "5 to 9", "10 to 15", "16", "17", "18 and over")
# DfE's placement codes for placed for adoption (A3-A6) and new carers (RNE S, P, B).
ADOPTION_PLACEMENTS = ["A3", "A4", "A5", "A6"]
NEW_CARER = ["S", "P", "B"]
DISTANCE_BANDS = ("20 miles or less", "over 20 miles", "not known")

SEX = Breakdown("sex", "SEX", order=("1", "2", "M", "F", "U"))
ETHNICITY = Breakdown("ethnicity", "ETHNIC")
LEGAL_STATUS = Breakdown("legal status", "LS")
CATEGORY_OF_NEED = Breakdown("category of need", "CIN")
PLACEMENT_TYPE = Breakdown("placement type", "PLACE")
PROVIDER = Breakdown("placement provider", "PLACE_PROVIDER")
UASC = Breakdown("UASC", "UASC_STATUS", order=("UASC", "not UASC"))
AGE = Breakdown("age", "AGE_BAND", order=AGE_BANDS)
LOCALITY = Breakdown("locality", "PL_LOCATION", order=("IN", "OUT"))
# DfE: "Children looked after at 31 March by characteristics" (formerly A1) counts mothers among
# looked-after girls aged 12 and over; MOTHER is recorded for them only (rules 165, 393).
# Counts children; the age is at the figure's date.
MOTHERHOOD_BANDS = ("mother", "not a mother", "not recorded", "not a girl aged 12 or over")
MOTHERHOOD = Breakdown("motherhood", "MOTHERHOOD", order=MOTHERHOOD_BANDS)
FEMALE = ["2", "F"]
# DfE: "CLA starting during the year by characteristics" breaks starts down by previous
# permanence (PrevPerm PREV_PERM: P1 adoption, P2 special guardianship, P3 residence or child
# arrangements order, P4 unknown order, Z1 none). Counts children; blank when the child has no
# PrevPerm row.
PREVIOUS_PERMANENCE = Breakdown(
    "previous permanence", "PREV_PERM", order=("P1", "P2", "P3", "P4", "Z1")
)
DISTANCE = Breakdown("distance", "DISTANCE_BAND", order=DISTANCE_BANDS)


def age_band(age: pl.Expr, bands: tuple[str, ...] = AGE_BANDS) -> pl.Expr:
    """DfE's age band of an age in completed years (blank when the age is unknown)."""
    band = (
        pl.when(age < 1)
        .then(pl.lit(bands[0]))
        .when(age <= 4)
        .then(pl.lit(bands[1]))
        .when(age <= 9)
        .then(pl.lit(bands[2]))
        .when(age <= 15)
        .then(pl.lit(bands[3]))
    )
    if bands == CEASED_AGE_BANDS:
        band = (
            band.when(age == 16)
            .then(pl.lit("16"))
            .when(age == 17)
            .then(pl.lit("17"))
            .when(age >= 18)
            .then(pl.lit("18 and over"))
        )
    else:
        band = band.when(age >= 16).then(pl.lit(bands[4]))
    return band.otherwise(None)


def not_short_break(ctx: FigureContext) -> pl.Expr:
    """DfE leaves out care under an agreed series of short-term placements (LS V3, V4)."""
    return ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)


def open_on(day: dt.date) -> pl.Expr:
    """Episode open on `day`: begun by then and not ended (an episode ending that day is not
    open on it, figures.md §1.2). A REC without a DEC has ended; an unreadable DECOM is taken as
    within the return's year, as the rules take it."""
    started = (pl.col("DECOM") <= day).fill_null(True)
    ended = (pl.col("DEC") <= day).fill_null(False) | (
        pl.col("DEC").is_null() & pl.col("REC").is_not_null()
    )
    return started & ~ended


def overlaps_period(ctx: FigureContext) -> pl.Expr:
    """Episode open at some time from the period's start to its end."""
    return (pl.col("DECOM") <= ctx.end).fill_null(True) & (pl.col("DEC") >= ctx.start).fill_null(
        True
    )


def episodes_with_history(ctx: FigureContext) -> pl.DataFrame:
    """This year's episodes, plus last year's that this year's return does not repeat (for
    figures that need the start of a period of care or placement, figures.md §1.2)."""
    return ctx.once("episodes_with_history", lambda: _episodes_with_history(ctx))


def _episodes_with_history(ctx: FigureContext) -> pl.DataFrame:
    episodes = ctx.table("Episodes").with_columns(_this_year=pl.lit(True))
    earlier = ctx.earlier("Episodes")
    if earlier is None:
        return episodes
    older = earlier.join(episodes.select("CHILD", "DECOM"), on=["CHILD", "DECOM"], how="anti")
    # Rows of last year's return are numbered after this year's, so sorting by _row keeps order.
    offset = (episodes["_row"].max() or 0) + 1
    older = older.with_columns(_row=pl.col("_row") + offset, _this_year=pl.lit(False))
    return pl.concat([episodes, older], how="diagonal_relaxed")


def periods_of_care(ctx: FigureContext) -> pl.DataFrame:
    """Episodes with history, numbered into periods of care (rulekit's with_periods_of_care)."""
    return ctx.once(
        "periods_of_care",
        lambda: with_periods_of_care(episodes_with_history(ctx).lazy()).collect(),
    )


def first_need(ctx: FigureContext) -> pl.DataFrame:
    """_row and FIRST_CIN: the CIN of the earliest episode of the row's period of care held.
    DfE's category of need is the one "at the time the child started to be looked after"."""
    return ctx.once("first_need", lambda: _first_need(ctx))


def _first_need(ctx: FigureContext) -> pl.DataFrame:
    return (
        periods_of_care(ctx)
        .sort("CHILD", "DECOM", "_row", nulls_last=True)
        .group_by("CHILD", "period", maintain_order=True)
        .agg(pl.col("_row"), FIRST_CIN=pl.col("CIN").first())
        .explode("_row")
        .select("_row", "FIRST_CIN")
    )


def characteristics(ctx: FigureContext, on: dt.date | str) -> pl.DataFrame:
    """CHILD with SEX, ETHNIC, _DOB and UASC_STATUS on `on` (a date; for a column of dates,
    the period's end)."""
    header = ctx.table("Header").unique("CHILD", keep="first", maintain_order=True)
    day = on if isinstance(on, dt.date) else ctx.end
    has_table = "UASC" + ctx.suffix in ctx.tables
    uasc = ctx.table("UASC") if has_table else pl.DataFrame(schema={"CHILD": pl.String})
    # NOTE: UASC status ends on DUC (rule 304): a child whose status ended by the date is not
    # UASC on it (figures.md 2.7, uncertain). A Header flag without a UASC row (XML) counts.
    current = uasc.filter((pl.col("DUC") > day).fill_null(True)) if has_table else uasc
    flagged = pl.col("CHILD").is_in(current["CHILD"].implode()) | (
        (pl.col("UASC") == "1") & ~pl.col("CHILD").is_in(uasc["CHILD"].implode())
    )
    mother = pl.col("MOTHER") if "MOTHER" in header.columns else pl.lit(None, pl.String)
    return header.select(
        "CHILD",
        "SEX",
        "ETHNIC",
        pl.col("DOB").alias("_DOB"),
        mother.cast(pl.String).alias("_MOTHER"),
        UASC_STATUS=pl.when(flagged.fill_null(False))
        .then(pl.lit("UASC"))
        .otherwise(pl.lit("not UASC")),
    )


def with_characteristics(
    ctx: FigureContext,
    frame: pl.DataFrame,
    age_at: dt.date | str,
    bands: tuple[str, ...] = AGE_BANDS,
) -> pl.DataFrame:
    """`frame` (one row per child) with sex, ethnicity, UASC and AGE_BAND at `age_at` (a date,
    or the name of a date column of `frame`)."""
    joined = frame.join(characteristics(ctx, age_at), on="CHILD", how="left")
    day = pl.lit(age_at, dtype=pl.Date) if isinstance(age_at, dt.date) else pl.col(age_at)
    return joined.with_columns(AGE=age_on(pl.col("_DOB"), day)).with_columns(
        AGE_BAND=age_band(pl.col("AGE"), bands), MOTHERHOOD=motherhood()
    )


def motherhood() -> pl.Expr:
    """A girl aged 12 or over (AGE) is a mother (MOTHER 1) or not (0), or not recorded; an
    unknown sex or age is not taken as a girl aged 12 or over."""
    girl = (pl.col("SEX").cast(pl.String).is_in(FEMALE) & (pl.col("AGE") >= 12)).fill_null(False)
    return (
        pl.when(~girl)
        .then(pl.lit(MOTHERHOOD_BANDS[3]))
        .when(pl.col("_MOTHER") == "1")
        .then(pl.lit(MOTHERHOOD_BANDS[0]))
        .when(pl.col("_MOTHER") == "0")
        .then(pl.lit(MOTHERHOOD_BANDS[1]))
        .otherwise(pl.lit(MOTHERHOOD_BANDS[2]))
    )


def with_previous_permanence(ctx: FigureContext, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` (one row per child) with PREV_PERM from the PrevPerm table, when it was given."""
    if "PrevPerm" + ctx.suffix not in ctx.tables:
        return frame
    permanence = ctx.table("PrevPerm").unique("CHILD", keep="first", maintain_order=True)
    return frame.join(permanence.select("CHILD", "PREV_PERM"), on="CHILD", how="left")


def looked_after_on(ctx: FigureContext, day: dt.date) -> pl.DataFrame:
    """One row per child looked after on `day` (V3/V4 left out): the open episode (the latest
    when a child has two, a data error), with the category of need of the period's start."""
    return ctx.once(f"looked_after_on {day}", lambda: _looked_after_on(ctx, day))


def _looked_after_on(ctx: FigureContext, day: dt.date) -> pl.DataFrame:
    open_episodes = ctx.table("Episodes").filter(open_on(day) & not_short_break(ctx))
    chosen = (
        open_episodes.sort("CHILD", "DECOM", "_row", nulls_last=False)
        .group_by("CHILD", maintain_order=True)
        .last()
    )
    needs = first_need(ctx)
    chosen = chosen.join(needs, on="_row", how="left").with_columns(
        CIN=pl.coalesce("FIRST_CIN", "CIN")
    )
    return with_geography(ctx, chosen)


def with_geography(ctx: FigureContext, episodes: pl.DataFrame) -> pl.DataFrame:
    """Episodes with PL_LOCATION and DISTANCE_BAND when --la was given (DfE: 20 miles; 999.9
    and blank are "not known", figures.md 2.8)."""
    if ctx.geography is None:
        return episodes
    located = episodes.join(ctx.geography, on="_row", how="left")
    distance = pl.col("PL_DISTANCE")
    return located.with_columns(
        DISTANCE_BAND=pl.when(distance.is_null() | (distance >= 999.9))
        .then(pl.lit(DISTANCE_BANDS[2]))
        .when(distance > 20)
        .then(pl.lit(DISTANCE_BANDS[1]))
        .otherwise(pl.lit(DISTANCE_BANDS[0]))
    )
