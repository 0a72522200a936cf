import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import IntegrityError

import migration


def fresh_engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'blog.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)")
        conn.exec_driver_sql("INSERT INTO users (id, name) VALUES (1, 'ana'), (2, 'bob')")
    return engine


def run(engine, step):
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            step()


def upgraded(tmp_path):
    engine = fresh_engine(tmp_path)
    run(engine, migration.upgrade)
    assert "posts" in inspect(engine).get_table_names(), "upgrade() should create the posts table"
    return engine


def columns(engine, table):
    return {c["name"]: c for c in inspect(engine).get_columns(table)}


def test_users_get_email_and_is_active(tmp_path):
    engine = upgraded(tmp_path)
    cols = columns(engine, "users")
    assert list(cols) == ["id", "name", "email", "is_active"], f"users should have id, name, email, is_active; got {list(cols)}"
    assert str(cols["email"]["type"]) == "VARCHAR(255)", f"users.email should be String(255), got {cols['email']['type']}"
    assert cols["email"]["nullable"] is True, "users.email should be nullable"
    assert str(cols["is_active"]["type"]) == "BOOLEAN", f"users.is_active should be Boolean, got {cols['is_active']['type']}"
    assert cols["is_active"]["nullable"] is False, "users.is_active should be NOT NULL"
    assert cols["is_active"]["default"] is not None and "1" in str(cols["is_active"]["default"]), \
        "users.is_active should have the server default 1"


def test_existing_users_are_active_and_kept(tmp_path):
    engine = upgraded(tmp_path)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, name, email, is_active FROM users ORDER BY id").all()
    assert [tuple(r) for r in rows] == [(1, "ana", None, 1), (2, "bob", None, 1)], \
        f"existing users should be kept, with email NULL and is_active 1; got {rows}"


def test_email_index_is_unique(tmp_path):
    engine = upgraded(tmp_path)
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("users")}
    assert "ix_users_email" in indexes, f"there should be an index ix_users_email on users, got {list(indexes)}"
    assert indexes["ix_users_email"]["column_names"] == ["email"], "ix_users_email should cover users.email"
    assert indexes["ix_users_email"]["unique"], "ix_users_email should be unique"
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE users SET email = 'same@example.com' WHERE id = 1")
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE users SET email = 'same@example.com' WHERE id = 2")


def test_posts_table_columns(tmp_path):
    engine = upgraded(tmp_path)
    cols = columns(engine, "posts")
    assert list(cols) == ["id", "user_id", "title", "body", "created_at"], f"posts columns should be id, user_id, title, body, created_at; got {list(cols)}"
    expected = {"id": "INTEGER", "user_id": "INTEGER", "title": "VARCHAR(200)", "body": "TEXT", "created_at": "DATETIME"}
    for name, type_ in expected.items():
        assert str(cols[name]["type"]) == type_, f"posts.{name} should be {type_}, got {cols[name]['type']}"
    for name in ("user_id", "title", "created_at"):
        assert cols[name]["nullable"] is False, f"posts.{name} should be NOT NULL"
    assert cols["body"]["nullable"] is True, "posts.body should be nullable"
    assert inspect(engine).get_pk_constraint("posts")["constrained_columns"] == ["id"], "posts.id should be the primary key"
    assert cols["created_at"]["default"] is not None, "posts.created_at should have a server default"


def test_posts_foreign_key_and_index(tmp_path):
    engine = upgraded(tmp_path)
    fks = inspect(engine).get_foreign_keys("posts")
    assert len(fks) == 1, f"posts should have exactly one foreign key, got {fks}"
    fk = fks[0]
    assert fk["constrained_columns"] == ["user_id"] and fk["referred_table"] == "users" and fk["referred_columns"] == ["id"], \
        f"posts.user_id should reference users.id, got {fk}"
    assert fk.get("options", {}).get("ondelete", "").upper() == "CASCADE", "the foreign key should have ON DELETE CASCADE"
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("posts")}
    assert "ix_posts_user_id" in indexes, f"there should be an index ix_posts_user_id, got {list(indexes)}"
    assert indexes["ix_posts_user_id"]["column_names"] == ["user_id"], "ix_posts_user_id should cover posts.user_id"
    assert not indexes["ix_posts_user_id"]["unique"], "ix_posts_user_id should not be unique"


def test_posts_defaults_and_not_null(tmp_path):
    engine = upgraded(tmp_path)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO posts (user_id, title) VALUES (1, 'hello')")
        row = conn.exec_driver_sql("SELECT title, body, created_at FROM posts").one()
    assert row[0] == "hello" and row[1] is None, "a post without body should store NULL"
    assert row[2] is not None, "created_at should be filled in by the server default"
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO posts (user_id) VALUES (1)")


def test_downgrade_restores_0001_schema_and_keeps_rows(tmp_path):
    engine = upgraded(tmp_path)
    run(engine, migration.downgrade)
    inspector = inspect(engine)
    assert inspector.get_table_names() == ["users"], f"after downgrade only users should remain, got {inspector.get_table_names()}"
    cols = inspector.get_columns("users")
    assert [c["name"] for c in cols] == ["id", "name"], f"after downgrade users should have only id and name, got {[c['name'] for c in cols]}"
    assert inspector.get_indexes("users") == [], f"after downgrade users should have no index, got {inspector.get_indexes('users')}"
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, name FROM users ORDER BY id").all()
    assert [tuple(r) for r in rows] == [(1, "ana"), (2, "bob")], f"downgrade must keep the users' rows, got {rows}"


def test_upgrade_again_after_downgrade(tmp_path):
    engine = upgraded(tmp_path)
    run(engine, migration.downgrade)
    run(engine, migration.upgrade)
    assert sorted(inspect(engine).get_table_names()) == ["posts", "users"], "upgrade should work again after a downgrade"
    assert list(columns(engine, "users")) == ["id", "name", "email", "is_active"], "the users columns should be back"


def test_app_reports_revision(client):
    r = client.get("/migration")
    assert r.status_code == 200 and r.json() == {"revision": "0002_posts_and_user_flags", "down_revision": "0001_users"}, \
        "GET /migration should report the revision identifiers"
