"""Shared fixtures: small SSDA903 extracts written the ways councils really write them."""

import socket
from pathlib import Path

import pytest

HEADER_COLUMNS = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODE_COLUMNS = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


def _refuse_network(*_: object, **__: object) -> None:
    raise OSError("network use in a test: csc-validate must work offline")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with sockets blocked: the data are about children and stay on the machine."""
    monkeypatch.setattr(socket.socket, "connect", _refuse_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse_network)
    monkeypatch.setattr(socket.socket, "sendto", _refuse_network)
    monkeypatch.setattr(socket, "create_connection", _refuse_network)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse_network)


@pytest.fixture
def extract(tmp_path: Path):
    """Write named files into a fresh folder: extract({"h.csv": "text"}) -> the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "extract"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (folder / name).write_bytes(data)
        return folder

    return write


def header_csv(*rows: str) -> str:
    return "\n".join([HEADER_COLUMNS, *rows]) + "\n"


def episodes_csv(*rows: str) -> str:
    return "\n".join([EPISODE_COLUMNS, *rows]) + "\n"


# Property tests judge correctness, not speed: a machine busy with other work must not fail them.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("csc-validate", deadline=None)
_hypothesis_settings.load_profile("csc-validate")
