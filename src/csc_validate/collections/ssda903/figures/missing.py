"""Missing and away-from-placement incidents (figures.md 2.15)."""

import polars as pl

from csc_validate.summary.figure import Figure, FigureContext

USES = (("Missing", "MISSING"), ("Missing", "MIS_START"), ("Missing", "MIS_END"))
MISSING, AWAY = "M", "A"


def _incidents(kind: str):
    def population(ctx: FigureContext) -> pl.DataFrame:
        return ctx.table("Missing").filter(
            (pl.col("MISSING") == kind).fill_null(False) & ctx.in_period("MIS_START")
        )

    return population


def _children(kind: str):
    incidents = _incidents(kind)

    def population(ctx: FigureContext) -> pl.DataFrame:
        return incidents(ctx).select("CHILD").unique(maintain_order=True)

    return population


def _on_date(kind: str):
    def population(ctx: FigureContext) -> pl.DataFrame:
        return (
            ctx.table("Missing")
            .filter(
                (pl.col("MISSING") == kind).fill_null(False)
                & (pl.col("MIS_START") <= ctx.end).fill_null(False)
                & (pl.col("MIS_END") > ctx.end).fill_null(True)
            )
            .select("CHILD")
            .unique(maintain_order=True)
        )

    return population


def _figures(kind: str, word: str, definition: str) -> tuple[Figure, ...]:
    noun = "missing" if kind == MISSING else "away from placement without authorisation"
    return (
        Figure(
            id=f"{word}_incidents",
            label=f"Incidents of children {noun} in the year",
            counts="incidents",
            definition=f"{definition} Each incident starting in the year counts.",
            dfe_table="CLA who were missing or away from placement without authorisation, by "
            "local authority",
            uses=USES,
            population=_incidents(kind),
        ),
        Figure(
            id=f"children_{word}",
            label=f"Children {noun} in the year",
            counts="children",
            definition=f"{definition} Children with at least one incident starting in the year.",
            dfe_table="CLA who were missing or away from placement without authorisation, by "
            "local authority",
            uses=USES,
            population=_children(kind),
            share_of="looked_after_during_year",
        ),
        Figure(
            id=f"{word}_on_31_march",
            label=f"Children {noun} on 31 March",
            counts="children",
            definition=f"{definition} Incidents under way on 31 March.",
            dfe_table="CLA who were missing or away from placement without authorisation, by "
            "local authority",
            uses=USES,
            population=_on_date(kind),
        ),
    )


# DfE: missing is "not at their placement or the place they are expected to be ... and their
# whereabouts are not known"; away: whereabouts known, without authorisation. Official
# statistics, affected by recording practice. NOTE: an incident counts in the year it starts
# (inferred, figures.md 2.15).
FIGURES = _figures(
    MISSING,
    "missing",
    "DfE: a looked-after child not at their placement or where they are expected to be, whose "
    "whereabouts are not known.",
) + _figures(
    AWAY,
    "away",
    "DfE: a looked-after child not at their placement or where they are expected to be, whose "
    "whereabouts are known, without the carer's authorisation.",
)
