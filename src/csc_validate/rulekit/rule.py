"""The rule declaration: DfE's metadata plus one function over whole tables."""

from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, field_validator

from csc_validate.severity import Severity

# A rule may name, beside each offending row, a row it compared it with: `_related_row`, of
# `_related_table` (default: the offending row's own table). An offending row may come with
# several related rows, each on a row of its own; findings list them as related rows.
RELATED_ROW, RELATED_TABLE = "_related_row", "_related_table"

# Equivalent mutant (AddNot): the import is for type checkers; made at run time too, it loads
# without a cycle and nothing reads it.
if TYPE_CHECKING:
    from csc_validate.rulekit.cases import Case

Offending = pl.LazyFrame | Mapping[str, pl.LazyFrame]
# Takes a RuleContext; typed loosely so that pydantic need not import the context here.
Check = Callable[[Any], Offending]


class MidYear(StrEnum):
    """How a rule behaves when a year-to-date extract is checked `--as-at` a date."""

    # Ages, durations and "open at the end of the period" are measured at the date.
    AS_AT = "as_at"
    # About the year-end tables (OC2, OC3): not run before the year ends, and listed as such.
    NOT_YET_DUE = "not_yet_due"


class Rule(BaseModel):
    """A DfE validation rule. `check` returns the offending rows; the engine does the rest."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^[A-Za-z0-9]+$")
    message: str
    severity: Severity = Severity.ERROR
    tables: tuple[str, ...] = Field(min_length=1)
    fields: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    # What the user must give for the rule to run, beyond the return (e.g. "--la").
    needs: tuple[str, ...] = ()
    # Declared in pack.toml's [mid_year] table, so that rule modules need not say it.
    mid_year: MidYear = MidYear.AS_AT
    # Declared in pack.toml's [history] table: the rule reads every earlier year's return given
    # with --previous (ctx.history), not only last year's.
    earlier_years: bool = False
    check: Check | None = None
    summary: str = ""
    explanation: str = ""
    cases: tuple[Any, ...] = ()
    source: Path | None = None
    # The installed package a council's own rule comes from; None for DfE's and csc-validate's.
    origin: str | None = None
    # Why the rule is provisional: its reading was inferred without DfE's own text (a year's
    # rules not yet published, a message whose coding could not be found). Blank when the rule
    # follows DfE's text. Set on the declaration, or for a year on in pack.toml [provisional].
    provisional: str = ""

    @field_validator("message")
    @classmethod
    def _message_is_written(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a rule needs DfE's message")
        return value.strip()

    def with_cases(self, cases: "tuple[Case, ...]", source: Path) -> "Rule":
        return self.model_copy(update={"cases": cases, "source": source})


def rule(
    *,
    code: str,
    message: str,
    tables: list[str],
    fields: list[str] | None = None,
    severity: str = "error",
    tags: list[str] | None = None,
    aliases: list[str] | None = None,
    needs: list[str] | None = None,
    provisional: str = "",
) -> Callable[[Check], Rule]:
    """Declare a rule: the decorated function becomes the rule's `check`. `provisional` says
    why the reading is provisional, when DfE's own text for it could not be found."""

    def declare(function: Check) -> Rule:
        summary, explanation = _split_doc(function.__doc__ or "")
        return Rule(
            code=code,
            message=message,
            severity=Severity(severity),
            tables=tuple(tables),
            fields=tuple(fields or ()),
            tags=tuple(tags or ()),
            aliases=tuple(aliases or ()),
            needs=tuple(needs or ()),
            provisional=provisional,
            check=function,
            summary=summary,
            explanation=explanation,
        )

    return declare


def _split_doc(doc: str) -> tuple[str, str]:
    """The first paragraph (what is flagged), then the rest, each with its line breaks folded."""
    lines = [line.strip() for line in doc.strip().splitlines()]
    paragraphs = [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]
    if not paragraphs:
        return "", ""
    return paragraphs[0], "\n\n".join(paragraphs[1:])
