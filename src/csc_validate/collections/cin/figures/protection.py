"""Section 47 enquiries, initial child protection conferences and child protection plans
(figures.md 2.23-2.28)."""

import polars as pl

from csc_validate.collections.cin.figures.common import (
    AGE,
    DURATION,
    SEX,
    duration_band,
    with_child,
    working_days,
)
from csc_validate.summary.figure import Breakdown, Figure, FigureContext

S47_USES = (("Section47", "S47ActualStartDate"), ("Section47", "DateOfInitialCPC"))
CPP_USES = (("ChildProtectionPlans", "CPPstartDate"), ("ChildProtectionPlans", "CPPendDate"))
C4 = "C4 Section 47s and Initial Child Protection Conferences by local authority"
D1 = "D1 Child Protection Plans by local authority"
CATEGORY = Breakdown("initial category of abuse", "InitialCategoryOfAbuse")


def enquiries(ctx: FigureContext) -> pl.DataFrame:
    return ctx.table("Section47").filter(ctx.in_period("S47ActualStartDate"))


def conferences(ctx: FigureContext) -> pl.DataFrame:
    """Initial conferences in the period, from Section47 and from the episode (CINdetails):
    rule 2884 forbids recording one conference at both levels."""
    frames = [
        ctx.table(name).filter(ctx.in_period("DateOfInitialCPC")).select("LAchildID", "_row")
        for name in ("Section47", "CINdetails")
    ]
    return pl.concat(frames)


def conferences_within_15(ctx: FigureContext) -> pl.DataFrame:
    """Section 47 conferences held 0 to 15 working days after the enquiry started."""
    days = working_days("S47ActualStartDate", "DateOfInitialCPC")
    return ctx.table("Section47").filter(
        ctx.in_period("DateOfInitialCPC")
        & (pl.col("DateOfInitialCPC") >= pl.col("S47ActualStartDate")).fill_null(False)
        & days.is_between(0, 15).fill_null(False)
    )


ICPC_BANDS = ("0 to 10", "11 to 15", "16 to 20", "21 and over")


def conferences_timed(ctx: FigureContext) -> pl.DataFrame:
    """Section 47 conferences in the period with both dates, the conference on or after the
    start: the denominator of the 15-day figure (DfE leaves earlier ones out of the bands),
    with DfE's working-day band (C4)."""
    days = working_days("S47ActualStartDate", "DateOfInitialCPC")
    return (
        ctx.table("Section47")
        .filter(
            ctx.in_period("DateOfInitialCPC")
            & (pl.col("DateOfInitialCPC") >= pl.col("S47ActualStartDate")).fill_null(False)
        )
        .with_columns(_DAYS=days)
        .with_columns(
            DAYS_BAND=pl.when(pl.col("_DAYS") <= 10)
            .then(pl.lit(ICPC_BANDS[0]))
            .when(pl.col("_DAYS") <= 15)
            .then(pl.lit(ICPC_BANDS[1]))
            .when(pl.col("_DAYS") <= 20)
            .then(pl.lit(ICPC_BANDS[2]))
            .otherwise(pl.lit(ICPC_BANDS[3]))
        )
    )


def plans_on_end(ctx: FigureContext) -> pl.DataFrame:
    """Children with a plan open on the period's end (a plan ending that day is not)."""
    open_plans = ctx.table("ChildProtectionPlans").filter(
        (pl.col("CPPstartDate") <= ctx.end).fill_null(False)
        & (pl.col("CPPendDate") > ctx.end).fill_null(True)
    )
    one = (
        open_plans.sort("LAchildID", "CPPstartDate", "_row")
        .group_by("LAchildID", maintain_order=True)
        .last()
    )
    return with_child(ctx, one)


def plans_started(ctx: FigureContext) -> pl.DataFrame:
    return ctx.table("ChildProtectionPlans").filter(ctx.in_period("CPPstartDate"))


def plans_ended(ctx: FigureContext) -> pl.DataFrame:
    return (
        ctx.table("ChildProtectionPlans")
        .filter(ctx.in_period("CPPendDate"))
        .with_columns(DURATION_BAND=duration_band("CPPstartDate", "CPPendDate"))
    )


def _children(population):
    def children(ctx: FigureContext) -> pl.DataFrame:
        return population(ctx).select("LAchildID").unique(maintain_order=True)

    return children


