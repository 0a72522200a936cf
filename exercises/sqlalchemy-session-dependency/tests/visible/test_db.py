def test_health_reports_ok(client):
    r = client.get("/health/db")
    assert r.status_code == 200, f"GET /health/db should return 200, got {r.status_code}: {r.text}"
    assert r.json()["database"] == "ok"


def test_create_and_read_note(client):
    r = client.post("/notes", json={"text": "buy milk"})
    assert r.status_code == 201, f"POST /notes should return 201, got {r.status_code}: {r.text}"
    note = r.json()
    assert client.get(f"/notes/{note['id']}").json() == note
