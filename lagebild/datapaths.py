"""Where the shared development data lives: $LAGEBILD_SHARED, else ../shared beside the repo."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    env = os.environ.get("LAGEBILD_SHARED")
    if env:
        return Path(env)
    for cand in (REPO.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"):
        if cand.exists():
            return cand
    return REPO.parent / "shared"


def shared_data(*parts: str) -> Path:
    """Path under shared/data; may not exist (tests skip then)."""
    return shared_dir().joinpath("data", *parts)
