"""Indexes on the write times (stories.updated_at, articles.ingested_at).

The web app's data version (newest story update, newest ingest) and the header totals read them
on every page; with these indexes they are index lookups instead of scans of the big JSON rows.

Revision ID: 0003
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stories_updated_at", "stories", ["updated_at"])
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])


def downgrade() -> None:
    op.drop_index("ix_articles_ingested_at", "articles")
    op.drop_index("ix_stories_updated_at", "stories")
