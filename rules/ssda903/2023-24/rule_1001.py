"""Rule 1001: care leaver information for a young person who was never a relevant child."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    age_on,
    birthday,
    by_content,
    rule,
    table,
)

MESSAGE = (
    "The episodes recorded for this young person suggest they are not a relevant or a former "
    "relevant child and therefore should not have care leaver information completed."
)
# Children Act 1989 s.23A and the Care Leavers Regulations: 13 weeks looked after since 14.
RELEVANT_DAYS_SINCE_14 = 91


@rule(
    code="1001",
    message=MESSAGE,
    tables=["OC3", "Episodes", "Header", "Episodes_last"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_for_child_never_relevant(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given for a young person who was never a relevant child.

    Care leaver details are only returned for a young person looked after for at least 13 weeks
    after their 14th birthday and still looked after after their 16th, and not adopted: check the
    episode dates and reasons, and remove the OC3 details if the young person does not qualify.
    """
    # NOTE: the peer flags young people it cannot test (aged 20 or over, or an unreadable DOB), and
    # joins both years' episodes keeping their row numbers, so dropping one year's short breaks
    # drops the other year's episodes of the same number.
    # NOTE: a relevant or former relevant child was looked after for at least 13 weeks (91 days)
    # after their 14th birthday, and was still looked after after their 16th birthday; a child whose
    # last episode ended in adoption (E11, E12) is neither. Days are counted from this year's and
    # last year's episodes (short breaks, V3/V4, do not count); an episode in both files counts
    # once, and the latest one, if open, runs to 31 March. As DfE's note says, earlier episodes are
    # unknown, so the rule needs last year's episodes to run, and leaves out young people aged 20 or
    # over at 31 March and those with no episodes at all (rule 1002 reports those). A child without
    # a readable date of birth is not tested.
    columns = ["CHILD", "DECOM", "DEC", "LS", "REC"]
    episodes = (
        pl.concat(
            [
                ctx.table("Episodes").select(columns).with_columns(earlier=pl.lit(False)),
                ctx.history("Episodes").select(columns).with_columns(earlier=pl.lit(True)),
            ]
        )
        .filter(pl.col("DECOM").is_not_null())
        .sort(["CHILD", "DECOM", pl.col("DEC").is_null(), "earlier", "DEC", by_content()])
        # Equivalent mutant (ReplaceTrueWithFalse): nothing below depends on row order (windows
        # over CHILD, sums per child, semi joins).
        .unique(["CHILD", "DECOM"], keep="first", maintain_order=True)
        # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): blank DECOMs are gone, and no
        # DECOM is above its child's maximum, so >= the maximum is == the maximum.
        .with_columns(latest=pl.col("DECOM") == pl.col("DECOM").max().over("CHILD"))
        .with_columns(
            DEC=pl.when(pl.col("latest") & pl.col("DEC").is_null())
            .then(pl.lit(ctx.end))
            .otherwise(pl.col("DEC"))
        )
    )
    adopted = (
        episodes.filter(pl.col("latest") & pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))
        .select("CHILD")
        .unique()
    )
    dob = pl.col("DOB")
    births = (
        ctx.table("Header")
        .select("CHILD", "DOB", "_row")
        .filter(dob.is_not_null() & (age_on(dob, ctx.end) < 20))
        # A child in Header twice is taken at the earlier date of birth, whatever the order of the
        # rows.
        .sort("CHILD", "DOB")
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the rows
        # kept, and nothing below depends on row order.
        .unique("CHILD", keep="first", maintain_order=True)
    )

    def days_since(start: pl.Expr) -> pl.Expr:
        begins = pl.max_horizontal(pl.col("DECOM"), start)
        return (pl.col("DEC") - begins).dt.total_days().clip(lower_bound=0).fill_null(0)

    in_care = episodes.filter(~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False))
    care = (
        episodes.select("CHILD")
        .unique()
        # Equivalent mutant (ReplaceKeywordValue): a left join adds children with no date of
        # birth in `births`, and the cohort below keeps only children in `births`.
        .join(births, on="CHILD", how="inner")
        .join(in_care.select("CHILD", "DECOM", "DEC"), on="CHILD", how="left")
        # A blank CHILD never matches in the joins on CHILD above, so the windows and groups
        # over CHILD here never merge rows with a blank CHILD.
        .group_by("CHILD")
        .agg(
            since_14=days_since(birthday(dob, 14)).sum(),
            since_16=days_since(birthday(dob, 16)).sum(),
        )
    )
    relevant = (pl.col("since_14") >= RELEVANT_DAYS_SINCE_14) & (pl.col("since_16") >= 1)
    never_relevant = care.filter(~relevant).select("CHILD")
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    # The Header row whose date of birth was used is named beside the OC3 row.
    cohort = births.select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    ).join(pl.concat([never_relevant, adopted]), on="CHILD", how="semi")
    return ctx.table("OC3").filter(provided).join(cohort, on="CHILD", how="inner")


