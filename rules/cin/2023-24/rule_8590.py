"""Rule 8590: a child with no CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8590",
    message="Child does not have a recorded CIN episode.",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["episodes", "integrity"],
)
def child_without_cin_episode(ctx: RuleContext) -> pl.LazyFrame:
    """A child in ChildIdentifiers with no CIN episode (CINdetails) under the same LAchildID.

    Every child in the census needs at least one CIN episode; add the episode, or remove the
    child if they were not a child in need during the year.
    """
    episodes = ctx.table("CINdetails").select(CHILD).unique()
    # NOTE: a blank LAchildID is rule 8500's finding; such a child cannot be matched to its
    # episodes, so it is left out here rather than flagged for a second reason.
    children = ctx.table("ChildIdentifiers").filter(pl.col(CHILD).is_not_null())
    return children.join(episodes, on=CHILD, how="anti")


CASES = [
    Case(
        "a child with no episode is flagged; one with one or several episodes is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2015-01-01"],
                ["B", "2016-01-01"],
                ["C", "2017-01-01"],
                ["", "2018-01-01"],
                ["c", "2019-01-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-05-01"],
                ["A", "2", "2024-08-01"],
                ["C", "1", "2024-05-01"],
            ),
        },
        flagged={"ChildIdentifiers": [1, 4]},
    ),
    Case(
        "a child listed twice with no episode is flagged on both rows, once each",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2015-01-01"],
                ["A", "2016-01-01"],
                ["B", "2017-01-01"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["B", "1", "2024-05-01"],
                ["Z", "1", "2024-05-01"],
            ),
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
