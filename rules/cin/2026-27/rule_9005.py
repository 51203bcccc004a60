"""Rule 9005: the date pre-proceedings started falls outside the reporting year."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, outside_reporting_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9005",
    message=(
        "The date of the legal planning meeting or other decision making forum where the LA made "
        "the decision to commence pre-proceedings cannot fall outside the reporting year."
    ),
    tables=["PreProceedings"],
    fields=["PPStartDate"],
    tags=["pre-proceedings", "dates"],
)
def pre_proceedings_start_outside_reporting_year(ctx: RuleContext) -> pl.LazyFrame:
    """Pre-proceedings records whose start date (PPStartDate) is outside the census year.

    The census year runs from 1 April to 31 March, both included. Check the date of the legal
    planning meeting or other forum that decided to start pre-proceedings.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00826) is present,
    # then (N00826) must fall within [Period_of_Census] inclusive". Inferred from that coding:
    # 1 April and 31 March are inside. Decided as coded, with the peer: a blank date is 9000Q's,
    # an unreadable one CSC001's.
    return ctx.table(TABLE).filter(outside_reporting_year("PPStartDate", ctx))


CASES = [
    Case(
        "start dates a day outside the reporting year are flagged, its first and last days not",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate"],
                ["A", "1", "2026-03-31"],
                ["A", "1", "2026-04-01"],
                ["A", "2", "2026-04-02"],
                ["B", "1", "2027-03-30"],
                ["B", "1", "2027-03-31"],
                ["B", "2", "2027-04-01"],
            )
        },
        flagged={"PreProceedings": [0, 5]},
        period="2026-27",
    ),
    Case(
        "blank and unreadable start dates are left to 9000Q and CSC001",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "PPOutcome"],
                ["A", "1", "", "A"],
                ["A", "1", "2026-02-30", "A"],
                ["A", "1", "1/5/2025", "A"],
                ["B", "1", "01/05/2025", "A"],
                ["C", "1", "2025-05-01", "A"],
            )
        },
        flagged={"PreProceedings": [3, 4]},
        period="2026-27",
    ),
]
