"""Children who started and ceased to be looked after in the year, and how care ended
(figures.md 2.3-2.6)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

REASON_CEASED = Breakdown("reason ceased", "REC")
CEASED_AGE = Breakdown("age", "AGE_BAND", order=cohorts.CEASED_AGE_BANDS)
SPECIAL_GUARDIANSHIP = ["E43", "E44", "E45", "E46", "E47", "E48"]
CHILD_ARRANGEMENTS = "E41"


def started(ctx: FigureContext) -> pl.DataFrame:
    """The first start of each child in the period (DfE counts only the first occasion)."""
    starts = ctx.table("Episodes").filter(
        pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")).fill_null(False)
        & ctx.in_period("DECOM")
        & cohorts.not_short_break(ctx)
    )
    first = starts.sort("CHILD", "DECOM", "_row").group_by("CHILD", maintain_order=True).first()
    return cohorts.with_previous_permanence(ctx, cohorts.with_characteristics(ctx, first, "DECOM"))


def ceased(ctx: FigureContext) -> pl.DataFrame:
    """The last ending of each child in the period (DfE counts only the last occasion)."""
    return ctx.once("ceased", lambda: _ceased(ctx))


def _ceased(ctx: FigureContext) -> pl.DataFrame:
    endings = ctx.table("Episodes").filter(
        ctx.in_period("DEC")
        & pl.col("REC").is_not_null()
        & ~pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES")).fill_null(False)
        & cohorts.not_short_break(ctx)
    )
    last = endings.sort("CHILD", "DEC", "_row").group_by("CHILD", maintain_order=True).last()
    needs = cohorts.first_need(ctx)
    last = last.join(needs, on="_row", how="left").with_columns(CIN=pl.coalesce("FIRST_CIN", "CIN"))
    return cohorts.with_characteristics(ctx, last, "DEC", cohorts.CEASED_AGE_BANDS)


def adopted(ctx: FigureContext) -> pl.DataFrame:
    return ceased(ctx).filter(pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))


def special_guardianship(ctx: FigureContext) -> pl.DataFrame:
    return ceased(ctx).filter(pl.col("REC").is_in(SPECIAL_GUARDIANSHIP))


def child_arrangements(ctx: FigureContext) -> pl.DataFrame:
    return ceased(ctx).filter(pl.col("REC") == CHILD_ARRANGEMENTS)


START_FIELDS = (
    ("Episodes", "DECOM"),
    ("Episodes", "RNE"),
    ("Episodes", "LS"),
    ("Episodes", "CIN"),
    ("Header", "DOB"),
)
END_FIELDS = (("Episodes", "DEC"), ("Episodes", "REC"), ("Episodes", "LS"), ("Header", "DOB"))

FIGURES = (
    # DfE: "Only the first occasion on which a child started to be looked after in the local
    # authority during year has been counted." "CLA starting during the year by
    # characteristics" (formerly C1/C2). Counts children.
    Figure(
        id="started_in_year",
        label="Children who started to be looked after in the year",
        counts="children",
        definition="Children who started to be looked after in the year; only the first "
        "occasion on which a child started in the year is counted. Short-term placements "
        "(V3, V4) are left out.",
        dfe_table="CLA starting during the year by characteristics (formerly C1/C2)",
        uses=(*START_FIELDS, ("PrevPerm", "PREV_PERM")),
        population=started,
        breakdowns=(
            cohorts.CATEGORY_OF_NEED,
            cohorts.LEGAL_STATUS,
            cohorts.PLACEMENT_TYPE,
            cohorts.AGE,
            cohorts.SEX,
            cohorts.ETHNICITY,
            cohorts.UASC,
            cohorts.PREVIOUS_PERMANENCE,
        ),
    ),
    # DfE: "Only the last occasion on which a child ceased to be looked after in the year has
    # been counted." "Children who ceased to be looked after during the year by
    # characteristics" (formerly D1-D3). Counts children.
    Figure(
        id="ceased_in_year",
        label="Children who ceased to be looked after in the year",
        counts="children",
        definition="Children who ceased to be looked after in the year; only the last occasion "
        "on which a child ceased in the year is counted. An episode ending with X1 (care "
        "continues) is not a ceasing; short-term placements (V3, V4) are left out.",
        dfe_table="Children who ceased to be looked after during the year by characteristics "
        "(formerly D1-D3)",
        uses=(*END_FIELDS, ("Episodes", "CIN")),
        population=ceased,
        breakdowns=(
            REASON_CEASED,
            cohorts.CATEGORY_OF_NEED,
            cohorts.LEGAL_STATUS,
            CEASED_AGE,
            cohorts.SEX,
            cohorts.ETHNICITY,
            cohorts.UASC,
        ),
    ),
    # DfE: "Children looked after who were adopted during the year" (national time series,
    # formerly H1): REC E11, E12 on the last ending. Counts children.
    Figure(
        id="adopted_in_year",
        label="Children who ceased to be looked after on adoption",
        counts="children",
        definition="Children looked after who were adopted during the year (reason ceased E11 "
        "or E12 on the child's last ending of the year).",
        dfe_table="Children looked after who were adopted during the year (national time "
        "series, formerly H1)",
        uses=END_FIELDS,
        population=adopted,
        breakdowns=(CEASED_AGE, cohorts.SEX),
        share_of="ceased_in_year",
    ),
    # DfE's ceasing tables, reason episode ceased E45-E48 (E43, E44 in older data). Children.
    Figure(
        id="ceased_sgo_in_year",
        label="Children who ceased on a special guardianship order",
        counts="children",
        definition="Children whose last ending of the year was a special guardianship order "
        "(reason ceased E43-E48).",
        dfe_table="Children who ceased to be looked after during the year (reason episode ceased)",
        uses=END_FIELDS,
        population=special_guardianship,
        share_of="ceased_in_year",
    ),
    # DfE's ceasing tables, reason episode ceased E41 (residence or child arrangements order).
    Figure(
        id="ceased_cao_in_year",
        label="Children who ceased on a child arrangements order",
        counts="children",
        definition="Children whose last ending of the year was a residence order or child "
        "arrangements order (reason ceased E41).",
        dfe_table="Children who ceased to be looked after during the year (reason episode ceased)",
        uses=END_FIELDS,
        population=child_arrangements,
        share_of="ceased_in_year",
    ),
)