# Young people aged 18 at 31 March 2026 (born 10/06/2007): 14th birthday 10/06/2021, 16th
# birthday 10/06/2023.
HEADER = table(
    ["CHILD", "DOB"],
    ["1", "10/06/2007"],
    ["2", "10/06/2007"],
    ["3", "10/06/2007"],
    ["4", "10/06/2007"],
    ["5", "10/06/2007"],
    ["6", "10/06/2007"],
    ["7", "10/06/2007"],
    ["8", ""],
    ["9", "10/06/2005"],
)

CASES = [
    Case(
        "91 days since 14 and a day after 16 make a relevant child; 90 days or adoption do not",
        period="2025-26",
        tables={
            "Header": HEADER,
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["1", "12/03/2023", "11/06/2023", "C2", "E13"],
                ["2", "13/03/2023", "11/06/2023", "C2", "E13"],
                ["3", "12/03/2023", "10/06/2023", "C2", "E13"],
                ["4", "01/01/2024", "", "C2", ""],
                ["5", "12/03/2023", "11/06/2023", "V3", "E13"],
                ["6", "01/01/2024", "01/02/2024", "C2", "E11"],
                ["8", "01/01/2024", "01/02/2024", "C2", "E13"],
                ["9", "01/01/2024", "01/02/2024", "C2", "E13"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["4", "01/01/2024", "05/05/2024", "C2", "E13"],
                ["6", "02/02/2024", "01/03/2025", "C2", "E11"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "YES", "F1", "B1"],
                ["3", "YES", "F1", "B1"],
                ["4", "YES", "F1", "B1"],
                ["5", "YES", "F1", "B1"],
                ["6", "YES", "F1", "B1"],
                ["7", "YES", "F1", "B1"],
                ["8", "YES", "F1", "B1"],
                ["9", "YES", "F1", "B1"],
                ["2", "", "", ""],
                ["3", "", "F1", ""],
            ),
        },
        flagged={"OC3": [1, 2, 4, 5, 10]},
        related=(
            ("OC3", 1, "Header", 1),
            ("OC3", 2, "Header", 2),
            ("OC3", 4, "Header", 4),
            ("OC3", 5, "Header", 5),
            ("OC3", 10, "Header", 2),
        ),
    ),
    # 11: 91 days ending on the 14th birthday count nothing; 12: 91 days from the 14th birthday
    # count; 13: 91 days ending on the 16th birthday; 14: an episode before 14 takes nothing away;
    # 15: an open episode closed this year counts to its end; 16: an adoption before the latest
    # episode; 17/18: 20 on 31 March, and 20 the day after; 19/20: an unreadable date of birth;
    # 21: episodes but no header.
    Case(
        "days are counted from the day of the 14th and 16th birthdays; only under-20s are tested",
        period="2025-26",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["11", "10/06/2007"],
                ["12", "10/06/2007"],
                ["13", "10/06/2007"],
                ["14", "10/06/2007"],
                ["15", "10/06/2007"],
                ["16", "10/06/2007"],
                ["17", "31/03/2006"],
                ["18", "01/04/2006"],
                ["19", "31/02/2007"],
                ["20", "2007-06-10"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["11", "11/03/2021", "10/06/2021", "C2", "E13"],
                ["11", "10/06/2023", "11/06/2023", "C2", "E13"],
                ["12", "10/06/2021", "09/09/2021", "C2", "E13"],
                ["12", "10/06/2023", "11/06/2023", "C2", "E13"],
                ["13", "11/03/2023", "10/06/2023", "C2", "E13"],
                ["14", "01/01/2021", "01/02/2021", "C2", "E13"],
                ["14", "12/03/2023", "11/06/2023", "C2", "E13"],
                ["15", "01/03/2025", "", "C2", ""],
                ["16", "01/01/2024", "01/02/2024", "C2", "E11"],
                ["16", "02/02/2024", "01/06/2024", "C2", "E13"],
                ["21", "01/01/2024", "01/02/2024", "C2", "E13"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["15", "01/03/2025", "30/04/2025", "C2", "E13"],
                ["17", "01/05/2025", "01/06/2025", "C2", "E13"],
                ["18", "01/05/2025", "01/06/2025", "C2", "E13"],
                ["19", "01/05/2025", "01/06/2025", "C2", "E13"],
                ["20", "01/05/2025", "01/06/2025", "C2", "E13"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["11", "YES", "F1", "B1"],
                ["12", "YES", "F1", "B1"],
                ["13", "YES", "F1", "B1"],
                ["14", "YES", "F1", "B1"],
                ["15", "YES", "F1", "B1"],
                ["16", "YES", "F1", "B1"],
                ["17", "YES", "F1", "B1"],
                ["18", "YES", "F1", "B1"],
                ["19", "YES", "F1", "B1"],
                ["20", "YES", "F1", "B1"],
                ["21", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0, 2, 4, 7]},
    ),
    # 22: two Header rows, the first readable date of birth is used; 23: a blank LS counts as
    # care; 24/25: an earlier episode left open counts no days (91 days since 14 and one since 16;
    # 91 since 14 and none since 16); 26: this year's dates win for an episode in both files;
    # 27: 21 at 31 March is not tested.
    Case(
        "several records per child: first date of birth, this year's dates, open earlier episodes",
        period="2025-26",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["22", "10/06/2007"],
                ["22", "10/06/2009"],
                ["23", "10/06/2007"],
                ["24", "10/06/2007"],
                ["25", "10/06/2007"],
                ["26", "10/06/2007"],
                ["27", "10/06/2004"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["22", "01/07/2023", "30/11/2023", "C2", "E13"],
                ["23", "10/06/2021", "09/09/2021", "", "E13"],
                ["23", "10/06/2023", "11/06/2023", "", "E13"],
                ["24", "01/01/2021", "", "C2", ""],
                ["24", "10/06/2021", "08/09/2021", "C2", "E13"],
                ["24", "10/06/2023", "11/06/2023", "C2", "E13"],
                ["25", "01/01/2021", "", "C2", ""],
                ["25", "11/03/2023", "10/06/2023", "C2", "E13"],
                ["26", "10/06/2021", "11/06/2021", "C2", "E13"],
                ["26", "10/06/2023", "11/06/2023", "C2", "E13"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["26", "10/06/2021", "09/09/2021", "C2", "E13"],
                ["27", "01/05/2025", "01/06/2025", "C2", "E13"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["22", "YES", "F1", "B1"],
                ["23", "YES", "F1", "B1"],
                ["24", "YES", "F1", "B1"],
                ["25", "YES", "F1", "B1"],
                ["26", "YES", "F1", "B1"],
                ["27", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [3]},
        related=(("OC3", 3, "Header", 4),),
    ),
]
