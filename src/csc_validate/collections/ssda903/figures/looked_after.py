"""Children looked after on 31 March and during the year (figures.md 2.1, 2.2)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts
from csc_validate.summary.figure import Figure, FigureContext, FigureUnavailableError

EPISODE_FIELDS = (
    ("Episodes", "DECOM"),
    ("Episodes", "DEC"),
    ("Episodes", "REC"),
    ("Episodes", "LS"),
)


def on_31_march(ctx: FigureContext) -> pl.DataFrame:
    return ctx.once(
        "on_31_march",
        lambda: cohorts.with_characteristics(ctx, cohorts.looked_after_on(ctx, ctx.end), ctx.end),
    )


def far_from_home(ctx: FigureContext) -> pl.DataFrame:
    located = on_31_march(ctx)
    if "DISTANCE_BAND" not in located.columns:
        raise FigureUnavailableError("needs --la (your council's code) to find the distances")
    return located.filter(pl.col("DISTANCE_BAND") == cohorts.DISTANCE_BANDS[1])


def during_year(ctx: FigureContext) -> pl.DataFrame:
    episodes = ctx.table("Episodes")
    return (
        episodes.filter(cohorts.overlaps_period(ctx) & cohorts.not_short_break(ctx))
        .select("CHILD")
        .unique(maintain_order=True)
    )


FIGURES = (
    # DfE: "children looked after at 31 March", excluding "children looked after under a series
    # of short-term placements" (V3, V4). National time series (formerly H1) and "Children looked
    # after at 31 March by characteristics" (formerly A1/A2). Counts children.
    Figure(
        id="looked_after_on_31_march",
        label="Children looked after on 31 March",
        counts="children",
        definition="Children looked after by the council on 31 March, leaving out children "
        "looked after under an agreed series of short-term placements (legal status V3 or V4).",
        dfe_table="Children looked after at 31 March (national time series, formerly H1) and "
        "by characteristics (formerly A1/A2)",
        uses=(
            *EPISODE_FIELDS,
            ("Episodes", "PLACE"),
            ("Episodes", "PLACE_PROVIDER"),
            ("Episodes", "CIN"),
            ("Header", "DOB"),
            ("Header", "SEX"),
            ("Header", "ETHNIC"),
            ("Header", "MOTHER"),
        ),
        population=on_31_march,
        breakdowns=(
            cohorts.LEGAL_STATUS,
            cohorts.PLACEMENT_TYPE,
            cohorts.PROVIDER,
            cohorts.LOCALITY,
            cohorts.DISTANCE,
            cohorts.AGE,
            cohorts.SEX,
            cohorts.ETHNICITY,
            cohorts.CATEGORY_OF_NEED,
            cohorts.UASC,
            cohorts.MOTHERHOOD,
        ),
        note="Locality and distance need --la. Category of need is the one when the period "
        "of care began (the earliest episode of the period the returns hold).",
    ),
    # DfE: "children looked after during the year" (LA file "CLA who were missing or away from
    # placement without authorisation"). Counts children; V3/V4-only children left out.
    Figure(
        id="looked_after_during_year",
        label="Children looked after during the year",
        counts="children",
        definition="Children looked after at any time in the year, leaving out children only "
        "looked after under an agreed series of short-term placements.",
        dfe_table="CLA who were missing or away from placement without authorisation, by "
        "local authority (children looked after during the year)",
        uses=EPISODE_FIELDS,
        population=during_year,
    ),
    # DfE: "Children looked after at 31 March who were unaccompanied asylum-seeking children"
    # (national time series, formerly H1). Children. NOTE: status ends on DUC (uncertain).
    Figure(
        id="uasc_on_31_march",
        label="Unaccompanied asylum-seeking children looked after on 31 March",
        counts="children",
        definition="Children looked after on 31 March who were unaccompanied asylum-seeking "
        "children; a child whose UASC status ended (DUC) by then is not counted.",
        dfe_table="Children looked after at 31 March (national time series, formerly H1)",
        uses=(*EPISODE_FIELDS, ("UASC", "DUC")),
        population=lambda ctx: on_31_march(ctx).filter(pl.col("UASC_STATUS") == "UASC"),
        share_of="looked_after_on_31_march",
    ),
    # DfE: placements inside or outside the council's boundary and "more than 20 miles" from
    # home (CLA during the year - characteristics - by local authority). Children on 31 March.
    Figure(
        id="placed_more_than_20_miles",
        label="Looked after on 31 March, placed more than 20 miles from home",
        counts="children",
        definition="Children looked after on 31 March whose placement was more than 20 miles "
        "from their home (straight line between the postcodes, as DfE derives PL_DISTANCE).",
        dfe_table="CLA during the year - characteristics - by local authority (placement location)",
        uses=(*EPISODE_FIELDS, ("Episodes", "HOME_POST"), ("Episodes", "PL_POST")),
        population=far_from_home,
        breakdowns=(cohorts.LOCALITY,),
        share_of="looked_after_on_31_march",
        note="A distance of 999.9 or blank is not known, and not counted here.",
    ),
)
