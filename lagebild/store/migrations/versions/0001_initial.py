"""The schema before Alembic (articles, stories, story_articles, blobs).

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("outlet", sa.String(200)),
        sa.Column("language", sa.String(8)),
        sa.Column("ingested_at", sa.DateTime),
        sa.Column("analysis", sa.JSON, nullable=False),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"], unique=True)
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("n_articles", sa.Integer),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("outlets", sa.Text),
        sa.Column("entities", sa.Text),
        sa.Column("updated_at", sa.DateTime),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "blobs",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.DateTime),
    )
    op.create_table(
        "story_articles",
        sa.Column("story_id", sa.String(200), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_index("ix_story_articles_article_id", "story_articles", ["article_id"])


def downgrade() -> None:
    for table in ("story_articles", "blobs", "stories", "articles"):
        op.drop_table(table)
