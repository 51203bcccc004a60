"""csc-validate.toml: a team's settings for `check`, merged with command-line flags (flags win)."""

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from csc_validate.errors import UsageError

DEFAULT_NAME = "csc-validate.toml"


class Config(BaseModel):
    """Validated once, then frozen; every field has the meaning of the `check` flag it names."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    collection: str | None = None
    year: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Rules whose findings in one table are not wanted, e.g. {"Episodes": ["355"]}.
    per_table_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, alias="per-table-ignores"
    )
    fail_on: Literal["error", "query", "never"] = Field("error", alias="fail-on")
    # The council's own code (ONS E09000033 or DfE 213), for rules that need reference data.
    la: str | None = None

    def merged(self, **flags: object) -> "Config":
        """This configuration with every flag the user gave (not None, not empty) on top."""
        given = {name: value for name, value in flags.items() if value not in (None, [], ())}
        return self.model_copy(update=given)


def load(path: Path | None, folder: Path | None = None) -> tuple[Config, Path | None]:
    """The named file (which must exist), else csc-validate.toml in `folder` if there is one."""
    if path is None:
        candidate = (folder or Path.cwd()) / DEFAULT_NAME
        if not candidate.is_file():
            return Config(), None
        path = candidate
    elif not path.is_file():
        raise UsageError(f"--config {path}: no such file")
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot be read as TOML ({error})") from None
    try:
        return Config.model_validate(raw), path
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise UsageError(f"{path}: {where}: {first['msg']}") from None
