"""Rule 8831: assessment, Section 47 or conference recorded on a referral with no further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, yes
from csc_validate.collections.cin.rulekit.enquiries import recorded
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="8831",
    message="Activity is recorded against a case marked as a referral with no further action",
    tables=["CINdetails", "Assessments", "Section47"],
    fields=[
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "DateOfInitialCPC",
    ],
    tags=["section47", "assessments", "conferences"],
)
def activity_on_no_further_action_referral(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A CIN episode marked as a referral with no further action (ReferralNFA true) has an
    assessment, a Section 47 enquiry or an initial child protection conference recorded.

    A referral with no further action has no assessment start or completion date, no Section
    47 enquiry start date and no initial conference date. Either the referral was acted on
    (set ReferralNFA to false) or the activity belongs to another episode. The assessment and
    Section 47 rows are flagged, and the episode itself when it holds a conference date.
    """
    # A date counts as recorded whether or not it is readable: the activity is there either way.
    no_further_action = ctx.table("CINdetails").filter(yes("ReferralNFA", ctx))
    # Each assessment and enquiry names its no-further-action episode.
    nfa_episodes = no_further_action.select(
        *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit("CINdetails").alias(RELATED_TABLE)
    )
    assessments = (
        ctx.table("Assessments")
        .join(nfa_episodes, on=EPISODE, how="inner")
        .filter(recorded("AssessmentActualStartDate") | recorded("AssessmentAuthorisationDate"))
    )
    # NOTE: a Section 47 row's own conference date counts too (DfE lists N00110); the peer tests
    # the episode's conference date on every Section 47 row of the episode instead.
    enquiries = (
        ctx.table("Section47")
        .join(nfa_episodes, on=EPISODE, how="inner")
        .filter(recorded("S47ActualStartDate") | recorded("DateOfInitialCPC"))
    )
    return {
        "CINdetails": no_further_action.filter(recorded("DateOfInitialCPC")),
        "Assessments": assessments,
        "Section47": enquiries,
    }


CASES = [
    Case(
        "assessments and enquiries on a no-further-action episode are flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA", "DateOfInitialCPC"],
                ["A", "1", "true", ""],
                ["A", "2", "false", ""],
                ["B", "1", "1", ""],
                ["C", "1", "0", ""],
            ),
            "Assessments": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate",
                ],
                ["A", "1", "1", "2024-06-01", ""],
                ["A", "1", "2", "", "2024-06-20"],
                ["A", "1", "3", "", ""],
                ["A", "2", "1", "2024-06-01", "2024-06-20"],
                ["B", "1", "1", "2024-06-31", ""],
                ["C", "1", "1", "2024-06-01", ""],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-02", ""],
                ["A", "2", "2024-06-02", "2024-06-10"],
                ["B", "1", "", "2024-06-10"],
                ["B", "1", "", ""],
                ["C", "1", "2024-06-02", ""],
            ),
        },
        flagged={"Assessments": [0, 1, 4], "Section47": [0, 2]},
        # Each assessment and enquiry names its no-further-action episode.
        related=(
            ("Assessments", 0, "CINdetails", 0),
            ("Assessments", 1, "CINdetails", 0),
            ("Assessments", 4, "CINdetails", 2),
            ("Section47", 0, "CINdetails", 0),
            ("Section47", 2, "CINdetails", 2),
        ),
    ),
    Case(
        "an episode-level conference on a no-further-action episode flags the episode",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA", "DateOfInitialCPC"],
                ["A", "1", "TRUE", "2024-06-10"],
                ["B", "1", "true", "2024-06-31"],
                ["C", "1", "false", "2024-06-10"],
                ["D", "1", "", "2024-06-10"],
                ["E", "1", "true", ""],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["F", "1", "1", "2024-06-01"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate"],
                ["F", "1", "2024-06-02"],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
    Case(
        "an assessment or enquiry with both its dates recorded is flagged once",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA", "DateOfInitialCPC"],
                ["A", "1", "true", ""],
            ),
            "Assessments": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate",
                ],
                ["A", "1", "1", "2024-06-01", "2024-06-20"],
            ),
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-02", "2024-06-10"],
            ),
        },
        flagged={"Assessments": [0], "Section47": [0]},
    ),
    Case(
        "in the XML an assessment is judged by its own child's episode, whatever the IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "ReferralNFA"],
                ["Child[1]", "", "1", "true"],
                ["Child[2]", "", "1", "false"],
                ["Child[3]", "A", "1", "true"],
                ["Child[4]", "A", "1", "false"],
            ),
            "Assessments": table(
                [
                    "ChildKey",
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                ],
                ["Child[1]", "", "1", "1", "2024-06-01"],
                ["Child[2]", "", "1", "1", "2024-06-01"],
                ["Child[3]", "A", "1", "1", "2024-06-01"],
                ["Child[4]", "A", "1", "1", "2024-06-01"],
            ),
            "Section47": table(["LAchildID", "CINdetailsID", "S47ActualStartDate"]),
        },
        metadata={"file_format": "xml"},
        flagged={"Assessments": [0, 2]},
    ),
    Case(
        "in a CSV extract a blank LA child ID ties an assessment to no episode",
        tables={
            "CINdetails": table(["LAchildID", "CINdetailsID", "ReferralNFA"], ["", "1", "true"]),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["", "1", "1", "2024-06-01"],
            ),
            "Section47": table(["LAchildID", "CINdetailsID", "S47ActualStartDate"]),
        },
    ),
]
