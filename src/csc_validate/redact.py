"""Reports for people who need counts only: children's identifiers and values taken out."""

from csc_validate import subject
from csc_validate.findings import Finding, Report, RuleCrash

REDACTED = "(redacted)"
NOTE = (
    "redacted: each child's identifier is replaced by a number that holds within this report "
    "only, and every value by (redacted)"
)


def redact(report: Report) -> Report:
    """The report with each child's id replaced by "child N" and every written value removed.

    Counts, rules, tables, lines and fields stay, so the report still says what to fix where;
    a blank value stays blank, which says nothing about the child.
    """
    pseudonyms: dict[str, str] = {}
    findings = [_redacted(finding, pseudonyms, report.collection) for finding in report.findings]
    # Reasons are free text and may name the child.
    accepted = [
        item.model_copy(
            update={
                "finding": _redacted(item.finding, pseudonyms, report.collection),
                "reason": REDACTED,
                "who": REDACTED if item.who else "",
            }
        )
        for item in report.accepted
    ]
    stale = [
        item.model_copy(update={"child": None, "key": {}, "reason": REDACTED, "who": ""})
        for item in report.stale_acceptances
    ]
    # A rule's error message may quote a value it was working on.
    crashes = [
        RuleCrash(rule=crash.rule, table=crash.table, error=crash.error.split(":")[0])
        for crash in report.crashes
    ]
    return report.model_copy(
        update={
            "findings": tuple(findings),
            "crashes": tuple(crashes),
            "accepted": tuple(accepted),
            "stale_acceptances": tuple(stale),
            "notes": (*report.notes, NOTE),
        }
    )


def _redacted(finding: Finding, pseudonyms: dict[str, str], collection: str) -> Finding:
    one = subject.of(collection).one
    child = finding.child
    if child is not None:
        child = pseudonyms.setdefault(child, f"{one} {len(pseudonyms) + 1}")
    values = {field: None if value is None else REDACTED for field, value in finding.values.items()}
    related = tuple(
        other.model_copy(
            update={
                "child": None
                if other.child is None
                else pseudonyms.setdefault(other.child, f"{one} {len(pseudonyms) + 1}"),
                "key": {name: None if v is None else REDACTED for name, v in other.key.items()},
            }
        )
        for other in finding.related
    )
    return finding.model_copy(update={"child": child, "values": values, "related": related})
