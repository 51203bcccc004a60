"""Care leavers aged 17 to 21 (OC3): in touch, in education, employment or training, and in
suitable accommodation (figures.md 2.13)."""

import polars as pl

from csc_validate.rulekit.dates import age_on
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

USES = (("OC3", "DOB"), ("OC3", "IN_TOUCH"), ("OC3", "ACTIV"), ("OC3", "ACCOM"))
AGE = Breakdown("age", "AGE", order=("17", "18", "19", "20", "21"))
AGE_GROUP = Breakdown("age group", "AGE_GROUP", order=("17 to 18", "19 to 21"))
# DfE's activity codes for education, employment or training (F/P: full-time/part-time).
EET = ["F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5"]
TABLE = "17-21 year old care leavers: accommodation, activity and contact (formerly F1-F4)"


def cohort(ctx: FigureContext) -> pl.DataFrame:
    """OC3 rows of young people aged 17 to 21, less those who died or returned home (RHOM)."""
    age = age_on(pl.col("DOB"), ctx.end)
    return (
        ctx.table("OC3")
        .filter(~pl.col("IN_TOUCH").is_in(["DIED", "RHOM"]).fill_null(False))
        .with_columns(_AGE=age)
        .filter(pl.col("_AGE").is_between(17, 21))
        .with_columns(
            AGE=pl.col("_AGE").cast(pl.String),
            AGE_GROUP=pl.when(pl.col("_AGE") <= 18)
            .then(pl.lit("17 to 18"))
            .otherwise(pl.lit("19 to 21")),
        )
    )


def _where(condition: pl.Expr):
    def population(ctx: FigureContext) -> pl.DataFrame:
        return cohort(ctx).filter(condition.fill_null(False))

    return population


def _figure(id: str, label: str, definition: str, population, share: bool = True) -> Figure:
    return Figure(
        id=id,
        label=label,
        counts="young people",
        definition=definition,
        dfe_table=TABLE,
        uses=USES,
        population=population,
        breakdowns=(AGE_GROUP, AGE),
        share_of="care_leavers" if share else None,
    )


# DfE: care leavers "now aged 17 to 21 who were looked after for at least 13 weeks after their
# 14th birthday", excluding those "who have died since leaving care, those who have returned
# home to parents ... for a continuous period of at least 6 months". One OC3 row per young
# person; the "no information" answers stay in the denominator, as in DfE's tables.
FIGURES = (
    _figure(
        "care_leavers",
        "Care leavers aged 17 to 21",
        "Young people aged 17 to 21 who were looked after for at least 13 weeks after their 14th "
        "birthday, reported around their birthday in the year (OC3), leaving out those who died "
        "or returned home to their parents for 6 months or more.",
        cohort,
        share=False,
    ),
    _figure(
        "care_leavers_in_touch",
        "Care leavers in touch with the council",
        "Care leavers aged 17 to 21 with whom the council was in touch (IN_TOUCH YES).",
        _where(pl.col("IN_TOUCH") == "YES"),
    ),
    _figure(
        "care_leavers_eet",
        "Care leavers in education, employment or training",
        "Care leavers aged 17 to 21 in education, employment or training (main activity F1-F5, "
        "P1-P5).",
        _where(pl.col("ACTIV").is_in(EET)),
    ),
    _figure(
        "care_leavers_suitable_accommodation",
        "Care leavers in suitable accommodation",
        "Care leavers aged 17 to 21 whose accommodation was judged suitable (ACCOM codes "
        "ending in 1).",
        _where(pl.col("ACCOM").str.ends_with("1")),
    ),
)
