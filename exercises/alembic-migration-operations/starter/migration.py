"""Add e-mail and active flag to users; add the posts table.

Revision ID: 0002_posts_and_user_flags
Revises: 0001_users
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_posts_and_user_flags"
down_revision = "0001_users"


def upgrade() -> None:
    op.add_column("users", sa.Column("email", sa.String(255), nullable=True))
    # TODO: users.is_active (NOT NULL, server default 1), unique index ix_users_email,
    # table posts and index ix_posts_user_id (see the README)


def downgrade() -> None:
    # TODO: undo everything upgrade() did, in reverse order, keeping the users' rows
    pass
