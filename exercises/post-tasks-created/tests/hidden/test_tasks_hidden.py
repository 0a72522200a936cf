import uuid


def title():
    return f"task {uuid.uuid4().hex[:8]}"


def test_created_task_has_defaults(client):
    t = title()
    r = client.post("/tasks", json={"title": t})
    assert r.status_code == 201, f"POST /tasks should give 201, got {r.status_code}"
    body = r.json()
    assert isinstance(body.get("id"), int), "the created task needs an integer id"
    assert body == {"id": body["id"], "title": t, "description": "", "priority": "normal", "done": False}, (
        "a new task should default to description \"\", priority \"normal\" and done false"
    )


def test_location_header_points_to_the_task(client):
    r = client.post("/tasks", json={"title": title(), "description": "details", "priority": "high"})
    assert r.status_code == 201, f"POST /tasks should give 201, got {r.status_code}"
    task_id = r.json()["id"]
    location = r.headers.get("location")
    assert location == f"/tasks/{task_id}", f"the Location header should be /tasks/{task_id}, got {location!r}"
    got = client.get(location)
    assert got.status_code == 200 and got.json() == r.json(), "GET on the Location should return the created task"


def test_ids_increase(client):
    a = client.post("/tasks", json={"title": title()}).json()["id"]
    b = client.post("/tasks", json={"title": title()}).json()["id"]
    assert b > a, "each new task should get a larger id than the previous one"


def test_client_cannot_set_id_or_done(client):
    r = client.post("/tasks", json={"title": title(), "id": 99999, "done": True})
    assert r.status_code == 201, f"extra id/done fields are ignored, expected 201, got {r.status_code}"
    assert r.json()["done"] is False, "done must be false for a new task, whatever the client sends"
    assert r.json()["id"] != 99999, "the id is assigned by the server, not taken from the body"


def test_invalid_bodies_are_422(client):
    bad = [
        {"title": ""},
        {"title": "x" * 101},
        {"title": title(), "priority": "urgent"},
        {"title": title(), "description": "d" * 501},
        {"title": 123},
    ]
    for body in bad:
        r = client.post("/tasks", json=body)
        assert r.status_code == 422, f"body {str(body)[:60]} should give 422, got {r.status_code}"


def test_non_json_body_is_422(client):
    r = client.post("/tasks", content=b"title=hello", headers={"Content-Type": "text/plain"})
    assert r.status_code == 422, f"a body that is not JSON should give 422, got {r.status_code}"


def test_boundaries_are_accepted(client):
    r = client.post("/tasks", json={"title": "x" * 100, "description": "d" * 500, "priority": "low"})
    assert r.status_code == 201, "a 100-character title and a 500-character description are allowed"


def test_unknown_task_is_404(client):
    r = client.get("/tasks/9999999")
    assert r.status_code == 404, f"an unknown task should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Task not found"}, 'the 404 body should be {"detail": "Task not found"}'
