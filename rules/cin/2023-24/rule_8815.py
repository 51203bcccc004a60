"""Rule 8815: a child has more than one open CIN episode that led to further action."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
from csc_validate.collections.cin.rulekit.episodes import open_with_further_action
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8815",
    message=(
        "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
        "provided for this child and case is not a referral with no further action."
    ),
    tables=["CINdetails"],
    fields=["ReferralNFA", "CINclosureDate"],
    tags=["episodes"],
)
def several_open_episodes_with_further_action(ctx: RuleContext) -> pl.LazyFrame:
    """Every open further-action CIN episode of a child who has more than one.

    An open episode has no closure date; further action means ReferralNFA false or 0. A child
    can have only one such episode open: close the earlier ones. Several open episodes that
    were referrals with no further action are allowed.
    """
    open_episodes = ctx.table("CINdetails").filter(open_with_further_action(ctx))
    # Each open episode names the child's other open ones.
    keyed = open_episodes.select(CHILD_KEY, "_row")
    pairs = keyed.join(keyed.rename({"_row": "_other_row"}), on=CHILD_KEY).filter(
        pl.col("_row") != pl.col("_other_row")
    )
    return rows_paired(open_episodes, pairs, ("_row", "_other_row"))


CASES = [
    Case(
        "two open episodes with further action are both flagged",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "", "false"],
                ["A", "2", "2024-06-01", "", "0"],
                ["A", "3", "2024-04-02", "2024-04-30", "false"],
                ["B", "1", "2024-05-01", "", "false"],
                ["B", "2", "2024-06-01", "2024-07-01", "false"],
                ["C", "1", "2024-05-01", "", "0"],
                ["C", "2", "2024-06-01", "", "1"],
                ["C", "3", "2024-07-01", "", "true"],
            )
        },
        flagged={"CINdetails": [0, 1]},
    ),
    Case(
        "an unreadable closure date closes an episode; a blank NFA flag is not further action",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "2024-02-30", "false"],
                ["A", "2", "2024-06-01", "", "false"],
                ["B", "1", "2024-05-01", "", ""],
                ["B", "2", "2024-06-01", "", "false"],
                ["C", "1", "2024-05-01", "", "false"],
                ["C", "2", "2024-06-01", "", "0"],
                ["C", "3", "2024-07-01", " ", "0"],
                ["", "1", "2024-05-01", "", "0"],
                ["", "1", "2024-06-01", "", "0"],
            )
        },
        flagged={"CINdetails": [4, 5, 6]},
        # Each open further-action episode names the child's other ones.
        related=(
            ("CINdetails", 4, "CINdetails", 5),
            ("CINdetails", 4, "CINdetails", 6),
            ("CINdetails", 5, "CINdetails", 4),
            ("CINdetails", 5, "CINdetails", 6),
            ("CINdetails", 6, "CINdetails", 4),
            ("CINdetails", 6, "CINdetails", 5),
        ),
    ),
    Case(
        "in the XML open episodes are counted by Child element, whatever the LA child IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate", "ReferralNFA"],
                ["Child[1]", "", "1", "2024-05-01", "false"],
                ["Child[1]", "", "2", "2024-06-01", "false"],
                ["Child[2]", "", "1", "2024-05-01", "false"],
                ["Child[3]", "", "1", "2024-05-01", "false"],
                ["Child[4]", "A", "1", "2024-05-01", "false"],
                ["Child[5]", "A", "1", "2024-05-01", "false"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINdetails": [0, 1]},
    ),
]
