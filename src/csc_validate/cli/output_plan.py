"""Which reports `check` writes where: worked out and checked before any rule runs."""

import os
from dataclasses import dataclass
from pathlib import Path

from csc_validate import config
from csc_validate.errors import InputError, UsageError
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.reports import Format, format_for
from csc_validate.reports.split import parse_spec, read_lookup, team_paths

PASSWORD_VARIABLE = "CSC_VALIDATE_PASSWORD"


@dataclass(frozen=True)
class OutputPlan:
    """The files to write with their formats, the format for standard output (if any), the
    --split-by lookup and the workbooks' password."""

    files: list[tuple[Path, Format]]
    to_stdout: Format | None
    split_by: str | None
    password: str | None

    @property
    def workbooks(self) -> list[Path]:
        return [path for path, fmt in self.files if fmt is Format.XLSX]


def plan(
    settings: config.Config,
    outputs: list[Path],
    output_format: Format | None,
    split_by: str | None,
    password_file: Path | None,
) -> OutputPlan:
    """The outputs the flags and settings ask for; a combination that cannot work stops here."""
    files, to_stdout = _destinations(settings, outputs, output_format)
    for path, _ in files:
        if path.is_dir():
            raise UsageError(f"--output {path}: is a folder; name the report file to write")
    workbooks = [path for path, fmt in files if fmt is Format.XLSX]
    if split_by is not None:
        lookup_path, _ = parse_spec(split_by)
        if not lookup_path.is_file():
            raise UsageError(f"--split-by {split_by}: no such file {lookup_path}")
        if not workbooks:
            raise UsageError("--split-by writes team workbooks beside an --output FILE.xlsx")
    password = _password(password_file)
    if password is not None and not workbooks:
        raise UsageError("a password encrypts workbooks only: add --output FILE.xlsx")
    return OutputPlan(files=files, to_stdout=to_stdout, split_by=split_by, password=password)


def refuse_overwriting(
    planned: OutputPlan,
    settings: config.Config,
    settings_path: Path | None,
    write_baseline: Path | None,
    password_file: Path | None,
) -> None:
    """No report or baseline may land on a file the run reads (exit 2 before anything runs)."""
    read = [("one of the files being checked", path) for path in settings.inputs]
    read += [("one of last year's files", path) for path in settings.previous]
    read += [("one of the Ofsted lists", path) for path in settings.ofsted]
    read += [("the settings file", path) for path in [settings_path] if path is not None]
    read += [("the accepted findings", path) for path in [settings.accepted_file] if path]
    read += [("the --password-file", path) for path in [password_file] if path is not None]
    if planned.split_by is not None:
        read.append(("the --split-by lookup", parse_spec(planned.split_by)[0]))
    outputs = [("--output", path) for path, _ in planned.files]
    outputs += [("--split-by's workbook", path) for path in _team_workbooks(planned)]
    if settings.baseline is not None:
        refuse_outputs_over_inputs(outputs, [("the baseline", settings.baseline)])
    # Rewriting the baseline that is read is how a team accepts today's findings.
    outputs += [("--write-baseline", path) for path in [write_baseline] if path is not None]
    refuse_outputs_over_inputs(outputs, read)


def _team_workbooks(planned: OutputPlan) -> list[Path]:
    """The team workbooks --split-by will write beside each workbook, as far as the lookup can
    be read now (the run reports a lookup it cannot use)."""
    if planned.split_by is None:
        return []
    for child_column in ("CHILD", "LAchildID"):
        try:
            teams = list(read_lookup(planned.split_by, child_column).teams)
        except InputError:
            continue
        return [p for book in planned.workbooks for p in team_paths(book, teams).values()]
    return []


def _destinations(
    settings: config.Config, outputs: list[Path], output_format: Format | None
) -> tuple[list[tuple[Path, Format]], Format | None]:
    """The files to write with their formats, and the format for standard output, if any:
    --output and --format when given, else the settings' outputs, else the terminal."""
    if outputs:
        return [(path, format_for(path, output_format)) for path in outputs], None
    if output_format is not None or not settings.outputs:
        return [], format_for(None, output_format)
    if sum(1 for item in settings.outputs if item.path is None) > 1:
        raise UsageError(
            "outputs: only one of them can go to standard output (give the others a path)"
        )
    files = [(item.path, item.format) for item in settings.outputs if item.path is not None]
    stdout = [item.format for item in settings.outputs if item.path is None]
    return files, stdout[0] if stdout else None


def _password(password_file: Path | None) -> str | None:
    """From a file (first line) or the environment; never a plain option, which others can see."""
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"--password-file {password_file}: cannot be read ({error})") from None
        password = lines[0].strip() if lines else ""
        if not password:
            raise UsageError(f"--password-file {password_file}: the first line is empty")
        return password
    return os.environ.get(PASSWORD_VARIABLE) or None
