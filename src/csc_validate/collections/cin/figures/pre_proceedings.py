"""Pre-proceedings, collected from 2026-27 (figures.md 2.29: DfE publishes no figure yet)."""

import polars as pl

from csc_validate.summary.figure import Breakdown, Figure, FigureContext

NOT_DFE = "Not a DfE published figure: DfE has published none for pre-proceedings yet."


def started(ctx: FigureContext) -> pl.DataFrame:
    return ctx.table("PreProceedings").filter(ctx.in_period("PPStartDate"))


FIGURES = (
    Figure(
        id="cin_pre_proceedings_started",
        label="Pre-proceedings started in the year",
        counts="pre-proceedings records",
        definition="Pre-proceedings whose decision to start falls in the year.",
        dfe_table="none yet",
        uses=(("PreProceedings", "PPStartDate"),),
        population=started,
        breakdowns=(Breakdown("outcome", "PPOutcome"),),
        note=NOT_DFE,
        from_year="2026-27",
    ),
    Figure(
        id="cin_pre_proceedings_letters",
        label="Letters before proceedings sent in the year",
        counts="pre-proceedings records",
        definition="Pre-proceedings records whose letter before proceedings was sent in the year.",
        dfe_table="none yet",
        uses=(("PreProceedings", "LBPSentDate"),),
        population=lambda ctx: ctx.table("PreProceedings").filter(ctx.in_period("LBPSentDate")),
        note=NOT_DFE,
        from_year="2026-27",
    ),
)
