import re
import uuid

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def logs(client, rid):
    return client.get("/logs", params={"request_id": rid}).json()["records"]


def test_missing_request_id_is_generated(client):
    r = client.get("/items/2")
    rid = r.headers.get("x-request-id", "")
    assert HEX32.match(rid), f"without X-Request-ID the app must generate uuid4().hex, got {rid!r}"
    other = client.get("/items/2").headers.get("x-request-id")
    assert other != rid, "each request must get a new generated id"


def test_invalid_request_id_is_replaced(client):
    for bad in ("has spaces in it", "x" * 65, "semi;colon"):
        r = client.get("/items/1", headers={"X-Request-ID": bad})
        rid = r.headers.get("x-request-id", "")
        assert HEX32.match(rid), f"an invalid X-Request-ID ({bad!r}) must be replaced by uuid4().hex, got {rid!r}"


def test_64_characters_is_still_valid(client):
    rid = ("a-" * 32)[:64]
    r = client.get("/items/1", headers={"X-Request-ID": rid})
    assert r.headers.get("x-request-id") == rid, "a 64-character id of letters, digits and dashes must be kept"


def test_response_time_header(client):
    r = client.get("/items/1")
    value = r.headers.get("x-response-time-ms")
    assert value is not None, "every response must carry X-Response-Time-Ms"
    assert float(value) >= 0, "X-Response-Time-Ms must be a non-negative number"


def test_404_is_logged_as_warning(client):
    rid = f"nf-{uuid.uuid4().hex[:8]}"
    r = client.get("/items/99", headers={"X-Request-ID": rid})
    assert r.status_code == 404, "an unknown item must give 404"
    assert r.headers.get("x-request-id") == rid, "a 404 response must also carry X-Request-ID"
    assert logs(client, rid) == [
        {"level": "INFO", "message": "looking up item 99"},
        {"level": "WARNING", "message": "GET /items/99 404"},
    ], "a 404 must be logged as 'GET /items/99 404' at WARNING after the lookup record"


def test_422_is_logged_as_warning(client):
    rid = f"bad-{uuid.uuid4().hex[:8]}"
    r = client.get("/items/abc", headers={"X-Request-ID": rid})
    assert r.status_code == 422, "a non-integer item id must give 422"
    assert r.headers.get("x-request-id") == rid, "a 422 response must also carry X-Request-ID"
    assert logs(client, rid) == [{"level": "WARNING", "message": "GET /items/abc 422"}], \
        "a 422 must log only the access record, at WARNING"


def test_unhandled_error_gives_500_with_request_id(client):
    rid = f"boom-{uuid.uuid4().hex[:8]}"
    r = client.get("/boom", headers={"X-Request-ID": rid})
    assert r.status_code == 500, "GET /boom must give 500"
    assert r.json() == {"detail": "internal error", "request_id": rid}, \
        "the 500 body must be {'detail': 'internal error', 'request_id': <id>}"
    assert r.headers.get("x-request-id") == rid, "a 500 response must also carry X-Request-ID"
    assert {"level": "ERROR", "message": "GET /boom 500"} in logs(client, rid), \
        "a 500 must be logged as 'GET /boom 500' at ERROR"


def test_logs_requests_are_not_logged(client):
    rid = f"logs-{uuid.uuid4().hex[:8]}"
    client.get("/logs", params={"request_id": "whatever"}, headers={"X-Request-ID": rid})
    assert logs(client, rid) == [], "requests to /logs must not be logged"


def test_unknown_id_has_no_records(client):
    r = client.get("/logs", params={"request_id": f"never-{uuid.uuid4().hex}"})
    assert r.status_code == 200, "GET /logs must answer 200"
    assert r.json()["records"] == [], "an unknown request id must have no records"
