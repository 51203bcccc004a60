"""Assessments completed, completed within 45 working days, and the factors found
(figures.md 2.21, 2.22)."""

import polars as pl

from csc_validate.collections.cin.figures.common import working_days
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

USES = (
    ("Assessments", "AssessmentActualStartDate"),
    ("Assessments", "AssessmentAuthorisationDate"),
)
TABLE = "C2 Completed assessments by duration of assessment and local authority"
NO_FACTORS = "21"
FACTOR = Breakdown("factor", "AssessmentFactors")
# DfE's C2 bands of working days, and assessments without a start date to measure from.
BANDS = (
    "same day",
    "1 to 10",
    "11 to 15",
    "16 to 20",
    "21 to 25",
    "26 to 30",
    "31 to 35",
    "36 to 40",
    "41 to 45",
    "46 to 50",
    "51 to 60",
    "61 and over",
    "no start date",
)
DURATION = Breakdown("working days", "DURATION_BAND", order=BANDS)
UPPER = (0, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60)


def completed(ctx: FigureContext) -> pl.DataFrame:
    """Assessments authorised (completed) in the period, with their duration in working days."""
    done = ctx.table("Assessments").filter(ctx.in_period("AssessmentAuthorisationDate"))
    days = working_days("AssessmentActualStartDate", "AssessmentAuthorisationDate")
    band = pl.when(pl.col("WORKING_DAYS").is_null()).then(pl.lit(BANDS[-1]))
    for upper, name in zip(UPPER, BANDS, strict=False):
        band = band.when(pl.col("WORKING_DAYS") <= upper).then(pl.lit(name))
    return done.with_columns(WORKING_DAYS=days).with_columns(
        DURATION_BAND=band.otherwise(pl.lit(BANDS[-2]))
    )


def within_45(ctx: FigureContext) -> pl.DataFrame:
    return completed(ctx).filter(pl.col("WORKING_DAYS").is_between(0, 45).fill_null(False))


def factors(ctx: FigureContext) -> pl.DataFrame:
    """One row per episode and factor found at the end of an assessment completed in the period
    ("each unique factor is counted once against a given episode"; 21, none, left out)."""
    done = completed(ctx).select("LAchildID", "CINdetailsID", "AssessmentID")
    return (
        ctx.table("AssessmentFactorsList")
        .join(done, on=["LAchildID", "CINdetailsID", "AssessmentID"], how="semi")
        .filter(pl.col("AssessmentFactors").is_not_null())
        .filter(pl.col("AssessmentFactors") != NO_FACTORS)
        .unique(["LAchildID", "CINdetailsID", "AssessmentFactors"], maintain_order=True)
    )


FIGURES = (
    # DfE: assessments completed in the year, by duration (C2). Counts assessments.
    Figure(
        id="cin_assessments_completed",
        label="Assessments completed in the year",
        counts="assessments",
        definition="Assessments completed (authorised) in the year, by working days from the "
        "assessment's start (DfE's bands: same day, then up to and over the statutory 45).",
        dfe_table=TABLE,
        uses=USES,
        population=completed,
        breakdowns=(DURATION,),
    ),
    # C2: the statutory timescale is 45 working days. Counts assessments. NOTE: measured from
    # the assessment's start date, as C2's "same day" band implies (inferred).
    Figure(
        id="cin_assessments_within_45_days",
        label="Assessments completed within 45 working days",
        counts="assessments",
        definition="Assessments completed in the year within 45 working days of their start "
        "(the start day not counted, the completion day counted; England's bank holidays are "
        "not working days).",
        dfe_table=TABLE,
        uses=USES,
        population=within_45,
        share_of="cin_assessments_completed",
        note="Measured from the assessment's start date (inferred from DfE's bands).",
    ),
    # DfE: factors identified at the end of assessment; "each unique factor is counted once
    # against a given episode". Counts episodes per factor.
    Figure(
        id="cin_assessment_factors",
        label="Factors identified at the end of assessment",
        counts="episodes per factor",
        definition="Factors recorded at the end of assessments completed in the year, each "
        "factor counted once per episode; 'no factors identified' (21) is left out.",
        dfe_table="Children in need: factors identified at the end of assessment",
        uses=(*USES, ("AssessmentFactorsList", "AssessmentFactors")),
        population=factors,
        breakdowns=(FACTOR,),
    ),
)
