"""Rule 9010Q: an FGDM meeting was offered but whether one was facilitated is not given."""

import polars as pl

from csc_validate.collections.cin.rulekit import yes
from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, reported
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9010Q",
    message=(
        "Please check: You have reported that a FGDM meeting was offered in the letter before "
        "proceedings. Please confirm whether or not a FGDM meeting was facilitated in the "
        "pre-proceedings period following this offer."
    ),
    severity="query",
    tables=["PreProceedings"],
    fields=["FGDMMeetingOffer", "FGDMMeetingFac"],
    tags=["pre-proceedings", "fgdm"],
)
def fgdm_offered_without_facilitation_answer(ctx: RuleContext) -> pl.LazyFrame:
    """FGDM meetings offered with no answer on whether one was facilitated.

    FGDMMeetingOffer says a family group decision-making meeting was offered (1 or true) but
    FGDMMeetingFac is blank. Record whether the meeting was facilitated during pre-proceedings:
    1 (true) if it was, 0 (false) if not.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00828) is present and
    # equals true, then (N00829) should be present". Decided as coded; unlike the peer, which
    # only reads "1" as true, "true" counts too (xs:boolean allows both, in lower case only). A
    # written FGDMMeetingFac, even one that is not 0 or 1, answers the question.
    records = ctx.table(TABLE)
    return records.filter(yes("FGDMMeetingOffer", ctx) & ~reported("FGDMMeetingFac"))


COLUMNS = ["LAchildID", "CINdetailsID", "PPStartDate", "FGDMMeetingOffer", "FGDMMeetingFac"]

CASES = [
    Case(
        "an offer made (true or 1) with no answer on facilitation is queried",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "1", ""],
                ["A", "1", "2026-06-01", "true", ""],
                ["A", "2", "2026-07-01", " TRUE ", " "],
                ["B", "1", "2026-05-01", "1", "0"],
                ["B", "1", "2026-06-01", "True", "1"],
                ["B", "2", "2026-07-01", "1", "false"],
            )
        },
        flagged={"PreProceedings": [0, 1]},
        period="2026-27",
    ),
    Case(
        "no offer, or no answer on the offer, asks nothing about facilitation",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "0", ""],
                ["A", "1", "2026-05-01", "false", ""],
                ["A", "2", "2026-05-01", "", ""],
                ["B", "1", "2026-05-01", "Y", ""],
                ["B", "1", "", "1", ""],
            )
        },
        flagged={"PreProceedings": [4]},
        period="2026-27",
    ),
]
