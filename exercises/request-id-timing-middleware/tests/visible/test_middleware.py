import re


def test_ping_has_generated_request_id(client):
    r = client.get("/ping")
    assert r.status_code == 200
    rid = r.headers.get("x-request-id")
    assert rid is not None, "the response should have an X-Request-ID header"
    assert re.fullmatch(r"[0-9a-f]{32}", rid), f"a generated request id should be 32 lowercase hex characters, got {rid!r}"


def test_incoming_request_id_is_echoed(client):
    r = client.get("/ping", headers={"X-Request-ID": "abc-123"})
    assert r.headers.get("x-request-id") == "abc-123", "a valid incoming X-Request-ID should be reused"
    assert "x-process-time-ms" in r.headers, "the response should have an X-Process-Time-Ms header"
