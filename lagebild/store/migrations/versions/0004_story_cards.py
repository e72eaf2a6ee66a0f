"""story_cards: each story's article metadata (no texts), precomputed for the story page.

Existing stories get their cards from the stored analyses here, once.

Revision ID: 0004
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NOT_ON_CARDS = ("text", "removed_lines")


def _json(value):
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def upgrade() -> None:
    cards = op.create_table(
        "story_cards",
        sa.Column("story_id", sa.String(200), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("articles", sa.JSON, nullable=False),
    )
    conn = op.get_bind()
    stories = [(sid, _json(data).get("article_ids", [])) for sid, data in conn.execute(sa.text("SELECT id, data FROM stories"))]
    if not stories:
        return
    articles = {}
    for aid, analysis in conn.execute(sa.text("SELECT id, analysis FROM articles")):
        art = (_json(analysis) or {}).get("article") or {}
        articles[aid] = {k: v for k, v in art.items() if k not in NOT_ON_CARDS}
    rows = [{"story_id": sid, "articles": [articles[i] for i in ids if i in articles]} for sid, ids in stories]
    for i in range(0, len(rows), 1000):
        op.bulk_insert(cards, rows[i:i + 1000])


def downgrade() -> None:
    op.drop_table("story_cards")
