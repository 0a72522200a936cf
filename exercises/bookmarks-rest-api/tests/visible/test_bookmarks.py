import uuid


def test_create_returns_201_and_location(client):
    url = f"https://example.com/{uuid.uuid4().hex}"
    r = client.post("/bookmarks", json={"url": url, "title": "Example", "tags": ["demo"]})
    assert r.status_code == 201, f"POST /bookmarks must answer 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["url"] == url and body["title"] == "Example" and body["tags"] == ["demo"], f"unexpected body {body}"
    assert r.headers.get("location") == f"/bookmarks/{body['id']}", "the Location header must point to the new bookmark"


def test_read_one(client):
    url = f"https://example.com/{uuid.uuid4().hex}"
    created = client.post("/bookmarks", json={"url": url, "title": "Read me", "tags": []}).json()
    r = client.get(f"/bookmarks/{created['id']}")
    assert r.status_code == 200 and r.json() == created, "GET /bookmarks/{id} must return the created bookmark"
