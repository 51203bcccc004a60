"""Rule 8775Q: a child over 25 with a CIN episode open after their 25th birthday."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, rows_paired
from csc_validate.collections.cin.rulekit.episodes import is_open
from csc_validate.rulekit import Case, RuleContext, birthday, rule, table, years_before

AGE_LIMIT = 25


@rule(
    code="8775Q",
    message="Please check and either amend data or provide a reason: Child is over 25 years old",
    severity="query",
    tables=["ChildIdentifiers", "CINdetails"],
    fields=["PersonBirthDate", "CINclosureDate"],
    tags=["dates", "identifiers", "episodes"],
)
def child_over_25_with_episode(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child over 25 at the end of the census year whose CIN episode was open after they
    turned 25.

    The child and each such episode (still open, or closed after the 25th birthday) are
    flagged. Check the date of birth, and the closure date of the episode.
    """
    # DfE: born before the reference date minus 25 years, and the closure date after the 25th
    # birthday or blank. A blank or unreadable date of birth is null and not flagged; an
    # unreadable closure date is not blank (the episode was closed), so it is not flagged.
    born_before = pl.lit(years_before(ctx.end, AGE_LIMIT), dtype=pl.Date)
    children = ctx.table("ChildIdentifiers").filter(pl.col("PersonBirthDate") < born_before)
    after_25 = is_open() | (
        pl.col("CINclosureDate") > birthday(pl.col("PersonBirthDate"), AGE_LIMIT)
    )
    # One pair for each episode open after the 25th birthday of each listing of its child.
    pairs = (
        ctx.table("CINdetails")
        .join(
            children.select(CHILD_KEY, "PersonBirthDate", pl.col("_row").alias("_child_row")),
            on=CHILD_KEY,
            how="inner",
        )
        .filter(after_25)
    )
    # The child names each such episode, and each episode the child.
    return {
        "ChildIdentifiers": rows_paired(children, pairs, ("_child_row", "_row"), "CINdetails"),
        "CINdetails": rows_paired(
            ctx.table("CINdetails"), pairs, ("_row", "_child_row"), "ChildIdentifiers"
        ),
    }


CHILDREN = ["LAchildID", "PersonBirthDate"]
EPISODES = ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"]

CASES = [
    Case(
        "born the day before the reference date 25 years back is over 25, that day is not",
        tables={
            "ChildIdentifiers": table(
                CHILDREN,
                ["A", "2000-03-30"],
                ["B", "2000-03-31"],
                ["C", ""],
                ["D", "2000-02-30"],
            ),
            "CINdetails": table(
                EPISODES,
                ["A", "1", "2024-05-01", ""],
                ["B", "1", "2024-05-01", ""],
                ["C", "1", "2024-05-01", ""],
                ["D", "1", "2024-05-01", ""],
            ),
        },
        flagged={"ChildIdentifiers": [0], "CINdetails": [0]},
        period="2024-25",
    ),
    Case(
        "an episode closed after the 25th birthday is flagged, one closed on it is not",
        tables={
            "ChildIdentifiers": table(
                CHILDREN,
                ["A", "2000-01-15"],
                ["B", "2000-01-15"],
                ["C", "2000-01-15"],
                ["D", "2000-01-15"],
            ),
            "CINdetails": table(
                EPISODES,
                ["A", "1", "2024-05-01", "2025-01-15"],
                ["B", "1", "2024-05-01", "2025-01-16"],
                ["C", "1", "2024-05-01", "2024-12-01"],
                ["D", "1", "2024-05-01", "2025-02-30"],
            ),
        },
        flagged={"ChildIdentifiers": [1], "CINdetails": [1]},
        period="2024-25",
    ),
    Case(
        "only the child's episodes open after 25 are flagged, the child once",
        tables={
            "ChildIdentifiers": table(
                CHILDREN,
                ["A", "1999-06-01"],
                ["B", "1999-06-01"],
            ),
            "CINdetails": table(
                EPISODES,
                ["A", "1", "2024-01-10", "2024-02-01"],
                ["A", "2", "2024-06-01", ""],
                ["A", "3", "2024-07-01", "2024-08-01"],
                ["B", "1", "2024-01-10", "2024-05-31"],
            ),
        },
        flagged={"ChildIdentifiers": [0], "CINdetails": [1, 2]},
        # The child names its episodes open after 25, and each of those the child.
        related=(
            ("CINdetails", 1, "ChildIdentifiers", 0),
            ("CINdetails", 2, "ChildIdentifiers", 0),
            ("ChildIdentifiers", 0, "CINdetails", 1),
            ("ChildIdentifiers", 0, "CINdetails", 2),
        ),
        period="2024-25",
    ),
    Case(
        "a 29 February birthday turns 25 on 1 March in a common year",
        tables={
            "ChildIdentifiers": table(CHILDREN, ["A", "2000-02-29"], ["B", "2000-02-29"]),
            "CINdetails": table(
                EPISODES,
                ["A", "1", "2024-05-01", "2025-03-01"],
                ["B", "1", "2024-05-01", "2025-03-02"],
            ),
        },
        flagged={"ChildIdentifiers": [1], "CINdetails": [1]},
        period="2024-25",
    ),
    Case(
        "a child listed twice is flagged on the row over 25, each episode once",
        tables={
            "ChildIdentifiers": table(
                CHILDREN,
                ["A", "1990-01-01"],
                ["A", "1990-01-01"],
                ["A", "2010-01-01"],
            ),
            "CINdetails": table(EPISODES, ["A", "1", "2024-05-01", ""]),
        },
        flagged={"ChildIdentifiers": [0, 1], "CINdetails": [0]},
        # The episode names both listings of its child; each listing names it.
        related=(
            ("CINdetails", 0, "ChildIdentifiers", 0),
            ("CINdetails", 0, "ChildIdentifiers", 1),
            ("ChildIdentifiers", 0, "CINdetails", 0),
            ("ChildIdentifiers", 1, "CINdetails", 0),
        ),
        period="2024-25",
    ),
]
