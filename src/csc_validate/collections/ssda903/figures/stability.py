"""Placement stability: three or more placements in the year, and long-term stability of
under-16s looked after for 2.5 years or more (figures.md 2.9, 2.10)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts
from csc_validate.summary.figure import Figure, FigureContext

USES = (
    ("Episodes", "DECOM"),
    ("Episodes", "DEC"),
    ("Episodes", "REC"),
    ("Episodes", "RNE"),
    ("Episodes", "LS"),
)


def three_or_more(ctx: FigureContext) -> pl.DataFrame:
    """Children looked after on 31 March with 3+ placements in the year: the first episode of
    the year is a placement, each later one entered with a new carer (RNE S, P, B) another."""
    on_date = cohorts.looked_after_on(ctx, ctx.end).select("CHILD")
    episodes = ctx.table("Episodes").filter(
        cohorts.overlaps_period(ctx) & cohorts.not_short_break(ctx)
    )
    counted = (
        episodes.join(on_date, on="CHILD", how="semi")
        .sort("CHILD", "DECOM", "_row", nulls_last=True)
        .with_columns(
            _new=(pl.int_range(pl.len()).over("CHILD") == 0)
            | pl.col("RNE").is_in(cohorts.NEW_CARER).fill_null(False)
        )
        .group_by("CHILD")
        .agg(PLACEMENTS=pl.col("_new").sum())
    )
    return counted.filter(pl.col("PLACEMENTS") >= 3)


def long_term_cohort(ctx: FigureContext) -> pl.DataFrame:
    """Children under 16 on 31 March, looked after on it, whose period of care began 2.5 years
    (30 months) or more before, with no short-term placement in it; with PLACEMENT_START.

    A period or placement whose start lies before the returns given is taken to have begun
    before the earliest episode held: enough when that episode is old enough, otherwise the
    child is left out (give --previous for more history)."""
    return ctx.once("long_term_cohort", lambda: _long_term_cohort(ctx))


def _long_term_cohort(ctx: FigureContext) -> pl.DataFrame:
    on_date = cohorts.with_characteristics(ctx, cohorts.looked_after_on(ctx, ctx.end), ctx.end)
    under_16 = on_date.filter(pl.col("AGE") < 16).select("CHILD")
    cutoff = pl.lit(ctx.end).dt.offset_by("-30mo")
    current = (
        cohorts.periods_of_care(ctx)
        .join(under_16, on="CHILD", how="semi")
        .filter(pl.col("period") == pl.col("period").max().over("CHILD"))
    )
    new_carer = pl.col("RNE").is_in(cohorts.NEW_CARER).fill_null(False)
    summary = current.group_by("CHILD").agg(
        PERIOD_START=pl.col("DECOM").min(),
        SHORT_BREAK=pl.col("LS").is_in(ctx.codes("LS_RESPITE")).any(),
        PLACEMENT_START=pl.col("DECOM").filter(new_carer).max(),
        FIRST_HELD=pl.col("DECOM").min(),
    )
    return summary.filter(
        (pl.col("PERIOD_START") <= cutoff).fill_null(False) & ~pl.col("SHORT_BREAK")
    ).with_columns(PLACEMENT_START=pl.coalesce("PLACEMENT_START", "FIRST_HELD"))


def same_carer(ctx: FigureContext) -> pl.DataFrame:
    """Of the long-term cohort, those whose current placement (with the same carers: episodes
    entered with RNE L, T or U continue it) began 2 years or more before 31 March."""
    cutoff = pl.lit(ctx.end).dt.offset_by("-24mo")
    return long_term_cohort(ctx).filter(pl.col("PLACEMENT_START") <= cutoff)


FIGURES = (
    # DfE: "CLA on 31 March with three or more placements during the year" (NI 62), "CLA -
    # placement stability - by local authority". Counts children. NOTE: what counts as a
    # placement is inferred (figures.md 2.9): temporary placements are included.
    Figure(
        id="placements_three_or_more",
        label="Looked after on 31 March with 3 or more placements in the year",
        counts="children",
        definition="Children looked after on 31 March who had three or more placements during "
        "the year. A new episode is a new placement when the child moved to new carers (reason "
        "for new episode S, P or B); temporary placements count.",
        dfe_table="CLA - placement stability - by local authority",
        uses=USES,
        population=three_or_more,
        share_of="looked_after_on_31_march",
        note="What counts as a placement is inferred from DfE's codes, not stated by DfE.",
    ),
    # DfE: children "aged under 16 at 31 March who had been looked after continuously for at
    # least 2.5 years", "CLA on 31 March for 2.5 years by placement stability". Children.
    Figure(
        id="looked_after_two_and_a_half_years",
        label="Under 16 on 31 March, looked after for 2.5 years or more",
        counts="children",
        definition="Children aged under 16 on 31 March who had been looked after continuously "
        "for at least 2.5 years, leaving out short-term placements.",
        dfe_table="CLA on 31 March for 2.5 years by placement stability",
        uses=(*USES, ("Header", "DOB")),
        population=long_term_cohort,
        note="Needs the start of each period of care: give last year's return with --previous; "
        "a period whose start is in no return given is left out unless the earliest episode "
        "held is already 2.5 years old.",
    ),
    # DfE: of those, "living with the same carer for at least 2 years" (NI 63). Children.
    Figure(
        id="same_carer_two_years",
        label="Of them, in the same placement for 2 years or more",
        counts="children",
        definition="Of children under 16 looked after for 2.5 years or more on 31 March, those "
        "living in the same placement (with the same carers) for at least 2 years; an adoption "
        "placement with the same carers continues the placement.",
        dfe_table="CLA on 31 March for 2.5 years by placement stability",
        uses=(*USES, ("Header", "DOB")),
        population=same_carer,
        share_of="looked_after_two_and_a_half_years",
        note="Placement starts are inferred from the reason for new episode (S, P, B).",
    ),
)
