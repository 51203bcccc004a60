"""Rule 8772: UPN unknown reason UN7 for a child with a referral that led to further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, no, rows_paired
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8772",
    message=(
        "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN "
        "details is a referral going on to further action"
    ),
    tables=["ChildIdentifiers", "CINdetails"],
    fields=["UPNunknown", "ReferralNFA"],
    tags=["identifiers", "upn", "episodes"],
)
def nfa_upn_reason_with_further_action(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child whose UPN is unknown for reason UN7 although one of their referrals led to
    further action.

    UN7 means the child's only involvement was a referral with no further action. Both the
    child and each CIN episode with ReferralNFA false or 0 are flagged: give another reason or
    the UPN, or correct ReferralNFA.
    """
    # NOTE: the peer also flags episodes whose ReferralNFA is blank, and UN7 children with no
    # episode at all; the message asks for an episode "going on to further action", i.e. one
    # whose ReferralNFA says no. A blank ReferralNFA is rule 8568's finding.
    children = ctx.table("ChildIdentifiers").filter(
        pl.col("UPNunknown").is_in(ctx.codes("UPN_NFA"))
    )
    further_action = ctx.table("CINdetails").filter(no("ReferralNFA", ctx))
    pairs = children.select(CHILD_KEY, pl.col("_row").alias("_child_row")).join(
        further_action.select(CHILD_KEY, pl.col("_row").alias("_episode_row")), on=CHILD_KEY
    )
    # The child names each such episode, and each episode the child.
    return {
        "ChildIdentifiers": rows_paired(
            children, pairs, ("_child_row", "_episode_row"), "CINdetails"
        ),
        "CINdetails": rows_paired(
            further_action, pairs, ("_episode_row", "_child_row"), "ChildIdentifiers"
        ),
    }


CASES = [
    Case(
        "UN7 with an episode that led to further action flags the child and that episode",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPNunknown"],
                ["A", "UN7"],
                ["B", "UN7"],
                ["C", "UN6"],
                ["D", "un7"],
                ["E", ""],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "false"],
                ["A", "3", "1"],
                ["B", "1", "true"],
                ["B", "2", "1"],
                ["C", "1", "0"],
                ["D", "1", "0"],
                ["E", "1", "false"],
            ),
        },
        flagged={"ChildIdentifiers": [0], "CINdetails": [1]},
    ),
    Case(
        "a blank ReferralNFA or no episode at all is not further action",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPNunknown"],
                ["A", "UN7"],
                ["B", "UN7"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", ""],
                ["A", "2", "TRUE"],
                ["C", "1", "0"],
            ),
        },
    ),
    Case(
        "a child listed twice is flagged on each UN7 row, each episode once",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPNunknown"],
                ["A", "UN7"],
                ["A", "UN7"],
                ["A", "UN2"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "0"],
                ["A", "2", "0"],
            ),
        },
        flagged={"ChildIdentifiers": [0, 1], "CINdetails": [0, 1]},
        # Each listing of the child names each further-action episode, and each episode both.
        related=(
            ("CINdetails", 0, "ChildIdentifiers", 0),
            ("CINdetails", 0, "ChildIdentifiers", 1),
            ("CINdetails", 1, "ChildIdentifiers", 0),
            ("CINdetails", 1, "ChildIdentifiers", 1),
            ("ChildIdentifiers", 0, "CINdetails", 0),
            ("ChildIdentifiers", 0, "CINdetails", 1),
            ("ChildIdentifiers", 1, "CINdetails", 0),
            ("ChildIdentifiers", 1, "CINdetails", 1),
        ),
    ),
]
