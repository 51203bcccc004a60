"""Finding and Report: the one sorted list that every output renders."""

import re
from collections.abc import Iterable
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from csc_validate.severity import Severity

# The reason a rule that judges the year at its end gives when a year-to-date check leaves it out.
NOT_YET_DUE = "not yet due"
# A rule skipped for want of reference data ("needs --la").
NEEDS = "needs "


class RelatedRow(BaseModel):
    """Another row a finding compares its own with (the previous episode, last year's open
    episode, the other of two overlapping plans): where it is, and the values that name it."""

    model_config = ConfigDict(frozen=True)

    table: str
    row: int
    line: int | None
    child: str | None
    file: str | None
    xpath: str | None = None
    key: dict[str, str | None] = Field(default_factory=dict, description="its key fields")

    def label(self) -> str:
        """'Episodes_last line 40' (or its row, where the table has no lines)."""
        where = f"line {self.line}" if self.line is not None else f"row {self.row + 1}"
        return f"{self.table} {where}"

    def describe(self) -> str:
        """'Episodes line 112 (CHILD 663601, DECOM 23/08/2024)', with its XPath for XML."""
        named = [f"{name}={value or '(blank)'}" for name, value in self.key.items()]
        if self.child is not None:
            named.insert(0, self.child)
        where = f" {self.xpath}" if self.xpath else ""
        return f"{self.label()}{where}" + (f" ({', '.join(named)})" if named else "")


class Finding(BaseModel):
    """One rule broken by one row (or by a table as a whole, when `row` is None).

    `related` lists the other rows the rule compared this one with, where it says so; the
    finding is about its own row (the one holding the field DfE's message names)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    table: str
    row: int | None = Field(description="0-based data row in the table as loaded")
    line: int | None = Field(description="1-based line in the file (CSV header = 1), or XML line")
    child: str | None
    fields: tuple[str, ...]
    values: dict[str, str | None] = Field(description="the offending values as written")
    file: str | None
    xpath: str | None = None
    detail: str | None = None
    related: tuple[RelatedRow, ...] = ()
    # The row's identifying values besides the child (DECOM for an episode), as written; what a
    # baseline matches on, since row numbers move when an extract gains or loses rows.
    key: dict[str, str | None] = Field(default_factory=dict, exclude=True)
    # Which child the row is about, for counting children: the child's ID, or, where the ID is
    # blank, the row itself (a blank ID ties no two rows together); for CIN the record's Child
    # element. None for a row of a table about no child.
    child_key: str | None = Field(default=None, exclude=True)


class RuleSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    table: str
    count: int
    children: int = Field(
        description="distinct children; a row with a blank child ID is a child of its own"
    )


class SkippedRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    reason: str

    @property
    def in_notes(self) -> bool:
        """Rules waiting for reference data, or for the year's end, are listed together in one
        note, so reports do not list them again one by one."""
        return self.reason.startswith((NEEDS, NOT_YET_DUE))


class RuleCrash(BaseModel):
    """A rule that raised: its findings are missing, so the check is incomplete (exit code 2)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    table: str = Field(description="the table being checked, or the rule's tables, comma-separated")
    error: str


class CodeList(BaseModel):
    """A field's valid codes in the year, each with its meaning ("" where none is known)."""

    model_config = ConfigDict(frozen=True)

    field: str
    codes: tuple[tuple[str, str], ...]

    def text(self, meanings: bool = True) -> str:
        """'A3 (placed for adoption ...), A4 (...)', or the codes alone."""
        if not meanings:
            return ", ".join(code for code, _ in self.codes)
        return ", ".join(f"{code} ({meaning})" if meaning else code for code, meaning in self.codes)


