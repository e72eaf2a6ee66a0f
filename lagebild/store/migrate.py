"""Schema migrations (Alembic). `upgrade(engine)` brings any lagebild database to the newest schema.

A database made before migrations existed (tables but no `alembic_version`) is the schema of
revision 0001: it is stamped as such and upgraded from there. Revisions live in migrations/versions/.
"""
from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"  # the schema every database had before Alembic


def _config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema (idempotent; a no-op when the database is current)."""
    from alembic import command

    if revision == "head" and current(engine) == head():
        return
    for attempt in range(3):  # two processes migrating one fresh database: the loser retries
        try:
            with engine.begin() as conn:
                tables = set(inspect(conn).get_table_names())
                cfg = _config(conn)
                if "alembic_version" not in tables and "articles" in tables:
                    command.stamp(cfg, BASELINE)
                command.upgrade(cfg, revision)
            return
        except Exception:
            if revision == "head" and current(engine) == head():
                return
            if attempt == 2:
                raise
            time.sleep(0.2 * (attempt + 1))