FIGURES = (
    # DfE: section 47 enquiries started in the year (C4 Section47). Counts enquiries.
    Figure(
        id="cin_s47_enquiries",
        label="Section 47 enquiries started in the year",
        counts="enquiries",
        definition="Section 47 enquiries (the council suspects the child is suffering, or is "
        "likely to suffer, significant harm) started in the year.",
        dfe_table=C4,
        uses=S47_USES,
        population=enquiries,
    ),
    # C4 Section47_child. Counts children.
    Figure(
        id="cin_children_s47",
        label="Children with a section 47 enquiry started in the year",
        counts="children",
        definition="Children with at least one section 47 enquiry started in the year.",
        dfe_table=C4,
        uses=S47_USES,
        population=_children(enquiries),
    ),
    # C4 ICPC: initial child protection conferences in the year. Counts conferences.
    Figure(
        id="cin_icpcs",
        label="Initial child protection conferences in the year",
        counts="conferences",
        definition="Initial child protection conferences held in the year, after a section 47 "
        "enquiry or recorded on the episode of need.",
        dfe_table=C4,
        uses=(*S47_USES, ("CINdetails", "DateOfInitialCPC")),
        population=conferences,
    ),
    # C4 ICPC_child. Counts children.
    Figure(
        id="cin_children_icpc",
        label="Children with an initial child protection conference in the year",
        counts="children",
        definition="Children with at least one initial child protection conference in the year.",
        dfe_table=C4,
        uses=(*S47_USES, ("CINdetails", "DateOfInitialCPC")),
        population=_children(conferences),
    ),
    # C4 durations: working days from the section 47 start to the conference; conferences
    # before the start are left out of the bands. Counts conferences.
    Figure(
        id="cin_icpc_timed",
        label="Conferences after a section 47 enquiry, with both dates",
        counts="conferences",
        definition="Initial conferences in the year held on or after the start of their "
        "section 47 enquiry: those DfE measures the timeliness of.",
        dfe_table=C4,
        uses=S47_USES,
        population=conferences_timed,
        breakdowns=(Breakdown("working days", "DAYS_BAND", order=ICPC_BANDS),),
    ),
    Figure(
        id="cin_icpc_within_15_days",
        label="Conferences within 15 working days of the section 47 start",
        counts="conferences",
        definition="Initial conferences held within 15 working days of the start of the section "
        "47 enquiry (the start day not counted, the conference day counted).",
        dfe_table=C4,
        uses=S47_USES,
        population=conferences_within_15,
        share_of="cin_icpc_timed",
    ),
    # DfE: children subject to a plan at 31 March by initial category of abuse, "that assessed
    # when the child protection plan commenced" (A6; D1 CPP_At31). Counts children.
    Figure(
        id="cpp_on_31_march",
        label="Children on a child protection plan on 31 March",
        counts="children",
        definition="Children subject to a child protection plan on 31 March, by the initial "
        "category of abuse (the one assessed when the plan began; multiple is its own "
        "category).",
        dfe_table=f"A6 Child protection plans initial category of abuse; {D1}",
        uses=(*CPP_USES, ("ChildProtectionPlans", "InitialCategoryOfAbuse")),
        population=plans_on_end,
        breakdowns=(CATEGORY, AGE, SEX),
    ),
    # D1 CPP_start. Counts plans.
    Figure(
        id="cpp_started_in_year",
        label="Child protection plans started in the year",
        counts="plans",
        definition="Child protection plans starting in the year.",
        dfe_table=D1,
        uses=CPP_USES,
        population=plans_started,
        breakdowns=(CATEGORY,),
    ),
    # D1 CPP_child_start: children who became the subject of a plan. Counts children.
    Figure(
        id="cpp_children_started_in_year",
        label="Children who became the subject of a plan in the year",
        counts="children",
        definition="Children with at least one child protection plan starting in the year.",
        dfe_table=D1,
        uses=CPP_USES,
        population=_children(plans_started),
    ),
    # D3: plans starting in the year that were a second or subsequent plan, "regardless of how
    # long ago". NOTE: read from NumberOfPreviousCPP (inferred). Counts plans.
    Figure(
        id="cpp_second_or_subsequent",
        label="Plans started in the year that were a second or subsequent plan",
        counts="plans",
        definition="Child protection plans starting in the year for a child who had been the "
        "subject of a plan before, however long ago (number of previous plans 1 or more).",
        dfe_table="D3 Second or subsequent child protection plans",
        uses=(*CPP_USES, ("ChildProtectionPlans", "NumberOfPreviousCPP")),
        population=lambda ctx: plans_started(ctx).filter(
            (pl.col("NumberOfPreviousCPP") >= 1).fill_null(False)
        ),
        share_of="cpp_started_in_year",
    ),
    # D7: plans ending in the year, by length. Counts plans.
    Figure(
        id="cpp_ended_in_year",
        label="Child protection plans ended in the year",
        counts="plans",
        definition="Child protection plans ending in the year; a child with two plans ending "
        "counts twice.",
        dfe_table="D7 Child Protection Plans ending during the year by duration",
        uses=CPP_USES,
        population=plans_ended,
        breakdowns=(DURATION,),
    ),
    Figure(
        id="cpp_ended_two_years_or_more",
        label="Plans ended in the year after 2 years or more",
        counts="plans",
        definition="Child protection plans ending in the year that had lasted two years or more "
        "(ending on or after the second anniversary of the start).",
        dfe_table="D7 Child Protection Plans ending during the year by duration",
        uses=CPP_USES,
        population=lambda ctx: plans_ended(ctx).filter(
            (pl.col("CPPendDate") >= pl.col("CPPstartDate").dt.offset_by("2y")).fill_null(False)
        ),
        share_of="cpp_ended_in_year",
        note="A plan ending exactly on its second anniversary counts as 2 years (inferred).",
    ),
)
