import uuid


def test_list_filters_by_q_and_reports_total(client):
    tag = uuid.uuid4().hex[:10]
    for i in range(3):
        client.post("/tasks", json={"title": f"{tag} task {i}"})
    r = client.get("/tasks", params={"q": tag, "limit": 2})
    assert r.status_code == 200, f"GET /tasks should return 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["total"] == 3, f"total should count every match, got {body['total']}"
    assert len(body["items"]) == 2, "limit=2 should return 2 items"


def test_patch_keeps_unsent_fields(client):
    t = client.post("/tasks", json={"title": "keep me", "description": "desc", "priority": 5}).json()
    r = client.patch(f"/tasks/{t['id']}", json={"done": True})
    assert r.status_code == 200, f"PATCH should return 200, got {r.status_code}: {r.text}"
    assert r.json() == {**t, "done": True}
