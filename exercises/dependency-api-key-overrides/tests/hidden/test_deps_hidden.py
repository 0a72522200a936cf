from datetime import UTC, datetime

import pytest

import main
from main import app, get_api_keys, get_clock, get_notes_db, pagination

FIXED = datetime(2031, 6, 7, 8, 9, 10, tzinfo=UTC)
KEYS = {"key-carol": "carol", "key-dave": "dave"}


@pytest.fixture
def fresh():
    db: list[dict] = []
    app.dependency_overrides[get_notes_db] = lambda: db
    app.dependency_overrides[get_clock] = lambda: FIXED
    app.dependency_overrides[get_api_keys] = lambda: dict(KEYS)
    yield db
    app.dependency_overrides.clear()


def carol(client, text):
    return client.post("/notes", json={"text": text}, headers={"X-API-Key": "key-carol"})


def test_wrong_key_is_403(client, fresh):
    r = client.get("/notes", headers={"X-API-Key": "dev-key-alice"})
    assert r.status_code == 403, (
        "with get_api_keys overridden, the default key dev-key-alice is no longer valid and must give 403; "
        f"got {r.status_code} (does get_current_owner use Depends(get_api_keys)?)"
    )
    assert r.json() == {"detail": "Invalid API key"}, 'the 403 body should be {"detail": "Invalid API key"}'


def test_missing_key_is_401_on_post(client, fresh):
    r = client.post("/notes", json={"text": "x"})
    assert r.status_code == 401, f"POST /notes without X-API-Key should give 401, got {r.status_code}"
    assert fresh == [], "a rejected request must not store a note"


def test_default_keys_work_without_overrides(client):
    app.dependency_overrides.clear()
    r = client.post("/notes", json={"text": "default key"}, headers={"X-API-Key": "dev-key-bob"})
    assert r.status_code == 201, f"the default key dev-key-bob should be accepted, got {r.status_code}"
    assert r.json()["owner"] == "bob", "dev-key-bob belongs to owner 'bob'"
    assert r.json() in main.get_notes_db(), "without overrides, notes are stored in the list get_notes_db() returns"
    r = client.get("/notes", headers={"X-API-Key": "dev-key-alice"})
    assert r.status_code == 200, "the default key dev-key-alice should be accepted"
    r = client.get("/notes", headers={"X-API-Key": "nope"})
    assert r.status_code == 403, "an unknown key should give 403"


def test_clock_and_store_come_from_dependencies(client, fresh):
    r = carol(client, "first")
    assert r.status_code == 201, f"expected 201, got {r.status_code}"
    assert r.json()["created_at"] == "2031-06-07T08:09:10+00:00", (
        "created_at must come from the get_clock dependency (it is overridden in this test)"
    )
    fresh.extend([{"id": 2, "owner": "dave", "text": "x", "created_at": "y"}])
    r = carol(client, "second")
    assert r.json()["id"] == 3, "id must be len(notes) + 1 of the list returned by get_notes_db()"
    assert [n["text"] for n in fresh] == ["first", "x", "second"], "notes must be appended to the get_notes_db() list"


def test_list_only_returns_callers_notes(client, fresh):
    carol(client, "c1")
    client.post("/notes", json={"text": "d1"}, headers={"X-API-Key": "key-dave"})
    carol(client, "c2")
    r = client.get("/notes", headers={"X-API-Key": "key-carol"})
    assert r.status_code == 200, f"expected 200, got {r.status_code}"
    body = r.json()
    assert [n["text"] for n in body["items"]] == ["c1", "c2"], "GET /notes must list only the caller's notes, in order"
    assert body["total"] == 2, "total counts only the caller's notes"
    assert body["skip"] == 0 and body["limit"] == 10, "default pagination is skip=0, limit=10"


def test_pagination_slices(client, fresh):
    for i in range(7):
        carol(client, f"n{i}")
    r = client.get("/notes", params={"skip": 2, "limit": 3}, headers={"X-API-Key": "key-carol"})
    assert r.status_code == 200, f"GET /notes?skip=2&limit=3 should give 200, got {r.status_code}"
    body = r.json()
    assert [n["text"] for n in body["items"]] == ["n2", "n3", "n4"], "skip=2&limit=3 should return the 3rd to 5th notes"
    assert body["total"] == 7, "total is the count before paginating"
    assert (body["skip"], body["limit"]) == (2, 3), "skip and limit should be echoed"


def test_pagination_validation(client, fresh):
    headers = {"X-API-Key": "key-carol"}
    for params in [{"limit": 0}, {"limit": 51}, {"skip": -1}, {"limit": "ten"}]:
        r = client.get("/notes", params=params, headers=headers)
        assert r.status_code == 422, f"{params} should be rejected with 422, got {r.status_code}"
    r = client.get("/notes", params={"limit": 50}, headers=headers)
    assert r.status_code == 200, "limit=50 is allowed"


def test_pagination_dependency_is_used(client, fresh):
    for i in range(5):
        carol(client, f"p{i}")
    app.dependency_overrides[pagination] = lambda: main.Pagination(skip=1, limit=2)
    r = client.get("/notes", headers={"X-API-Key": "key-carol"})
    assert r.status_code == 200, f"GET /notes should give 200, got {r.status_code}"
    body = r.json()
    assert [n["text"] for n in body["items"]] == ["p1", "p2"], (
        "GET /notes must take skip/limit from Depends(pagination) (overridden here to skip=1, limit=2)"
    )
    assert (body["skip"], body["limit"]) == (1, 2), "skip and limit must echo the Pagination object"


def test_text_validation(client, fresh):
    headers = {"X-API-Key": "key-carol"}
    for body in [{"text": ""}, {"text": "x" * 201}, {}]:
        r = client.post("/notes", json=body, headers=headers)
        assert r.status_code == 422, f"body {str(body)[:30]} should be rejected with 422, got {r.status_code}"
    assert fresh == [], "invalid notes must not be stored"
