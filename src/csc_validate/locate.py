"""Turns offending rows into findings: source line, file, child and the values as written."""

import polars as pl

from csc_validate.builtin import BUILTIN_RULES
from csc_validate.engine import Hit
from csc_validate.findings import Finding, RelatedRow
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE, Rule
from csc_validate.schemas import YearSchema
from csc_validate.tables import PREVIOUS_SUFFIX, CellIssue, Tables

BUILTIN = {rule.code: rule for rule in BUILTIN_RULES}
# The column a collection derives to say which child a record belongs to where IDs cannot (CIN's
# Child element); preferred to the child's ID for counting children.
CHILD_KEY = "ChildKey"


def locate(hits: list[Hit], tables: Tables, schema: YearSchema) -> list[Finding]:
    """One finding per (rule, row); a table's rows are joined to their source once for all rules."""
    findings: list[Finding] = []
    by_table: dict[str, list[Hit]] = {}
    for hit in hits:
        by_table.setdefault(hit.table, []).append(hit)
    for table, table_hits in by_table.items():
        rules = {hit.rule.code: hit.rule for hit in table_hits}
        flagged = pl.concat(
            [pl.DataFrame({"_rule": hit.rule.code, "_row": hit.rows}) for hit in table_hits]
        ).unique()
        # A return-level finding may be about a table the return does not have at all.
        loaded = tables.tables.get(table)
        if loaded is None:
            findings += [_whole_table(rules[code], table) for code in flagged["_rule"].to_list()]
            continue
        rows = _source_rows(flagged, tables, schema, table)
        derived = _derived_columns(schema, table)
        key_columns = _key_columns(schema, table)
        file = loaded.file
        related = _related(table_hits, tables, schema)
        for record in rows.iter_rows(named=True):
            rule = rules[record["_rule"]]
            finding = _finding(rule, table, record, derived, file, key_columns)
            others = related.get((rule.code, record["_row"]))
            findings.append(finding.model_copy(update={"related": others}) if others else finding)
    return findings


def _related(
    hits: list[Hit], tables: Tables, schema: YearSchema
) -> dict[tuple[str, int], tuple[RelatedRow, ...]]:
    """The rows each finding was compared with, by (rule, row), each located once per table."""
    pairs = [
        hit.related.with_columns(pl.lit(hit.rule.code).alias("_rule"))
        for hit in hits
        if hit.related is not None
    ]
    if not pairs:
        return {}
    wanted = pl.concat(pairs)
    located: dict[tuple[str, int], RelatedRow] = {}
    for (name,), group in wanted.group_by(RELATED_TABLE, maintain_order=True):
        if name not in tables.tables:
            continue
        loaded = tables.tables[name]
        rows = group.select(pl.col(RELATED_ROW).alias("_row")).unique()
        source = _source_rows(rows, tables, schema, name)
        key_columns = _key_columns(schema, name)
        for record in source.iter_rows(named=True):
            located[(name, record["_row"])] = RelatedRow(
                table=name,
                row=record["_row"],
                line=record.get("_line"),
                child=record.get("_child"),
                file=record.get("_file") or loaded.file,
                xpath=record.get("_xpath"),
                key={column: record.get(column) for column in key_columns},
            )
    by_finding: dict[tuple[str, int], list[RelatedRow]] = {}
    for code, row, name, other in wanted.select(
        "_rule", "_row", RELATED_TABLE, RELATED_ROW
    ).iter_rows():
        found = located.get((name, other))
        if found is not None:
            by_finding.setdefault((code, row), []).append(found)
    return {key: tuple(rows) for key, rows in by_finding.items()}


