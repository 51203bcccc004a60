"""Referrals, re-referrals within 12 months, referrals with no further action and referrals
assessed as not in need (figures.md 2.16-2.18)."""

import polars as pl

from csc_validate.collections.cin.figures.common import nfa
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

USES = (("CINdetails", "CINreferralDate"), ("CINdetails", "ReferralNFA"))
SOURCE = Breakdown("referral source", "ReferralSource")
TABLE = "C1 Referrals and re-referrals to children's social care services by local authority"


def referrals(ctx: FigureContext) -> pl.DataFrame:
    """Every CIN episode whose referral date is in the period, NFA referrals included."""
    return ctx.table("CINdetails").filter(ctx.in_period("CINreferralDate"))


def children_referred(ctx: FigureContext) -> pl.DataFrame:
    return referrals(ctx).select("LAchildID").unique(maintain_order=True)


def re_referrals(ctx: FigureContext) -> pl.DataFrame:
    """Referrals within 12 months of the same child's previous referral, in this census or
    last year's. A referral on the same day and month a year later is within 12 months; one
    day later is not (figures.md 2.17: DfE's edge is not stated)."""
    current = referrals(ctx)
    earlier = [ctx.table("CINdetails")]
    before = ctx.earlier("CINdetails")
    if before is not None:
        earlier.append(before)
    dates = (
        pl.concat([frame.select("LAchildID", "CINreferralDate") for frame in earlier])
        .drop_nulls()
        .unique()
        .rename({"CINreferralDate": "_EARLIER"})
    )
    paired = current.select("_row", "LAchildID", "CINreferralDate", "ReferralSource").join(
        dates, on="LAchildID", how="inner"
    )
    within = paired.filter(
        (pl.col("_EARLIER") < pl.col("CINreferralDate"))
        & (pl.col("_EARLIER") >= pl.col("CINreferralDate").dt.offset_by("-12mo"))
    )
    return current.join(within.select("_row").unique(), on="_row", how="semi")


# RC8 "case closed after assessment, no further action"; RC9 "case closed after assessment,
# referred to early help" (DfE's ReasonForClosure codes).
NOT_IN_NEED = ["RC8", "RC9"]


def assessed_not_in_need(ctx: FigureContext) -> pl.DataFrame:
    """Referrals in the period whose episode was closed after assessment, by the period's end,
    as not in need (RC8, RC9)."""
    closed = (pl.col("CINclosureDate") <= ctx.end).fill_null(False)
    return referrals(ctx).filter(
        closed & pl.col("ReasonForClosure").is_in(NOT_IN_NEED).fill_null(False)
    )


def _look_back(ctx: FigureContext) -> str:
    if ctx.earlier("CINdetails") is None:
        return (
            "Without last year's census (--previous) earlier referrals closed before 1 April "
            "are not known, so this is a lower bound."
        )
    return ""


FIGURES = (
    # DfE: a referral is "a request for services to be provided by children's social care";
    # every referral in the year counts, NFA included. C1 referral_count. Counts referrals.
    Figure(
        id="cin_referrals",
        label="Referrals in the year",
        counts="referrals",
        definition="Referrals to children's social care in the year (requests for services), "
        "including those resulting in no further action.",
        dfe_table=TABLE,
        uses=USES,
        population=referrals,
        breakdowns=(SOURCE,),
    ),
    # C1 referral_child_count. Counts children.
    Figure(
        id="cin_children_referred",
        label="Children referred in the year",
        counts="children",
        definition="Children with at least one referral in the year.",
        dfe_table=TABLE,
        uses=USES,
        population=children_referred,
    ),
    # DfE: "A re-referral occurs when a child is referred within 12 months of a previous
    # referral." C1 rereferral_count. Counts referrals.
    Figure(
        id="cin_re_referrals",
        label="Re-referrals within 12 months of a previous referral",
        counts="referrals",
        definition="Referrals in the year made within 12 months of the same child's previous "
        "referral.",
        dfe_table=TABLE,
        uses=USES,
        population=re_referrals,
        share_of="cin_referrals",
        note="A referral exactly 12 months after the last counts as within 12 months (DfE's "
        "edge is not stated).",
        context_note=_look_back,
    ),
    # C1 rereferral_child_count. Counts children.
    Figure(
        id="cin_children_re_referred",
        label="Children re-referred within 12 months",
        counts="children",
        definition="Children with a referral in the year made within 12 months of their "
        "previous referral.",
        dfe_table=TABLE,
        uses=USES,
        population=lambda ctx: re_referrals(ctx).select("LAchildID").unique(),
        context_note=_look_back,
    ),
    # C1 no_further_action_count: ReferralNFA true. Counts referrals.
    Figure(
        id="cin_referrals_nfa",
        label="Referrals with no further action",
        counts="referrals",
        definition="Referrals in the year that resulted in no further action.",
        dfe_table=TABLE,
        uses=USES,
        population=lambda ctx: referrals(ctx).filter(nfa()),
        share_of="cin_referrals",
    ),
    # DfE C1 not_in_need_count: referrals in the year where the child was "assessed not to be
    # in need" (DfE's method, "Calculating children assessed not to be in need at assessment",
    # was not read: figures.md 2.18). Read here as the episode closed with RC8 or RC9, the two
    # reasons "case closed after assessment". Counts referrals.
    Figure(
        id="cin_referrals_not_in_need",
        label="Referrals assessed as not in need",
        counts="referrals",
        definition="Referrals in the year after which the child was assessed as not in need: "
        "the episode closed after assessment with no further action (RC8) or with a referral "
        "to early help (RC9).",
        dfe_table=TABLE,
        uses=(*USES, ("CINdetails", "CINclosureDate"), ("CINdetails", "ReasonForClosure")),
        population=assessed_not_in_need,
        share_of="cin_referrals",
        note="Provisional: DfE's own method for this count was not found; read as episodes "
        "closed after assessment (RC8, RC9).",
    ),
)
