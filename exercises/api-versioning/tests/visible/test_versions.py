def test_v1_shape(client):
    r = client.get("/v1/customers/1")
    assert r.status_code == 200, f"GET /v1/customers/1 must answer 200, got {r.status_code}"
    assert r.json() == {"id": 1, "name": "Ada Lovelace"}, f"v1 must answer id and name, got {r.json()}"


def test_v2_shape(client):
    r = client.get("/v2/customers/1")
    assert r.status_code == 200, f"GET /v2/customers/1 must answer 200, got {r.status_code}"
    assert r.json() == {"id": 1, "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}
