"""Rule 8590: a child with no CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, untied
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8590",
    message="Child does not have a recorded CIN episode.",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["episodes", "integrity"],
)
def child_without_cin_episode(ctx: RuleContext) -> pl.LazyFrame:
    """A child in ChildIdentifiers with no CIN episode (CINdetails) of its own.

    Every child in the census needs at least one CIN episode; add the episode, or remove the
    child if they were not a child in need during the year.
    """
    episodes = ctx.table("CINdetails").select(CHILD_KEY).unique()
    # Matched by the Child element, so a child with a blank or repeated LAchildID (rules 8500
    # and 8510) is judged on its own episodes. In a CSV extract a blank LAchildID ties the child
    # to no episode at all: such a child is left to rule 8500 rather than flagged here too.
    children = ctx.table("ChildIdentifiers").filter(~untied())
    return children.join(episodes, on=CHILD_KEY, how="anti")


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
    Case(
        "in the XML a child's own episodes count, whatever the LA child IDs",
        tables={
            "ChildIdentifiers": table(
                ["ChildKey", "LAchildID", "PersonBirthDate"],
                ["Child[1]", "", "2015-01-01"],
                ["Child[2]", "", "2016-01-01"],
                ["Child[3]", "A", "2017-01-01"],
                ["Child[4]", "A", "2018-01-01"],
            ),
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate"],
                ["Child[1]", "", "1", "2024-05-01"],
                ["Child[3]", "A", "1", "2024-05-01"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"ChildIdentifiers": [1, 3]},
    ),
]
