"""Rule 9011: the pre-proceedings outcome is not a code from DfE's list."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE
from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="9011",
    message="The outcome of the pre-proceedings must be reported using a valid value",
    tables=["PreProceedings"],
    fields=["PPOutcome"],
    tags=["pre-proceedings", "codes"],
)
def pre_proceedings_outcome_not_in_code_list(ctx: RuleContext) -> pl.LazyFrame:
    """Pre-proceedings outcomes (PPOutcome) that are not one of DfE's outcome codes.

    Use one of the outcome codes in DfE's CIN census specification; leave it blank if the
    pre-proceedings have no outcome yet.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00833) is present,
    # then it must be a valid value (codeset CS131)", and accepts A, B and C (CS131's meanings
    # are not known; the schema's PPOutcome list holds them). Decided as coded: unlike the peer,
    # a blank outcome is not flagged, since DfE checks the value only when one is present.
    return ctx.table(TABLE).filter(not_in_codes("PPOutcome", ctx.codes("PPOutcome")))


CASES = [
    Case(
        "values outside the list, lower case too, are flagged; listed codes and blanks are not",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "PPOutcome"],
                ["A", "1", "2026-05-01", "A"],
                ["A", "1", "2026-06-01", "B"],
                ["A", "2", "2026-07-01", "C"],
                ["B", "1", "2026-05-01", "D"],
                ["B", "1", "2026-06-01", "b"],
                ["B", "2", "2026-07-01", " C "],
                ["C", "1", "2026-05-01", ""],
                ["C", "1", "2026-06-01", "AB"],
                ["C", "2", "2026-07-01", "1"],
            )
        },
        flagged={"PreProceedings": [3, 4, 7, 8]},
    ),
    Case(
        "an outcome on a record without a start date is still checked",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "PPOutcome"],
                ["A", "1", "", "X"],
                ["A", "1", "", "A"],
            )
        },
        flagged={"PreProceedings": [0]},
    ),
]
