"""Rule 2885: child protection plan starting on a different day from its initial conference."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, in_census_year, untied, yes
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    rule,
    table,
    unreadable,
)


@rule(
    code="2885",
    message=(
        "Child protection plan shown as starting a different day to the initial child "
        "protection conference."
    ),
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate"],
    tags=["plans", "conferences", "dates"],
)
def plan_starts_apart_from_conference(ctx: RuleContext) -> pl.LazyFrame:
    """A child protection plan starting in the census year does not start on the day of an
    initial child protection conference in its CIN episode.

    The plan starts on the day of the conference that decided it: the conference date on one of
    the episode's Section 47 records, or, when the episode has no Section 47 record, the
    episode's own conference date. Section 47 records marked "ICPC not required" are left out.
    Correct the plan's start date or the conference date.
    """
    # The peer (29 Apr 2026) leaves out ICPCnotRequired = 1 records; true counts the same here.
    # An episode whose every Section 47 record is marked not required falls back to its own
    # conference date, as one with no Section 47 record does.
    # A plan of a CSV extract with a blank LAchildID or CINdetailsID is tied to no conference:
    # not judged.
    plans = ctx.table("ChildProtectionPlans").filter(
        in_census_year("CPPstartDate", ctx) & ~untied(EPISODE)
    )
    enquiry_conferences = (
        ctx.table("Section47")
        .filter(~yes("ICPCnotRequired", ctx))
        .select(*EPISODE, "DateOfInitialCPC", *_conference("Section47"))
    )
    episode_conferences = (
        ctx.table("CINdetails")
        .join(enquiry_conferences.select(EPISODE), on=EPISODE, how="anti")
        .select(*EPISODE, "DateOfInitialCPC", *_conference("CINdetails"))
    )
    conferences = pl.concat([enquiry_conferences, episode_conferences])
    # An unreadable conference date cannot be compared: the plan is given the benefit of it.
    on_the_day = (
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a plan with no conference a
        # null date and a null `unknown`, which the filter drops just as the inner join does.
        plans.join(conferences, on=EPISODE, how="inner")
        .filter((pl.col("DateOfInitialCPC") == pl.col("CPPstartDate")) | pl.col("unknown"))
        .select("_row")
    )
    # Each plan names the conferences of its episode it was compared with (none when it has none).
    named = conferences.select(*EPISODE, RELATED_ROW, RELATED_TABLE)
    return plans.join(on_the_day, on="_row", how="anti").join(named, on=EPISODE, how="left")


def _conference(table_name: str) -> list[pl.Expr]:
    """Whether a conference date is unreadable, and the conference's row, of `table_name`."""
    return [
        unreadable("DateOfInitialCPC").alias("unknown"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit(table_name).alias(RELATED_TABLE),
    ]


PLAN_COLUMNS = ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"]
S47_COLUMNS = ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"]

CASES = [
    Case(
        "a plan must start on the day of one of its episode's Section 47 conferences",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "1", "1", "2024-06-10"],
                ["B", "1", "1", "2024-06-10"],
                ["B", "1", "2", "2024-09-02"],
                ["C", "1", "1", "2024-06-10"],
                ["C", "2", "1", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", ""],
                ["B", "1", ""],
                ["C", "1", ""],
                ["C", "2", "2024-06-10"],
            ),
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-05-20", "2024-06-09"],
                ["A", "1", "2024-05-20", "2024-06-11"],
                ["B", "1", "2024-05-20", "2024-06-10"],
                ["B", "1", "2024-08-20", "2024-09-02"],
                ["C", "2", "2024-05-20", "2024-06-11"],
                ["C", "1", "2024-05-20", "2024-06-10"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 4]},
        # Each plan names its episode's conferences, none on its day; other episodes' are not named.
        related=(
            ("ChildProtectionPlans", 0, "Section47", 0),
            ("ChildProtectionPlans", 0, "Section47", 1),
            ("ChildProtectionPlans", 4, "Section47", 4),
        ),
        period="2024-25",
    ),
    Case(
        "a plan with a blank conference date names its episode; one with no episode names none",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "1", "1", "2024-06-10"],
                ["A", "2", "1", "2024-09-10"],
            ),
            "CINdetails": table(["LAchildID", "CINdetailsID", "DateOfInitialCPC"], ["A", "1", ""]),
            "Section47": table(S47_COLUMNS, ["B", "1", "2024-05-20", "2024-09-10"]),
        },
        flagged={"ChildProtectionPlans": [0, 1]},
        related=(("ChildProtectionPlans", 0, "CINdetails", 0),),
        period="2024-25",
    ),
    Case(
        "with no Section 47 record the episode's own conference date is used",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "1", "1", "2024-06-10"],
                ["B", "1", "1", "2024-06-10"],
                ["C", "1", "1", "2024-06-10"],
                ["D", "1", "1", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-06-10"],
                ["B", "1", "2024-06-11"],
                ["C", "1", ""],
                ["D", "1", "2024-06-31"],
            ),
            "Section47": table(S47_COLUMNS, ["E", "1", "2024-05-20", "2024-06-10"]),
        },
        flagged={"ChildProtectionPlans": [1, 2]},
        period="2024-25",
    ),
    Case(
        "Section 47 records marked ICPC not required are left out",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "1", "1", "2024-06-10"],
                ["B", "1", "1", "2024-06-10"],
                ["C", "1", "1", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["A", "1", "2024-06-10"],
                ["B", "1", ""],
                ["C", "1", "2024-06-10"],
            ),
            "Section47": table(
                [*S47_COLUMNS, "ICPCnotRequired"],
                ["A", "1", "2024-05-20", "", "true"],
                ["B", "1", "2024-05-20", "", "1"],
                ["C", "1", "2024-05-20", "", "false"],
            ),
        },
        flagged={"ChildProtectionPlans": [1, 2]},
        # A plan names the episode's own conference only when no enquiry counts.
        related=(
            ("ChildProtectionPlans", 1, "CINdetails", 1),
            ("ChildProtectionPlans", 2, "Section47", 2),
        ),
        period="2024-25",
    ),
    Case(
        "plans starting outside the census year, blank or unreadable are not tested",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "1", "1", "2024-03-31"],
                ["A", "1", "2", "2024-04-01"],
                ["A", "1", "3", "2025-03-31"],
                ["A", "1", "4", "2025-04-01"],
                ["A", "1", "5", ""],
                ["A", "1", "6", "2024-04-31"],
            ),
            "CINdetails": table(["LAchildID", "CINdetailsID", "DateOfInitialCPC"], ["A", "1", ""]),
            "Section47": table(S47_COLUMNS, ["B", "1", "2024-05-20", "2024-06-10"]),
        },
        flagged={"ChildProtectionPlans": [1, 2]},
        period="2024-25",
    ),
    Case(
        "in the XML each child's plan meets its own conferences, whatever the LA child IDs",
        tables={
            "ChildProtectionPlans": table(
                ["ChildKey", *PLAN_COLUMNS],
                ["Child[1]", "", "1", "1", "2024-06-10"],
                ["Child[2]", "", "1", "1", "2024-06-10"],
                ["Child[3]", "A", "1", "1", "2024-06-10"],
                ["Child[4]", "A", "1", "1", "2024-06-10"],
            ),
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "DateOfInitialCPC"],
                ["Child[1]", "", "1", ""],
                ["Child[2]", "", "1", ""],
                ["Child[3]", "A", "1", ""],
                ["Child[4]", "A", "1", ""],
            ),
            "Section47": table(
                ["ChildKey", *S47_COLUMNS],
                ["Child[1]", "", "1", "2024-05-20", "2024-06-10"],
                ["Child[2]", "", "1", "2024-05-20", "2024-07-10"],
                ["Child[3]", "A", "1", "2024-05-20", "2024-06-10"],
                ["Child[4]", "A", "1", "2024-05-20", "2024-07-10"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"ChildProtectionPlans": [1, 3]},
        period="2024-25",
    ),
    Case(
        "in a CSV extract a blank LA child ID ties a plan to no conference: not judged",
        tables={
            "ChildProtectionPlans": table(PLAN_COLUMNS, ["", "1", "1", "2024-06-10"]),
            "CINdetails": table(["LAchildID", "CINdetailsID", "DateOfInitialCPC"], ["", "1", ""]),
            "Section47": table(S47_COLUMNS, ["", "1", "2024-05-20", "2024-07-10"]),
        },
        period="2024-25",
    ),
    Case(
        "in a CSV extract a blank episode ID ties a plan to no conference: not judged",
        tables={
            "ChildProtectionPlans": table(
                PLAN_COLUMNS,
                ["A", "", "1", "2024-06-10"],
                ["B", "1", "1", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "DateOfInitialCPC"], ["A", "", ""], ["B", "1", ""]
            ),
            "Section47": table(
                S47_COLUMNS,
                ["A", "", "2024-05-20", "2024-07-10"],
                ["B", "1", "2024-05-20", "2024-07-10"],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
        related=(("ChildProtectionPlans", 1, "Section47", 1),),
        period="2024-25",
    ),
]
