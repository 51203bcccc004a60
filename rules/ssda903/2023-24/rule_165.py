"""Rule 165: mother status is not 0 or 1, given for a male child, or missing for a female."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import Case, RuleContext, rule, table

CARE_LEAVER = ["IN_TOUCH", "ACTIV", "ACCOM"]


@rule(
    code="165",
    message="Data entry for mother status is invalid.",
    tables=["Header", "Episodes", "OC3"],
    fields=["MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"],
    tags=["codes", "mothers"],
)
def mother_status_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """The 'mother' status (MOTHER) is not 0 or 1, is given for a boy, or is missing for a girl.

    Record 1 if the young woman is a mother, otherwise 0, for every girl looked after in the year;
    leave it blank for a boy, and check the child's sex if it looks wrong.
    """
    # NOTE: DfE's coding: if provided, MOTHER must be valid (and the child female); if not provided,
    # the child is male, or has no episode in the current year and has IN_TOUCH, ACTIV or ACCOM (she
    # only has care-leaver data). An episode is in the year when it starts by 31 March and is open
    # on or ends after 1 April. DfE's coding predates the unknown sex (U, from 2024-25), which it
    # would fail whether MOTHER is given or not, so a child whose sex is neither male nor female (U
    # or blank) is only checked for a valid code. A girl looked after in the year only under short
    # breaks (V3/V4) is not asked for MOTHER: rule 399 requires it blank for her, and DfE's rules
    # 393 and 607 leave short breaks out in the same way. The Header record is blamed.
    # NOTE: the peer still compares SEX with 1/2, DfE's codes before M/F/U (2024-25).
    in_year = (
        ctx.table("Episodes")
        .filter(
            (pl.col("DECOM") <= ctx.end) & (pl.col("DEC").is_null() | (pl.col("DEC") >= ctx.start))
        )
        .group_by(child_of_row())
        .agg(only_short_breaks=pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False).all())
        .with_columns(has_episode=pl.lit(True))
    )
    care_leavers = (
        ctx.table_or_empty("OC3")
        .filter(pl.any_horizontal([pl.col(c).is_not_null() for c in CARE_LEAVER]))
        .select("CHILD")
        .unique()
        .with_columns(has_oc3=pl.lit(True))
    )
    header = (
        ctx.table("Header")
        .join(in_year, on="CHILD", how="left")
        .join(care_leavers, on="CHILD", how="left")
    )
    mother = pl.col("MOTHER")
    male = pl.col("SEX").is_in(ctx.codes("SEX_MALE")).fill_null(False)
    female = pl.col("SEX").is_in(ctx.codes("SEX_FEMALE")).fill_null(False)
    only_care_leaver = ~pl.col("has_episode").fill_null(False) & pl.col("has_oc3").fill_null(False)
    not_a_code = mother.is_not_null() & ~mother.is_in(ctx.codes("MOTHER"))
    given_for_male = mother.is_not_null() & male
    short_breaks = pl.col("only_short_breaks").fill_null(False)
    missing_for_female = mother.is_null() & female & ~only_care_leaver & ~short_breaks
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): given_for_male and missing_for_female
    # are never null and never both true (one needs MOTHER given, the other blank).
    return header.filter(not_a_code | given_for_male | missing_for_female)


def _cases(male: str, female: str, unknown: str, years: tuple[str, ...]) -> list[Case]:
    return [
        Case(
            f"MOTHER not 0 or 1 is flagged, and any MOTHER for a boy (sex {male}/{female})",
            tables={
                "Header": table(
                    ["CHILD", "SEX", "MOTHER"],
                    ["1", female, "1"],
                    ["2", female, "0"],
                    ["3", female, "2"],
                    ["4", male, "0"],
                    ["5", male, ""],
                    ["11", "", "1"],
                    ["18", male, "2"],
                ),
                "Episodes": table(["CHILD", "DECOM", "DEC", "LS"], ["1", "01/01/2020", "", "C2"]),
            },
            flagged={"Header": [2, 3, 6]},
            period="2023-24",
            years=years,
        ),
        Case(
            f"blank MOTHER for a girl looked after on 1 April or 31 March is flagged ({female})",
            tables={
                "Header": table(
                    ["CHILD", "SEX", "MOTHER"],
                    ["6", female, ""],
                    ["7", female, ""],
                    ["8", female, ""],
                    ["10", unknown, ""],
                    ["14", female, ""],
                    ["15", female, ""],
                ),
                "Episodes": table(
                    ["CHILD", "DECOM", "DEC", "LS"],
                    ["6", "01/01/2020", "01/04/2023", "C2"],
                    ["7", "01/01/2020", "31/03/2023", "C2"],
                    ["8", "01/04/2024", "", "C2"],
                    ["10", "01/01/2020", "", "C2"],
                    ["14", "31/03/2024", "", "C2"],
                    ["15", "01/01/2020", "31/02/2024", "C2"],
                ),
                "OC3": table(
                    ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                    ["6", "YES", "F1", "B1"],
                    ["7", "YES", "F1", "B1"],
                    ["8", "NO", "G4", "B2"],
                    ["14", "YES", "F1", "B1"],
                    ["15", "YES", "F1", "B1"],
                ),
            },
            flagged={"Header": [0, 4, 5]},
            period="2023-24",
            years=years,
        ),
        Case(
            f"a girl with only care-leaver data is not asked; a blank OC3 row is none ({female})",
            tables={
                "Header": table(["CHILD", "SEX", "MOTHER"], ["9", female, ""], ["17", female, ""]),
                "Episodes": table(
                    ["CHILD", "DECOM", "DEC", "LS"], ["17", "01/01/2020", "31/03/2023", "C2"]
                ),
                "OC3": table(
                    ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                    ["9", "", "", ""],
                    ["17", "YES", "", ""],
                ),
            },
            flagged={"Header": [0]},
            period="2023-24",
            years=years,
        ),
        Case(
            f"a girl only on short breaks is not asked; a blank legal status is no short break "
            f"({female})",
            tables={
                "Header": table(
                    ["CHILD", "SEX", "MOTHER"],
                    ["12", female, ""],
                    ["13", female, ""],
                    ["16", female, ""],
                ),
                "Episodes": table(
                    ["CHILD", "DECOM", "DEC", "LS"],
                    ["12", "01/06/2023", "03/06/2023", "V3"],
                    ["13", "01/06/2023", "03/06/2023", "V3"],
                    ["13", "01/07/2023", "", "C2"],
                    ["16", "01/06/2023", "", ""],
                ),
            },
            flagged={"Header": [1, 2]},
            period="2023-24",
            years=years,
        ),
    ]


CASES = [
    *_cases("1", "2", "", ("2023-24",)),
    *_cases("M", "F", "U", ("2024-25", "2025-26", "2026-27")),
]
