"""An index in the story list's own order (newest, biggest, id), so a list page is an index walk
that stops after its rows instead of sorting every story (`store.story_list_order`).

PostgreSQL needs the NULLS LAST of that order spelled out; on SQLite a DESC column puts NULLs last
already (and CREATE INDEX takes no NULLS clause).

Revision ID: 0005
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    nulls_last = " NULLS LAST" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"CREATE INDEX ix_stories_list_order ON stories (last_published DESC{nulls_last}, COALESCE(n_articles, 0) DESC, id)")


def downgrade() -> None:
    op.drop_index("ix_stories_list_order", "stories")
