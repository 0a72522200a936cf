import uuid

KEY = {"X-API-Key": "dev-key"}


def test_create_and_read_item(client):
    name = f"lamp-{uuid.uuid4().hex[:6]}"
    r = client.post("/items", json={"name": name, "price": 19.9, "tags": ["home"]}, headers=KEY)
    assert r.status_code == 201, f"POST /items must answer 201, got {r.status_code}: {r.text}"
    item = r.json()
    assert item["name"] == name and item["price"] == 19.9 and item["tags"] == ["home"], f"unexpected item {item}"
    r = client.get(f"/items/{item['id']}", headers=KEY)
    assert r.status_code == 200 and r.json() == item, "GET /items/{id} must return the created item"


def test_health_is_public(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.json() == {"status": "ok"}, "GET /health must answer {'status': 'ok'} without a key"
