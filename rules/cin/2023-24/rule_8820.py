"""Rule 8820: two CIN episodes of one child overlap."""

import datetime as dt

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, no, rows_paired
from csc_validate.collections.cin.rulekit.episodes import is_open
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8820",
    message="The dates on the CIN episodes for this child overlap",
    tables=["CINdetails"],
    fields=["CINreferralDate", "CINclosureDate"],
    tags=["dates", "episodes"],
)
def overlapping_episodes(ctx: RuleContext) -> pl.LazyFrame:
    """Both CIN episodes of a child when one starts while the other is still running.

    An episode runs from its referral date to the day before its closure date, so one episode
    may start on the day the previous one closed. An open episode that led to further action
    (ReferralNFA false or 0) runs to the census reference date, 31 March. Check the referral
    and closure dates of the two episodes.
    """
    details = ctx.table("CINdetails")
    # The day after an episode's last day: its closure date (a referral on that day is
    # allowed), or the day after the reference date for an open episode that led to further
    # action. An open NFA episode, or one whose closure date is unreadable, contains no other
    # referral; a blank or unreadable referral date gives null and is left out.
    open_to_census_end = is_open() & no("ReferralNFA", ctx)
    after_end = pl.lit(ctx.end + dt.timedelta(days=1), dtype=pl.Date)
    spans = details.select(
        "_row",
        CHILD_KEY,
        pl.col("CINreferralDate").alias("other_referral"),
        pl.when(open_to_census_end)
        .then(after_end)
        .otherwise(pl.col("CINclosureDate"))
        .alias("other_until"),
    )
    referral = pl.col("CINreferralDate")
    pairs = details.join(spans, on=CHILD_KEY, suffix="_other").filter(
        (pl.col("_row") != pl.col("_row_other"))
        & (referral >= pl.col("other_referral"))
        & (referral < pl.col("other_until"))
    )
    # NOTE: like the peer, both episodes of an overlapping pair are flagged. The peer does not
    # count a referral on the reference date itself as inside an open episode; DfE's "between
    # the referral date and the reference date" takes that day in, as the episode is still open.
    # Each episode of a pair names the other.
    return pl.concat(
        [
            rows_paired(details, pairs, ("_row", "_row_other")),
            rows_paired(details, pairs, ("_row_other", "_row")),
        ]
    )


CASES = [
    Case(
        "a referral inside another closed episode flags both; on its closure day it does not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "2024-06-01", "false"],
                ["A", "2", "2024-05-31", "2024-08-01", "false"],
                ["B", "1", "2024-05-01", "2024-06-01", "false"],
                ["B", "2", "2024-06-01", "2024-08-01", "false"],
                ["C", "1", "2024-05-01", "2024-06-01", "false"],
                ["C", "2", "2024-05-01", "2024-05-20", "false"],
                ["D", "1", "2024-05-01", "2024-06-01", "false"],
                ["D", "2", "2024-04-30", "2024-05-01", "false"],
            )
        },
        flagged={"CINdetails": [0, 1, 4, 5]},
        period="2024-25",
    ),
    Case(
        "an open further-action episode runs to 31 March; an open NFA episode does not run on",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2024-05-01", "", "false"],
                ["A", "2", "2025-03-31", "", "false"],
                ["B", "1", "2024-05-01", "", "0"],
                ["B", "2", "2025-04-01", "", "0"],
                ["C", "1", "2024-05-01", "", "true"],
                ["C", "2", "2024-06-01", "2024-07-01", "false"],
                ["D", "1", "2024-05-01", "", ""],
                ["D", "2", "2024-06-01", "", "1"],
                ["E", "1", "2024-05-01", "2024-07-01", "false"],
                ["E", "2", "2024-06-01", "", "true"],
            )
        },
        flagged={"CINdetails": [0, 1, 8, 9]},
        period="2024-25",
    ),
    Case(
        "blank or unreadable dates are not compared; other children's episodes are not mixed",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2023-05-01", "2023-02-30", "false"],
                ["A", "2", "2023-06-01", "2023-07-01", "false"],
                ["B", "1", "", "2023-08-01", "false"],
                ["B", "2", "2023-06-01", "2023-07-01", "false"],
                ["C", "1", "2023-05-01", "2023-08-01", "false"],
                ["D", "1", "2023-06-01", "2023-07-01", "false"],
                ["", "1", "2023-05-01", "2023-08-01", "false"],
                ["", "1", "2023-06-01", "2023-07-01", "false"],
            )
        },
        flagged={"CINdetails": []},
        period="2023-24",
    ),
    Case(
        "three episodes: each overlapping pair is flagged, every row once",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "1", "2023-05-01", "2023-09-01", "false"],
                ["A", "2", "2023-06-01", "2023-07-01", "false"],
                ["A", "3", "2023-08-01", "", "false"],
                ["A", "4", "2023-04-10", "2023-05-01", "false"],
            )
        },
        flagged={"CINdetails": [0, 1, 2]},
        # Each episode names the ones it overlaps; the two that do not overlap are not paired.
        related=(
            ("CINdetails", 0, "CINdetails", 1),
            ("CINdetails", 0, "CINdetails", 2),
            ("CINdetails", 1, "CINdetails", 0),
            ("CINdetails", 2, "CINdetails", 0),
        ),
        period="2023-24",
    ),
    Case(
        "a referral inside an episode listed after it flags both, whatever the listing order",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "ReferralNFA"],
                ["A", "2", "2024-05-31", "2024-08-01", "false"],
                ["A", "1", "2024-05-01", "2024-06-01", "false"],
            )
        },
        flagged={"CINdetails": [0, 1]},
        period="2024-25",
    ),
    Case(
        "in the XML episodes overlap only within one Child element, whatever the LA child IDs",
        tables={
            "CINdetails": table(
                ["ChildKey", "LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["Child[1]", "", "1", "2024-05-01", "2024-07-01"],
                ["Child[2]", "", "1", "2024-06-01", "2024-08-01"],
                ["Child[3]", "A", "1", "2024-05-01", "2024-07-01"],
                ["Child[3]", "A", "2", "2024-06-01", "2024-08-01"],
                ["Child[4]", "A", "1", "2024-06-15", "2024-06-20"],
            ),
        },
        metadata={"file_format": "xml"},
        flagged={"CINdetails": [2, 3]},
        period="2024-25",
    ),
    Case(
        "in a CSV extract episodes with a blank LA child ID are never one child's",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["", "1", "2024-05-01", "2024-07-01"],
                ["", "2", "2024-06-01", "2024-08-01"],
            ),
        },
        period="2024-25",
    ),
]
