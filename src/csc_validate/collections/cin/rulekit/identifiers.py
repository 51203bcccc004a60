"""What the CIN child-identifier rules share: UPN characters, repeats, sex, and UPN reasons.

A UPN is 13 characters: a check letter, a three-digit LA code, eight digits and a final digit or
letter (a letter marks a temporary UPN). The code-type columns (UPN, FormerUPN, GenderCurrent,
Sex, UPNunknown) arrive trimmed, and are compared exactly as written: DfE's XML schema lists
them case-sensitively, so a lower-case entry is not a code.
From 2024-25 Sex (M, F, U) replaces GenderCurrent (0, 1, 2, 9); the rules that changed with it
name the column and take the year's codes from the context.
"""

import datetime as dt

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, no
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, RuleContext, raw_name, whole_table_when

UPN = "UPN"
# Weights start at 2 for UPN character 2 (DfE's check-letter algorithm).
FIRST_WEIGHT = 2


def upn_character(upn: pl.Expr, position: int, count: int = 1) -> pl.Expr:
    """UPN characters from `position` (1-based, as DfE counts them), `count` of them; shorter
    (or empty) where the UPN ends first."""
    return upn.str.slice(position - 1, count)


def upn_check_letter(upn: pl.Expr, ctx: RuleContext) -> pl.Expr:
    """The check letter DfE's algorithm gives for a UPN's characters 2-13; null where the UPN is
    not 13 characters, characters 2-12 are not all digits or character 13 is neither a digit nor
    a letter of the check-letter table.

    Characters 2-12 are weighted 2 to 12 and character 13 weight 13 (a letter there counts as its
    place in the table: A=0, B=1, ..., Z=22); the check letter is the table's letter at the sum's
    remainder after division by 23.
    """
    letters = ctx.codes("UPN_CHECK_LETTERS")
    digits = upn_character(upn, 2, 11).str.split("")
    weighted = digits.list.eval(
        # Equivalent mutant (ReplaceFalseWithTrue): polars works out the `then` branch below only
        # where `readable`, where characters 2-12 are ASCII digits, so a strict cast never fails.
        pl.element().cast(pl.Int64, strict=False) * (pl.int_range(pl.len()) + FIRST_WEIGHT)
    ).list.sum()
    # DfE's UPN guide: a temporary UPN's final letter counts as its value in the same table.
    # Equivalent mutant (NumberReplacer): range(11) adds the key "10", which a single character
    # never equals.
    final_values = {str(digit): digit for digit in range(10)} | {
        letter: value for value, letter in enumerate(letters)
    }
    final = upn_character(upn, 13).replace_strict(final_values, default=None, return_dtype=pl.Int64)
    remainder = (weighted + final * 13) % len(letters)
    # [0-9], not \d: polars' \d also matches other scripts' digits (full-width 1, Arabic-Indic
    # 1), which the cast cannot read; the letter would then come from a sum missing a digit.
    readable = upn.str.contains(r"^.[0-9]{11}.$") & final.is_not_null()
    table = pl.lit(pl.Series([letters]))
    # Equivalent mutant (ReplaceTrueWithFalse): a remainder after division by len(letters) is
    # always an index of the table, never out of bounds.
    return pl.when(readable).then(table.list.get(remainder, null_on_oob=True))


def is_written(column: str) -> pl.Expr:
    """True where a date cell holds text, readable or not: the item was provided."""
    return pl.col(raw_name(column)).is_not_null()


def is_unborn() -> pl.Expr:
    """True for an unborn child: an expected date of birth given and no date of birth."""
    return is_written("ExpectedPersonBirthDate") & ~is_written("PersonBirthDate")


def sex_missing_or_invalid(ctx: RuleContext, column: str) -> pl.LazyFrame:
    """Children whose sex (`column`: GenderCurrent or Sex) is blank or not in its code list."""
    sex = pl.col(column)
    return ctx.table("ChildIdentifiers").filter(sex.is_null() | ~sex.is_in(ctx.codes(column)))


def unborn_without_unborn_sex(ctx: RuleContext, column: str) -> pl.LazyFrame:
    """Unborn children whose sex (`column`) is blank or not the year's code for an unborn child."""
    sex = pl.col(column)
    wrong = sex.is_null() | ~sex.is_in(ctx.codes("SEX_UNBORN"))
    return ctx.table("ChildIdentifiers").filter(is_unborn() & wrong)


def no_sex_share_above_two_percent(ctx: RuleContext, column: str) -> pl.LazyFrame:
    """The ChildIdentifiers table as a whole (row None) when more than 2% of all child records
    are children who are not unborn and whose sex (`column`) is blank or the unknown code."""
    sex = pl.col(column)
    no_sex = (sex.is_null() | sex.is_in(ctx.codes("SEX_UNKNOWN"))) & ~is_written(
        "ExpectedPersonBirthDate"
    )
    # count / records > 2% in whole numbers: an empty table is never flagged.
    too_many = no_sex.sum() * 50 > pl.len()
    return whole_table_when(too_many, ctx.table("ChildIdentifiers"))


def school_age_without_upn_or_reason(ctx: RuleContext, born_by: dt.date) -> pl.LazyFrame:
    """Children born on or before `born_by` with a CIN episode that led to further action
    (ReferralNFA false or 0), who have no UPN and no reason for it other than UN1 (not of
    school age). Each such episode is named beside the child's row, as the referral that makes
    the UPN expected."""
    further_action = (
        ctx.table("CINdetails")
        .filter(no("ReferralNFA", ctx))
        .select(
            CHILD_KEY, pl.col("_row").alias(RELATED_ROW), pl.lit("CINdetails").alias(RELATED_TABLE)
        )
    )
    reasons = [
        code for code in ctx.codes("UPNunknown") if code not in ctx.codes("UPN_NOT_SCHOOL_AGE")
    ]
    no_reason = ~pl.col("UPNunknown").is_in(reasons).fill_null(False)
    return (
        ctx.table("ChildIdentifiers")
        .filter(
            (pl.col("PersonBirthDate") <= pl.lit(born_by, dtype=pl.Date))
            & pl.col(UPN).is_null()
            & no_reason
        )
        .join(further_action, on=CHILD_KEY)
    )


__all__ = [
    "is_unborn",
    "is_written",
    "no_sex_share_above_two_percent",
    "school_age_without_upn_or_reason",
    "sex_missing_or_invalid",
    "unborn_without_unborn_sex",
    "upn_character",
    "upn_check_letter",
]
