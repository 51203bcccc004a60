"""Rule 8890: Section 47 enquiry starting while another enquiry of the episode is ongoing."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE
from csc_validate.collections.cin.rulekit.enquiries import conference_pending
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="8890",
    message=(
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"
    ),
    tables=["Section47"],
    fields=["S47ActualStartDate"],
    tags=["dates", "section47", "conferences"],
)
def enquiry_starts_during_another(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry starts while another enquiry in the same CIN episode is ongoing.

    An enquiry is ongoing from its start date up to its initial child protection conference
    (both days included), or up to the census reference date (31 March) when it has no
    conference date and is not marked "ICPC not required". An enquiry marked ICPC not required
    with no conference date is not treated as ongoing. Correct the dates, or merge the two
    enquiries if they are one.
    """
    # DfE coding: each S47ActualStartDate must not fall on or between a) the start and the
    # conference of any other Section 47 group with a conference date, or b) the start and the
    # reference date of any other group with no conference date and ICPCnotRequired not true.
    # The enquiry that starts during the other is flagged; the peer flags the other as well.
    # NOTE: "other" means another row: the peer tells rows apart by their dates, so two
    # identical records (a duplicated enquiry) pass there and are flagged here.
    ongoing_until = (
        pl.when(pl.col("DateOfInitialCPC").is_not_null())
        .then(pl.col("DateOfInitialCPC"))
        .when(conference_pending(ctx))
        .then(pl.lit(ctx.end, dtype=pl.Date))
    )
    enquiries = ctx.table("Section47")
    others = enquiries.select(
        *EPISODE,
        # The enquiry names each enquiry it starts during.
        pl.col("_row").alias(RELATED_ROW),
        pl.col("S47ActualStartDate").alias("other_start"),
        ongoing_until.alias("other_end"),
    )
    start = pl.col("S47ActualStartDate")
    return (
        # Equivalent mutant (ReplaceKeywordValue): every row matches itself, so only a blank key
        # goes unmatched; a left join gives it a null other row, which the filter drops.
        enquiries.join(others, on=EPISODE, how="inner")
        .filter(pl.col("_row") != pl.col(RELATED_ROW))
        .filter(start.is_between(pl.col("other_start"), pl.col("other_end"), closed="both"))
    )


S47_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "S47ActualStartDate",
    "DateOfInitialCPC",
    "ICPCnotRequired",
]

CASES = [
    Case(
        "an enquiry starting on or between another's start and conference is flagged",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-05-01", "2024-05-20", "false"],
                ["A", "1", "2024-05-20", "2024-06-05", "false"],
                ["B", "1", "2024-05-01", "2024-05-20", "false"],
                ["B", "1", "2024-05-21", "2024-06-05", "false"],
                ["C", "1", "2024-05-01", "2024-05-20", "false"],
                ["C", "1", "2024-05-01", "2024-05-20", "false"],
                ["D", "1", "2024-05-01", "2024-05-20", "false"],
                ["D", "2", "2024-05-10", "2024-05-30", "false"],
            ),
        },
        flagged={"Section47": [1, 4, 5]},
        # Each enquiry names the one it starts during.
        related=(
            ("Section47", 1, "Section47", 0),
            ("Section47", 4, "Section47", 5),
            ("Section47", 5, "Section47", 4),
        ),
        period="2024-25",
    ),
    Case(
        "an enquiry awaiting its conference is ongoing up to 31 March",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2025-03-01", "", "false"],
                ["A", "1", "2025-03-31", "", "true"],
                ["B", "1", "2025-03-01", "", ""],
                ["B", "1", "2025-04-01", "2025-04-10", "false"],
                ["C", "1", "2024-02-01", "", "true"],
                ["C", "1", "2024-05-01", "", "true"],
                ["D", "1", "2024-02-01", "2024-02-31", "false"],
                ["D", "1", "2024-02-10", "2024-02-20", "false"],
            ),
        },
        flagged={"Section47": [1]},
        period="2024-25",
    ),
    Case(
        "blank start dates are not compared",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "", "2024-05-20", "false"],
                ["A", "1", "2024-05-10", "2024-06-05", "false"],
                ["B", "1", "2024-05-01", "2024-05-20", "false"],
                ["B", "1", "", "2024-06-05", "false"],
            ),
        },
        period="2024-25",
    ),
]