def locate_issues(issues: list[CellIssue], tables: Tables, schema: YearSchema) -> list[Finding]:
    """Findings for what reading found itself (csc-validate's CSC codes)."""
    findings: list[Finding] = []
    for table in sorted({issue.table for issue in issues}):
        own = [issue for issue in issues if issue.table == table]
        wanted = pl.DataFrame(
            {"_row": [i.row for i in own if i.row is not None]}, schema={"_row": pl.Int64}
        )
        rows = {
            record["_row"]: record
            for record in _source_rows(wanted.unique(), tables, schema, table).iter_rows(named=True)
        }
        loaded = tables.tables[table]
        key_columns = _key_columns(schema, table)
        for issue in own:
            rule = BUILTIN[issue.code]
            record = rows.get(issue.row, {}) if issue.row is not None else {}
            fields = (issue.field,) if issue.field else ()
            findings.append(
                Finding(
                    rule=rule.code,
                    severity=rule.severity,
                    message=rule.message,
                    table=table,
                    row=issue.row,
                    line=record.get("_line"),
                    child=record.get("_child"),
                    child_key=record.get("_child_key"),
                    fields=fields,
                    values={field: record.get(field) for field in fields} if record else {},
                    file=record.get("_file", loaded.file),
                    xpath=record.get("_xpath"),
                    detail=issue.detail or None,
                    key={column: record.get(column) for column in key_columns} if record else {},
                )
            )
    return findings


def _source_rows(
    flagged: pl.DataFrame, tables: Tables, schema: YearSchema, table: str
) -> pl.DataFrame:
    child_column = schema.child_column
    typed = tables.typed(table)
    derived = _derived_columns(schema, table)
    extra = [pl.col(child_column).alias("_child")] if child_column in typed.columns else []
    if CHILD_KEY in typed.columns:
        extra.append(pl.col(CHILD_KEY).alias("_child_key"))
    elif child_column in typed.columns:
        # A blank ID ties the row to no other: it is a child of its own.
        own = pl.format("blank {} in {} row {}", pl.lit(child_column), pl.lit(table), "_row")
        extra.append(pl.coalesce(pl.col(child_column), own).alias("_child_key"))
    extra += [pl.col(name).alias(f"{name}#derived") for name in derived if name in typed.columns]
    joined = flagged.join(tables.raw(table), on="_row", how="left")
    return joined.join(typed.select("_row", *extra), on="_row", how="left")


def _finding(
    rule: Rule,
    table: str,
    record: dict,
    derived: set[str],
    file: str,
    key_columns: tuple[str, ...] = (),
) -> Finding:
    if record["_row"] is None:
        return _whole_table(rule, table, file)
    fields = tuple(
        field for field in rule.fields if field in record or f"{field}#derived" in record
    )
    values = {
        field: record.get(f"{field}#derived")
        if field in derived and record.get(field) is None
        else record.get(field)
        for field in fields
    }
    return Finding(
        rule=rule.code,
        severity=rule.severity,
        message=rule.message,
        table=table,
        row=record["_row"],
        line=record.get("_line"),
        child=record.get("_child"),
        child_key=record.get("_child_key"),
        fields=fields,
        values=values,
        file=record.get("_file") or file,
        xpath=record.get("_xpath"),
        key={column: record.get(column) for column in key_columns},
    )


def _whole_table(rule: Rule, table: str, file: str | None = None) -> Finding:
    """A finding about the table as a whole, such as a return-level query."""
    return Finding(
        rule=rule.code,
        severity=rule.severity,
        message=rule.message,
        table=table,
        row=None,
        line=None,
        child=None,
        fields=(),
        values={},
        file=file,
    )


def _key_columns(schema: YearSchema, table: str) -> tuple[str, ...]:
    """The columns that identify a row of the table, besides the child's."""
    base = schema.tables.get(table.removesuffix(PREVIOUS_SUFFIX))
    return tuple(c for c in base.key if c != schema.child_column) if base else ()


def _derived_columns(schema: YearSchema, table: str) -> set[str]:
    base = schema.tables.get(table.removesuffix(PREVIOUS_SUFFIX))
    return {column.name for column in base.columns if column.derived} if base else set()
