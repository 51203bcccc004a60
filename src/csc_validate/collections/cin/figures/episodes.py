"""Children in need on 31 March, and episodes of need started and ended (figures.md 2.19,
2.20)."""

import polars as pl

from csc_validate.collections.cin.figures.common import (
    AGE,
    DURATION,
    NEED,
    SEX,
    duration_band,
    nfa,
    with_child,
)
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

USES = (
    ("CINdetails", "CINreferralDate"),
    ("CINdetails", "CINclosureDate"),
    ("CINdetails", "ReferralNFA"),
)
REASON = Breakdown("reason for closure", "ReasonForClosure")
TABLE = "B1 Children in need: throughout the year, starting, ending and at 31 March"


def open_on_end(ctx: FigureContext) -> pl.DataFrame:
    """Children with an episode of need (not an NFA referral) open on the period's end: referred
    by then and not closed (an episode closing that day is not open on it)."""
    open_episodes = ctx.table("CINdetails").filter(
        (pl.col("CINreferralDate") <= ctx.end).fill_null(False)
        & (pl.col("CINclosureDate") > ctx.end).fill_null(True)
        & ~nfa()
    )
    one = (
        open_episodes.sort("LAchildID", "CINreferralDate", "_row")
        .group_by("LAchildID", maintain_order=True)
        .last()
    )
    return with_child(ctx, one)


FIGURES = (
    # DfE: children in need at 31 March (B1 At31_episodes, "Number of children in need at 31
    # March"); one open episode per child. NOTE: open NFA referrals are left out (inferred).
    Figure(
        id="cin_on_31_march",
        label="Children in need on 31 March",
        counts="children",
        definition="Children whose episode of need was open on 31 March, including children on "
        "child in need plans, child protection plans and looked after; referrals with no "
        "further action are left out.",
        dfe_table=TABLE,
        uses=(*USES, ("ChildIdentifiers", "PersonBirthDate")),
        population=open_on_end,
        breakdowns=(NEED, AGE, SEX),
    ),
    # B1: episodes starting in the year, NFA referrals left out. Counts episodes.
    Figure(
        id="cin_episodes_started_in_year",
        label="Episodes of need started in the year",
        counts="episodes",
        definition="Episodes of need starting in the year (referrals with no further action "
        "left out); a child with two episodes counts twice.",
        dfe_table=TABLE,
        uses=USES,
        population=lambda ctx: ctx.table("CINdetails").filter(
            ctx.in_period("CINreferralDate") & ~nfa()
        ),
        breakdowns=(NEED,),
    ),
    # B1 and B5: episodes ending in the year. Counts episodes.
    Figure(
        id="cin_episodes_ended_in_year",
        label="Episodes of need ended in the year",
        counts="episodes",
        definition="Episodes of need closed in the year (referrals with no further action left "
        "out), by reason for closure.",
        dfe_table=f"{TABLE}; B5 Duration of episodes of need ending during year",
        uses=(*USES, ("CINdetails", "ReasonForClosure")),
        population=lambda ctx: (
            ctx.table("CINdetails")
            .filter(ctx.in_period("CINclosureDate") & ~nfa())
            .with_columns(DURATION_BAND=duration_band("CINreferralDate", "CINclosureDate"))
        ),
        breakdowns=(REASON, DURATION),
    ),
)
