import uuid


def test_create_task_returns_201(client):
    title = f"task {uuid.uuid4().hex[:8]}"
    r = client.post("/tasks", json={"title": title})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["title"] == title
    assert body["done"] is False


def test_missing_title_is_422(client):
    r = client.post("/tasks", json={"priority": "low"})
    assert r.status_code == 422, f"a body without title should give 422, got {r.status_code}"
