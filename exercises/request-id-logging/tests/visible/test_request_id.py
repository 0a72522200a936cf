import uuid


def test_incoming_request_id_is_echoed(client):
    rid = f"req-{uuid.uuid4().hex[:8]}"
    r = client.get("/items/1", headers={"X-Request-ID": rid})
    assert r.status_code == 200, f"expected 200, got {r.status_code}"
    assert r.headers.get("x-request-id") == rid, "the X-Request-ID sent by the client must be returned"


def test_records_of_a_request_share_its_id(client):
    rid = f"req-{uuid.uuid4().hex[:8]}"
    client.get("/items/3", headers={"X-Request-ID": rid})
    r = client.get("/logs", params={"request_id": rid})
    assert r.json()["records"] == [
        {"level": "INFO", "message": "looking up item 3"},
        {"level": "INFO", "message": "GET /items/3 200"},
    ], "GET /logs must show the endpoint's record and the access record of that request"
