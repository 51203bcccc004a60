"""Settings for `check`: csc-validate.toml or [tool.csc-validate] in pyproject.toml, merged with
command-line flags (flags win). Paths in a settings file are relative to the file's folder."""

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from csc_validate.errors import UsageError
from csc_validate.findings import Acceptance
from csc_validate.reports import Format
from csc_validate.severity import Severity

DEFAULT_NAME = "csc-validate.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "csc-validate")

FailOn = Literal["error", "query", "never"]


class Output(BaseModel):
    """One report to write: a format, and a file (standard output when there is none)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Format
    path: Path | None = None


class ExportSettings(BaseModel):
    """The [export] part: values a return's header carries, each overridden by its flag."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    la_code: str | None = Field(None, alias="la-code")
    software_code: str | None = Field(None, alias="software-code")
    serial_number: str | None = Field(None, alias="serial-number")


class Config(BaseModel):
    """Validated once, then frozen; every field has the meaning of the `check` flag it names."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    collection: str | None = None
    year: str | None = Field(None, pattern=r"^\d{4}-\d{2}$")
    # The council's own code (ONS E09000033 or DfE 213), for rules that need reference data.
    la: str | None = None
    inputs: tuple[Path, ...] = ()
    previous: tuple[Path, ...] = ()
    # Ofsted's provider lists, for the rules that need them.
    ofsted: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Rules whose findings in one table are not wanted, e.g. {"Episodes": ["355"]}.
    per_table_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, alias="per-table-ignores"
    )
    # A rule's severity as this team treats it, e.g. {"355" = "query"}.
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn = Field("error", alias="fail-on")
    # Check a return that lacks some of its tables, as --partial does.
    partial: bool = False
    outputs: tuple[Output, ...] = ()
    baseline: Path | None = None
    # Findings true of the child, each with its reason: [[accepted]] tables, or a CSV file.
    accepted: tuple[Acceptance, ...] = ()
    accepted_file: Path | None = Field(None, alias="accepted-file")
    export: ExportSettings = Field(default_factory=ExportSettings)

    @field_validator("select", "ignore")
    @classmethod
    def _references_are_written(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not reference.strip() for reference in value):
            raise ValueError("a rule reference is empty")
        return value

    def merged(self, **flags: object) -> "Config":
        """This configuration with every flag the user gave (not None, not empty) on top."""
        given = {name: value for name, value in flags.items() if value not in (None, [], ())}
        return self.model_copy(update=given)

    def relative_to(self, folder: Path) -> "Config":
        """Paths written in a settings file, taken from the file's folder."""

        def place(path: Path) -> Path:
            # "-" is standard input, wherever the file is.
            return path if path.is_absolute() or str(path) == "-" else folder / path

        return self.model_copy(
            update={
                "inputs": tuple(place(path) for path in self.inputs),
                "previous": tuple(place(path) for path in self.previous),
                "ofsted": tuple(place(path) for path in self.ofsted),
                "outputs": tuple(
                    output.model_copy(update={"path": place(output.path)})
                    if output.path is not None
                    else output
                    for output in self.outputs
                ),
                "baseline": place(self.baseline) if self.baseline is not None else None,
                "accepted_file": place(self.accepted_file) if self.accepted_file else None,
            }
        )


def find(folder: Path | None = None) -> Path | None:
    """csc-validate.toml in `folder`, else its pyproject.toml if that has [tool.csc-validate]."""
    # Relative, so that messages name the file as the user sees it, never an absolute path.
    folder = folder or Path()
    own = folder / DEFAULT_NAME
    if own.is_file():
        return own
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _table(_read(pyproject), pyproject) is not None:
        return pyproject
    return None


def load(path: Path | None, folder: Path | None = None) -> tuple[Config, Path | None]:
    """The named file (which must exist), else the one `find` finds, else the defaults."""
    if path is None:
        path = find(folder)
        if path is None:
            return Config(), None
    elif not path.is_file():
        raise UsageError(f"--config {path}: no such file")
    raw = _read(path)
    prefix = ""
    if path.name == PYPROJECT:
        table = _table(raw, path)
        if table is None:
            raise UsageError(f"{path}: has no [{'.'.join(PYPROJECT_TABLE)}] table")
        raw, prefix = table, ".".join(PYPROJECT_TABLE) + "."
    try:
        settings = Config.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = prefix + ".".join(str(part) for part in first["loc"]) if first["loc"] else ""
        raise UsageError(f"{path}: {where or 'the file'}: {_reason(first)}") from None
    return settings.relative_to(path.parent), path


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot be read as TOML ({error})") from None


def _table(raw: dict, path: Path) -> dict | None:
    table: object = raw
    for part in PYPROJECT_TABLE:
        if not isinstance(table, dict) or part not in table:
            return None
        table = table[part]
    if not isinstance(table, dict):
        raise UsageError(f"{path}: {'.'.join(PYPROJECT_TABLE)} must be a table")
    return table


def _reason(error: dict) -> str:
    """Pydantic's message, with what was given, in the words of a settings file."""
    if error["type"] == "extra_forbidden":
        return "unknown setting (see `csc-validate init` for every setting)"
    given = error.get("input")
    shown = f" (given {given!r})" if isinstance(given, str | int | float | bool) else ""
    return f"{error['msg']}{shown}"
