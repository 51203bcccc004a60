"""OC2 outcomes for children looked after continuously for 12 months at 31 March
(figures.md 2.11, 2.12)."""

import polars as pl

from csc_validate.collections.ssda903.figures import cohorts
from csc_validate.collections.ssda903.rulekit.episodes import continuously_looked_after
from csc_validate.rulekit.dates import age_on
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

EPISODE_USES = (
    ("Episodes", "DECOM"),
    ("Episodes", "DEC"),
    ("Episodes", "REC"),
    ("Episodes", "RNE"),
    ("Episodes", "LS"),
    ("Header", "DOB"),
)
TABLE = "CLA for 12 months, conviction and health outcomes - LA (formerly I1-I5)"
AGE = Breakdown("age", "AGE_BAND", order=cohorts.AGE_BANDS)


def cohort(ctx: FigureContext) -> pl.DataFrame:
    """Children looked after continuously for the 12 months to the period's end, with their
    OC2 row's fields (blank without one) and AGE at the end. The cohort test is the one the
    OC2 rules use (DfE's, by codes; any V3/V4 episode in the year leaves a child out)."""
    return ctx.once("oc2_cohort", lambda: _cohort(ctx))


def _cohort(ctx: FigureContext) -> pl.DataFrame:
    start = ctx.start if not ctx.as_at else pl.select(pl.lit(ctx.end).dt.offset_by("-1y")).item()
    episodes = cohorts.episodes_with_history(ctx) if ctx.as_at else ctx.table("Episodes")
    children = continuously_looked_after(
        episodes.lazy(),
        start,
        ctx.end,
        started_care=ctx.codes("RNE_STARTED_CARE"),
        care_continues=ctx.codes("REC_CARE_CONTINUES"),
        respite=ctx.codes("LS_RESPITE"),
    ).collect()
    oc2 = ctx.table("OC2").drop("DOB").unique("CHILD", keep="first", maintain_order=True)
    joined = cohorts.with_characteristics(ctx, children, ctx.end).join(oc2, on="CHILD", how="left")
    return joined.with_columns(AGE=age_on(pl.col("_DOB"), ctx.end))


def _where(condition: pl.Expr, ages: tuple[int, int] | None = None):
    def population(ctx: FigureContext) -> pl.DataFrame:
        frame = cohort(ctx)
        if ages is not None:
            frame = frame.filter(pl.col("AGE").is_between(*ages))
        return frame.filter(condition.fill_null(False))

    return population


def _outcome(id: str, label: str, definition: str, field: str, population, **extra) -> Figure:
    return Figure(
        id=id,
        label=label,
        counts="mean score over children" if "mean_of" in extra else "children",
        definition=definition,
        dfe_table=TABLE,
        uses=(*EPISODE_USES, ("OC2", field)),
        population=population,
        breakdowns=(AGE,),
        **extra,
    )


def _share_note(ages: str) -> str:
    return f"DfE's denominator is the cohort aged {ages}."


# DfE: "children looked after continuously for at least 12 months as at 31 March", excluding
# "those looked after under an agreed series of short term placements"; "Age is as at 31
# March". Counts children.
FIGURES = (
    Figure(
        id="looked_after_12_months",
        label="Looked after continuously for 12 months on 31 March",
        counts="children",
        definition="Children looked after continuously for at least 12 months on 31 March, "
        "leaving out short-term placements: the children OC2 outcomes are reported for.",
        dfe_table=TABLE,
        uses=EPISODE_USES,
        population=cohort,
        breakdowns=(AGE,),
        note="With --as-at, the 12 months run to the as-at date, but OC2 outcomes are "
        "recorded for the year to 31 March.",
    ),
    _outcome(
        "oc2_health_assessment",
        "Annual health assessment up to date",
        "Of the 12-month cohort, children whose annual health assessment was up to date.",
        "HEALTH_ASSESSMENT",
        _where(pl.col("HEALTH_ASSESSMENT") == "1"),
        share_of="looked_after_12_months",
    ),
    _outcome(
        "oc2_immunisations",
        "Immunisations up to date",
        "Of the 12-month cohort, children whose immunisations were up to date.",
        "IMMUNISATIONS",
        _where(pl.col("IMMUNISATIONS") == "1"),
        share_of="looked_after_12_months",
    ),
    _outcome(
        "oc2_teeth_check",
        "Teeth checked by a dentist",
        "Of the 12-month cohort, children whose teeth were checked by a dentist.",
        "TEETH_CHECK",
        _where(pl.col("TEETH_CHECK") == "1"),
        share_of="looked_after_12_months",
    ),
    _outcome(
        "oc2_development_assessments",
        "Aged under 5 with development assessments up to date",
        "Of the 12-month cohort aged 0 to 4, children whose development assessments were up to "
        "date.",
        "HEALTH_CHECK",
        _where(pl.col("HEALTH_CHECK") == "1", (0, 4)),
        note=_share_note("0 to 4"),
    ),
    _outcome(
        "oc2_convicted",
        "Aged 10 to 17 convicted or given a youth caution",
        "Of the 12-month cohort aged 10 to 17, children convicted or given a final warning or "
        "reprimand (youth caution) during the year.",
        "CONVICTED",
        _where(pl.col("CONVICTED") == "1", (10, 17)),
        note=_share_note("10 to 17"),
    ),
    _outcome(
        "oc2_substance_misuse",
        "Identified as having a substance misuse problem",
        "Of the 12-month cohort, children identified as having a substance misuse problem "
        "during the year.",
        "SUBSTANCE_MISUSE",
        _where(pl.col("SUBSTANCE_MISUSE") == "1"),
        share_of="looked_after_12_months",
    ),
    _outcome(
        "oc2_sdq_average",
        "Average SDQ score, aged 5 to 16",
        "The average strengths and difficulties questionnaire score of children in the "
        "12-month cohort aged 5 to 16 with a score (DfE restricts to 5 to 16 because the date "
        "of the questionnaire is not collected).",
        "SDQ_SCORE",
        _where(pl.col("SDQ_SCORE").is_not_null(), (5, 16)),
        mean_of="SDQ_SCORE",
    ),
)
