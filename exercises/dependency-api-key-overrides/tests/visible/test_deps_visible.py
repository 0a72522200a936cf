from datetime import UTC, datetime

import pytest

from main import app, get_api_keys, get_clock, get_notes_db


@pytest.fixture
def fresh():
    db: list[dict] = []
    app.dependency_overrides[get_notes_db] = lambda: db
    app.dependency_overrides[get_clock] = lambda: datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    app.dependency_overrides[get_api_keys] = lambda: {"test-key": "carol"}
    yield db
    app.dependency_overrides.clear()


def test_create_note_uses_overridden_dependencies(client, fresh):
    r = client.post("/notes", json={"text": "Buy milk"}, headers={"X-API-Key": "test-key"})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    expected = {"id": 1, "owner": "carol", "text": "Buy milk", "created_at": "2030-01-02T03:04:05+00:00"}
    assert r.json() == expected
    assert fresh == [expected], "the note must be appended to the list from get_notes_db()"


def test_missing_key_is_401(client, fresh):
    r = client.get("/notes")
    assert r.status_code == 401, f"no X-API-Key header should give 401, got {r.status_code}"
    assert r.json() == {"detail": "Missing API key"}
