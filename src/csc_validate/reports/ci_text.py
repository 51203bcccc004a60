"""What the CI formats say about one finding, worded once so that they agree."""

from csc_validate.findings import Finding


def where(finding: Finding) -> str:
    """The table, child and row values a person looks for, e.g. `Episodes, child 42: DECOM=...`."""
    place = finding.table + (f", child {finding.child}" if finding.child else "")
    values = ", ".join(
        f"{name}={'(blank)' if value is None else value}" for name, value in finding.values.items()
    )
    detail = " ".join(part for part in (values, finding.detail or "") if part)
    return f"{place}: {detail}" if detail else place


def describe(finding: Finding) -> str:
    """One line: the DfE message, then where and what."""
    return f"{finding.message} ({where(finding)})"
