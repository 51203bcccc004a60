"""Rule 2883: more child protection plans started in the year than initial conferences held."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2883",
    message=(
        "There are more child protection plans starting than initial conferences taking place"
    ),
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate"],
    tags=["plans", "conferences", "return-level"],
)
def more_plans_than_conferences(ctx: RuleContext) -> pl.LazyFrame:
    """The return has more child protection plans starting in the census year than initial
    child protection conferences held in it.

    Every plan follows an initial conference. The conferences counted are the conference dates
    in the census year on Section 47 records plus those recorded on CIN episodes without a
    Section 47 record. Look for plans whose conference is missing or dated outside the year.
    """
    # A return-level check: one finding on the plans table as a whole. Blank and unreadable
    # dates are not in the year, so they count on neither side.
    plans = ctx.table("ChildProtectionPlans").filter(in_census_year("CPPstartDate", ctx))
    episode_conferences = ctx.table("CINdetails").filter(in_census_year("DateOfInitialCPC", ctx))
    enquiry_conferences = ctx.table("Section47").filter(in_census_year("DateOfInitialCPC", ctx))
    counts = (
        plans.select(pl.len().alias("plans"))
        .join(episode_conferences.select(pl.len().alias("episode_conferences")), how="cross")
        .join(enquiry_conferences.select(pl.len().alias("enquiry_conferences")), how="cross")
    )
    conferences = pl.col("episode_conferences") + pl.col("enquiry_conferences")
    # NOTE: not rulekit.whole_table_when, which flags every return: its select of a lone literal
    # yields one row even after the filter has left none. with_columns keeps the filtered height.
    return (
        counts.filter(pl.col("plans") > conferences)
        .with_columns(pl.lit(None, dtype=pl.Int64).alias("_row"))
        .select("_row")
    )


CASES = [
    Case(
        "three plans in the year against two conferences is flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-04-01"],
                ["B", "1", "1", "2024-07-01"],
                ["C", "1", "1", "2025-03-31"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-04-01"],
                ["B", "1", ""],
                ["C", "1", "2025-04-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["B", "1", "2024-06-20", "2024-07-01"],
                ["C", "1", "2025-03-10", "2024-03-31"],
                ["C", "1", "2025-03-10", ""],
            ),
        },
        flagged={"ChildProtectionPlans": [None]},
        period="2024-25",
    ),
    Case(
        "as many conferences as plans, counting both levels, is not flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-04-01"],
                ["B", "1", "1", "2024-07-01"],
                ["C", "1", "1", "2025-03-31"],
                ["D", "1", "1", "2024-03-31"],
                ["D", "1", "2", "2025-04-01"],
                ["D", "1", "3", ""],
                ["D", "1", "4", "2024-13-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-04-01"],
                ["B", "1", ""],
                ["C", "1", ""],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["B", "1", "2024-06-20", "2024-07-01"],
                ["C", "1", "2025-03-10", "2025-03-31"],
            ),
        },
        period="2024-25",
    ),
    Case(
        "two plans against one episode conference and one Section 47 conference is not flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-05-01"],
                ["B", "1", "1", "2024-06-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-05-01"],
                ["B", "1", ""],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["B", "1", "2024-05-20", "2024-06-01"],
            ),
        },
        period="2024-25",
    ),
    Case(
        "more conferences than plans (a conference that decided on no plan) is not flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-05-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-05-01"],
                ["B", "1", "2024-06-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
            ),
        },
        period="2024-25",
    ),
    Case(
        "plans with no conference at all are flagged even when there are no enquiries",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-05-01"],
            ),
            "CINdetails": table(["LAchildID", "CINdetailsID", "DateOfInitialCPC"], ["A", "1", ""]),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
            ),
        },
        flagged={"ChildProtectionPlans": [None]},
        period="2024-25",
    ),
]