class RuleInfo(BaseModel):
    """A selected rule as outputs show it: DfE's message and guidance a caseworker can act on."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    summary: str
    explanation: str
    # Why the rule's reading is provisional (inferred without DfE's own text); blank otherwise,
    # and then left out of the JSON.
    provisional: str = ""
    # A code rule's valid codes in the year, for the outputs people read (not the JSON).
    codes: tuple[CodeList, ...] = Field(default=(), exclude=True)

    @model_serializer(mode="wrap")
    def _without_blank_standing(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        dumped = handler(self)
        if not self.provisional:
            dumped.pop("provisional", None)
        return dumped

    @property
    def guidance(self) -> str:
        """What is flagged, then how to fix it (the rule's docstring), then why the rule is
        provisional when it is."""
        standing = f"Provisional: {self.provisional}" if self.provisional else ""
        return " ".join(part for part in (self.summary, self.explanation, standing) if part)

    def valid_codes(self, year: str, meanings: bool = True) -> str:
        """'Valid PLACE codes in 2025-26: A3 (...), ...', one sentence per field; or ""."""
        return " ".join(
            f"Valid {codes.field} codes in {year}: {codes.text(meanings)}." for codes in self.codes
        )


def standing(code: str, info: RuleInfo | None) -> str:
    """The rule code, with the word "provisional" beside it when the rule is."""
    return f"{code} provisional" if info is not None and info.provisional else code


class InputSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    file: str
    sha256: str
    tables: tuple[str, ...]
    previous: bool


class Acceptance(BaseModel):
    """A reason a council recorded once against a finding that is true of the child: matched by
    rule, child, table and key values (DECOM for an episode) across re-extracts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    child: str | None = None
    table: str | None = None
    key: dict[str, str] = Field(default_factory=dict)
    reason: str
    who: str = ""
    date: str = ""


class AcceptedFinding(BaseModel):
    """A finding shown apart with its recorded reason; it does not count towards --fail-on."""

    model_config = ConfigDict(frozen=True)

    finding: Finding
    reason: str
    who: str
    date: str


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)

    tool: str = "csc-validate"
    version: str
    collection: str
    year: str
    period_start: str
    period_end: str
    year_source: str
    # A year-to-date check: the day it is as at (dd/mm/yyyy, the period's end) and how that day
    # was chosen; both blank for the whole year.
    as_at: str = ""
    as_at_source: str = ""
    inputs: tuple[InputSummary, ...]
    table_rows: dict[str, int]
    selected: tuple[str, ...]
    ignored: tuple[str, ...]
    rules_run: int
    totals: dict[str, int]
    summary: tuple[RuleSummary, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[SkippedRule, ...]
    crashes: tuple[RuleCrash, ...]
    notes: tuple[str, ...]
    # Required tables the files given do not hold: the check is incomplete (exit 2) unless
    # `partial` says that a partial check was meant.
    missing_tables: tuple[str, ...] = ()
    partial: bool = False
    # Findings with a recorded reason (accepted.csv or [[accepted]]), and reasons whose finding
    # has gone.
    accepted: tuple[AcceptedFinding, ...] = ()
    stale_acceptances: tuple[Acceptance, ...] = ()
    # For the outputs people read (guidance); left out of the JSON, which stays as it was.
    rules: tuple[RuleInfo, ...] = Field(default=(), exclude=True)

    rules: tuple[RuleInfo, ...] = ()

    @property
    def incomplete(self) -> bool:
        """Whether some of the check did not run: a rule crashed, or a table is missing."""
        return bool(self.crashes) or (bool(self.missing_tables) and not self.partial)

    def count_at_or_above(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= severity.rank)

    def rule_info(self, code: str) -> RuleInfo | None:
        return next((info for info in self.rules if info.rule == code), None)

    @model_serializer(mode="wrap")
    def _as_at_only_when_checked_so(self, handler: SerializerFunctionWrapHandler) -> dict:
        """A whole year's report is written as before a year-to-date check existed."""
        data = handler(self)
        if not self.as_at:
            data.pop("as_at", None)
            data.pop("as_at_source", None)
        return data


def code_key(code: str) -> tuple[int, int, str]:
    """Natural order of DfE codes: 101 before 1000, numbers before INT01, SW01 and CSC001."""
    match = re.match(r"\d+", code)
    if match:
        return (0, int(match.group()), code)
    return (1, 0, code)


def sort_key(finding: Finding) -> tuple:
    """The one order used everywhere: table, row, rule, fields."""
    row = -1 if finding.row is None else finding.row
    return (finding.table, row, code_key(finding.rule), finding.fields)


def children_affected(findings: Iterable[Finding]) -> int:
    """How many distinct children the findings are about. Rows with a blank child ID are each a
    child of their own, never one child together; a finding about a whole table is about none."""
    return len({f.child_key or f.child for f in findings} - {None})


def summarise(findings: list[Finding]) -> list[RuleSummary]:
    """Counts per rule and table, largest first (ties in code order)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.rule, finding.table), []).append(finding)
    summaries = [
        RuleSummary(
            rule=rule,
            severity=items[0].severity,
            message=items[0].message,
            table=table,
            count=len(items),
            children=children_affected(items),
        )
        for (rule, table), items in groups.items()
    ]
    return sorted(summaries, key=lambda s: (-s.count, code_key(s.rule), s.table))
