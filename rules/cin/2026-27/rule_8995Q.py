"""Rule 8995Q: the return holds no pre-proceedings and FGDM (module 5) data for any child."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, any_item_reported
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8995Q",
    message=(
        "Please check and provide a reason why no module 5 (pre-proceedings and FGM) data has "
        "been provided for any child."
    ),
    severity="query",
    tables=["PreProceedings"],
    fields=["PPStartDate"],
    tags=["pre-proceedings", "return"],
)
def no_pre_proceedings_data_in_return(ctx: RuleContext) -> pl.LazyFrame:
    """The return has no pre-proceedings or family group decision-making record for any child.

    Add the pre-proceedings records (module 5) of the children who had them this year, or give
    the reason there are none, for example that the local authority does not yet collect them.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # message is the one the peer's unreleased branch carries, probably DfE's words. Inferred:
    # one query for the return when no PreProceedingsandFGDM element exists anywhere. Decided:
    # "no module 5 data" also covers elements that hold none of the ten items (only the child and
    # episode), and a CSV extract without the table, which counts as a table without rows.
    records = ctx.table_or_empty(TABLE)
    missing = records.select((~any_item_reported().any()).alias("missing"))
    # NOTE: not rulekit.whole_table_when: polars 2.1 gives its lone literal select a row even
    # after the filter left none, so it would query every return; with_columns keeps the height.
    flag = pl.lit(None, dtype=pl.Int64).alias("_row")
    return missing.filter("missing").with_columns(flag).select("_row")


CASES = [
    Case(
        "a return without any pre-proceedings record is queried once",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2026-05-01"],
                ["B", "1", "2026-06-01"],
            ),
            "PreProceedings": table(["LAchildID", "CINdetailsID", "PPStartDate"]),
        },
        flagged={"PreProceedings": [None]},
        period="2026-27",
    ),
    Case(
        "an extract with no pre-proceedings file at all is queried",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"], ["A", "1", "2026-05-01"]
            ),
        },
        flagged={"PreProceedings": [None]},
        period="2026-27",
    ),
    Case(
        "records holding nothing but the child and episode are no module 5 data",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "PPOutcome", "ReviewMeetingsCount"],
                ["A", "1", "", "", ""],
                ["B", "1", " ", "", ""],
            ),
        },
        flagged={"PreProceedings": [None]},
        period="2026-27",
    ),
    Case(
        "one record with a start date is enough",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate"],
                ["A", "1", ""],
                ["B", "1", "2026-07-01"],
            ),
        },
        flagged={},
        period="2026-27",
    ),
    Case(
        "a start date that cannot be read is still module 5 data",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "PPOutcome"],
                ["A", "1", "2026-02-30", ""],
            ),
        },
        flagged={},
        period="2026-27",
    ),
    Case(
        "any one item is module 5 data, such as a lone outcome or a meeting not facilitated",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "FGDMMeetingFac", "PPOutcome"],
                ["A", "1", "", "B"],
                ["A", "2", "0", ""],
            ),
        },
        flagged={},
        period="2026-27",
    ),
]
