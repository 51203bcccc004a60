"""Rule 9007: a letter before proceedings was sent but whether it offered FGDM is not given."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, reported
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9007",
    message=(
        "You have confirmed that a letter before proceedings was sent. Please confirm whether or "
        "not a FGDM meeting was offered in the letter."
    ),
    tables=["PreProceedings"],
    fields=["LBPSentDate", "FGDMMeetingOffer"],
    tags=["pre-proceedings", "fgdm", "letters"],
)
def letter_sent_without_fgdm_offer_answer(ctx: RuleContext) -> pl.LazyFrame:
    """Letters before proceedings sent with no answer on whether they offered an FGDM meeting.

    The record has a LBPSentDate but a blank FGDMMeetingOffer. Record whether the letter offered
    a family group decision-making meeting: 1 (true) if it did, 0 (false) if it did not.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00827) is present,
    # then (N00828) should be present", but checks the reverse (an offer without a letter date).
    # Decided as DfE codes it and the message says. A letter date written but unreadable still
    # says a letter was sent (CSC001 reports the date); a written offer, even not 0 or 1, answers.
    records = ctx.table(TABLE)
    return records.filter(reported("LBPSentDate") & ~reported("FGDMMeetingOffer"))


COLUMNS = ["LAchildID", "CINdetailsID", "PPStartDate", "LBPSentDate", "FGDMMeetingOffer"]

CASES = [
    Case(
        "a letter date without an answer on the FGDM offer is flagged",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "2026-05-08", ""],
                ["A", "1", "2026-06-01", "2026-06-08", "1"],
                ["A", "2", "2026-07-01", "2026-07-08", "0"],
                ["B", "1", "2026-05-01", "2026-05-08", "true"],
                ["B", "1", "2026-06-01", "2026-06-08", "False"],
                ["B", "2", "2026-07-01", "2026-07-08", " "],
            )
        },
        flagged={"PreProceedings": [0, 5]},
        period="2026-27",
    ),
    Case(
        "no letter date means nothing to confirm, whatever the offer says",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "", "1"],
                ["A", "1", "2026-05-01", "", "0"],
                ["A", "2", "2026-05-01", "", ""],
            )
        },
        flagged={},
        period="2026-27",
    ),
    Case(
        "an unreadable letter date still says a letter was sent; any written offer answers",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "2026-02-30", ""],
                ["A", "1", "2026-05-01", "8/5/2026", "1"],
                ["B", "1", "2026-05-01", "2026-05-08", "Y"],
                ["C", "1", "", "2026-05-08", ""],
            )
        },
        flagged={"PreProceedings": [0, 3]},
        period="2026-27",
    ),
]
