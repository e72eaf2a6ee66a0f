"""Story filters through join tables (outlets, entities); the pickled story index is dropped.

The old `blobs.story_index` value is a pickle: it is deleted unread (never unpickled) and the
next ingest rebuilds the index from the stored articles in the safe format.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()[:300]


def upgrade() -> None:
    outlets = op.create_table(
        "story_outlets",
        sa.Column("story_id", sa.String(200), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outlet", sa.String(200), primary_key=True),
        sa.Column("outlet_key", sa.String(200), nullable=False),
    )
    op.create_index("ix_story_outlets_outlet", "story_outlets", ["outlet"])
    op.create_index("ix_story_outlets_outlet_key", "story_outlets", ["outlet_key"])
    entities = op.create_table(
        "story_entities",
        sa.Column("story_id", sa.String(200), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity", sa.String(300), primary_key=True),
        sa.Column("entity_key", sa.String(300), nullable=False),
    )
    op.create_index("ix_story_entities_entity_key", "story_entities", ["entity_key"])
    conn = op.get_bind()
    rows_o, rows_e = [], []
    for sid, outl, ents in conn.execute(sa.text("SELECT id, outlets, entities FROM stories")):
        for name in sorted({o[:200] for o in (outl or "").split("|") if o}):
            rows_o.append({"story_id": sid, "outlet": name, "outlet_key": _key(name)[:200]})
        for name in sorted({e[:300] for e in (ents or "").split("|") if e}):
            rows_e.append({"story_id": sid, "entity": name, "entity_key": _key(name)})
    if rows_o:
        op.bulk_insert(outlets, rows_o)
    if rows_e:
        op.bulk_insert(entities, rows_e)
    conn.execute(sa.text("DELETE FROM blobs WHERE key = 'story_index'"))


def downgrade() -> None:
    op.drop_table("story_entities")
    op.drop_table("story_outlets")
