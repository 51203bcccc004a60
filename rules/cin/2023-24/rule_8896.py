"""Rule 8896: a CIN episode has two or more assessments not yet completed."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, with_each_other
from csc_validate.collections.cin.rulekit.assessments import open_assessment
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8896",
    message="Within one CINDetails group there are 2 or more open Assessments groups",
    tables=["Assessments"],
    fields=["AssessmentAuthorisationDate"],
    tags=["assessments"],
)
def several_open_assessments_in_episode(ctx: RuleContext) -> pl.LazyFrame:
    """Two or more assessments of one CIN episode with no authorisation date; each is shown.

    Only one assessment of an episode can be in progress at a time. Record the authorisation
    date of each assessment that was completed.
    """
    # DfE: within one CINdetails group no more than one Assessments group may lack an
    # AssessmentAuthorisationDate. An unreadable date is still a completion date (see
    # rulekit.assessments).
    # NOTE: the peer shows every assessment of such an episode, completed ones too; only the
    # open ones are the ones to correct.
    assessments = ctx.table("Assessments").filter(open_assessment())
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): each assessment counts in its own
    # episode, so the count is never below 1 and "not 1" is "more than 1".
    # Each open assessment names the episode's other open ones. A CSV assessment with a blank
    # CINdetailsID is tied to no episode (EPISODE's key), so it shares with no other.
    return with_each_other(assessments, EPISODE)


_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"]

CASES = [
    Case(
        "two open assessments in one episode are both flagged, completed ones are not",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", ""],
                ["A", "1", "2", "2024-06-01"],
                ["A", "1", "3", ""],
                ["A", "2", "1", ""],
                ["B", "1", "1", ""],
                ["B", "1", "2", "2024-02-30"],
                ["C", "1", "1", "2024-06-01"],
                ["C", "1", "2", "2024-07-01"],
            )
        },
        flagged={"Assessments": [0, 2]},
    ),
    Case(
        "only open assessments that share an episode are flagged",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", ""],
                ["A", "2", "1", ""],
                ["B", "1", "1", ""],
                ["C", "1", "1", ""],
                ["C", "1", "2", ""],
                ["C", "1", "3", ""],
            )
        },
        flagged={"Assessments": [3, 4, 5]},
        # Each open assessment names the episode's other open ones; A's and B's are alone.
        related=(
            ("Assessments", 3, "Assessments", 4),
            ("Assessments", 3, "Assessments", 5),
            ("Assessments", 4, "Assessments", 3),
            ("Assessments", 4, "Assessments", 5),
            ("Assessments", 5, "Assessments", 3),
            ("Assessments", 5, "Assessments", 4),
        ),
    ),
    Case(
        "in a CSV extract open assessments with a blank episode ID share no episode",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "", "1", ""],
                ["A", "", "2", ""],
                ["B", "", "1", ""],
                ["B", "1", "1", ""],
                ["C", "3", "1", ""],
                ["C", "3", "2", ""],
            )
        },
        flagged={"Assessments": [4, 5]},
        related=(("Assessments", 4, "Assessments", 5), ("Assessments", 5, "Assessments", 4)),
    ),
]
