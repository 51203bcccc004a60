"""Rule 9000Q: a pre-proceedings record has no date pre-proceedings started."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, reported
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9000Q",
    message=(
        "Please check: If you do not yet collect this data, please leave this field blank and "
        "provide a reason."
    ),
    severity="query",
    tables=["PreProceedings"],
    fields=["PPStartDate"],
    tags=["pre-proceedings", "dates"],
)
def pre_proceedings_without_start_date(ctx: RuleContext) -> pl.LazyFrame:
    """Pre-proceedings records whose start date (PPStartDate) is blank.

    PPStartDate is the date of the legal planning meeting or other forum where the decision to
    start pre-proceedings was made: enter it. If the local authority does not yet collect this
    date, leave it blank and give the reason.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "(N00826) has not been
    # provided", and applies it once to the whole return, unsure whether DfE means per child or
    # per return. Decided: per record, because the message speaks of "this field" left blank (an
    # item of one record), whereas 8995Q, DfE's return-level query for this module, says "for any
    # child"; a per-return reading would either repeat 8995Q or hide each blank record. The peer
    # also counts rows instead of dates, so it fires only on an empty table. An unreadable date is
    # not blank: CSC001 reports it.
    return ctx.table(TABLE).filter(~reported("PPStartDate"))


CASES = [
    Case(
        "each record with a blank start date is queried, one by one",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "LBPSentDate", "PPOutcome"],
                ["A", "1", "2026-05-01", "2026-05-10", "A"],
                ["A", "1", "", "2026-06-10", ""],
                ["A", "2", "", "", "B"],
                ["B", "1", "2026-02-30", "", ""],
                ["B", "1", " ", "2026-07-01", ""],
                ["C", "1", "2026-04-01", "", ""],
            )
        },
        flagged={"PreProceedings": [1, 2, 4]},
        period="2026-27",
    ),
    Case(
        "a return whose records all have start dates is not queried",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2026-04-20"],
                ["A", "2", "2026-09-01"],
            ),
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate"],
                ["A", "1", "2026-05-01"],
                ["A", "2", "2026-09-15"],
                ["A", "2", "2027-03-31"],
            ),
        },
        flagged={},
        period="2026-27",
    ),
    Case(
        "a record holding nothing but its child and episode is queried",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate"],
                ["A", "1", ""],
                ["A", "1", ""],
            )
        },
        flagged={"PreProceedings": [0, 1]},
        period="2026-27",
    ),
    Case(
        "an empty table is left to 8995Q",
        tables={"PreProceedings": table(["LAchildID", "CINdetailsID", "PPStartDate"])},
        flagged={},
        period="2026-27",
    ),
]
