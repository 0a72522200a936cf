from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect

import migration


def fresh_engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'blog.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)")
        conn.exec_driver_sql("INSERT INTO users (name) VALUES ('ana'), ('bob')")
    return engine


def run(engine, step):
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            step()


def test_revision_identifiers():
    assert migration.revision == "0002_posts_and_user_flags"
    assert migration.down_revision == "0001_users"


def test_upgrade_creates_posts(tmp_path):
    engine = fresh_engine(tmp_path)
    run(engine, migration.upgrade)
    assert sorted(inspect(engine).get_table_names()) == ["posts", "users"]


def test_downgrade_removes_posts(tmp_path):
    engine = fresh_engine(tmp_path)
    run(engine, migration.upgrade)
    run(engine, migration.downgrade)
    assert inspect(engine).get_table_names() == ["users"]
