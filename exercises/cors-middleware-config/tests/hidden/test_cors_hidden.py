import uuid

import pytest

APP = "https://app.example.com"
ADMIN = "https://admin.example.com"


def preflight(client, origin, method, headers=None):
    h = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        h["Access-Control-Request-Headers"] = headers
    return client.options("/items", headers=h)


def methods_of(r):
    return {m.strip().upper() for m in r.headers.get("access-control-allow-methods", "").split(",") if m.strip()}


@pytest.mark.parametrize("origin", [APP, ADMIN])
def test_preflight_allowed_origins(client, origin):
    r = preflight(client, origin, "PUT", "authorization, content-type, x-client-version")
    assert r.status_code == 200, f"a preflight from {origin} for PUT with the allowed headers should be 200, got {r.status_code}: {r.text}"
    assert r.headers.get("access-control-allow-origin") == origin, \
        f"Access-Control-Allow-Origin should echo {origin} (not '*'), got {r.headers.get('access-control-allow-origin')!r}"
    assert r.headers.get("access-control-allow-credentials") == "true", "credentials should be allowed"
    assert r.headers.get("access-control-max-age") == "600", "the preflight should be cacheable for 600 seconds"
    m = methods_of(r)
    assert {"GET", "POST", "PUT"} <= m, f"GET, POST and PUT should be allowed, Access-Control-Allow-Methods is {m}"
    assert "DELETE" not in m and "PATCH" not in m, f"only GET, POST and PUT should be allowed, got {m}"


def test_preflight_for_delete_is_refused(client):
    r = preflight(client, APP, "DELETE")
    assert r.status_code == 400, f"a cross-origin DELETE preflight should be refused with 400, got {r.status_code}"


@pytest.mark.parametrize("origin", [
    "https://evil.example.net",
    "http://app.example.com",
    "https://app.example.com:8443",
    "https://sub.app.example.com",
    "null",
])
def test_preflight_from_other_origins_is_refused(client, origin):
    r = preflight(client, origin, "GET")
    assert r.status_code == 400, f"a preflight from {origin} should be refused with 400, got {r.status_code}"
    assert r.headers.get("access-control-allow-origin") in (None, APP, ADMIN), \
        f"{origin} must not be allowed; got Access-Control-Allow-Origin {r.headers.get('access-control-allow-origin')!r}"
    assert r.headers.get("access-control-allow-origin") != "*", "never answer '*' when credentials are allowed"


def test_preflight_with_unlisted_header_is_refused(client):
    r = preflight(client, APP, "POST", "x-secret-header")
    assert r.status_code == 400, f"a preflight asking for a header that is not allowed should be 400, got {r.status_code}"
    r = preflight(client, APP, "POST", "X-Client-Version")
    assert r.status_code == 200, f"X-Client-Version is an allowed request header, preflight should be 200, got {r.status_code}"


def test_actual_request_from_allowed_origin(client):
    client.post("/items", json={"name": "n-" + uuid.uuid4().hex[:6]})
    r = client.get("/items", headers={"Origin": ADMIN})
    assert r.status_code == 200, f"GET /items should return 200, got {r.status_code}"
    assert r.headers.get("access-control-allow-origin") == ADMIN, "an allowed origin should be echoed on the actual response"
    assert r.headers.get("access-control-allow-credentials") == "true", "the actual response should allow credentials"
    exposed = {h.strip().lower() for h in r.headers.get("access-control-expose-headers", "").split(",")}
    assert "x-total-count" in exposed, "X-Total-Count should be listed in Access-Control-Expose-Headers"
    assert int(r.headers["x-total-count"]) >= 1, "X-Total-Count should count the items"


def test_actual_request_from_disallowed_or_no_origin(client):
    r = client.get("/items", headers={"Origin": "https://evil.example.net"})
    assert r.status_code == 200, "the request itself still succeeds (the browser is the one blocking it)"
    assert "access-control-allow-origin" not in r.headers, "a disallowed origin must not get Access-Control-Allow-Origin"
    r = client.get("/items")
    assert "access-control-allow-origin" not in r.headers, "a request without Origin needs no CORS headers"


def test_cross_origin_post_works(client):
    name = "n-" + uuid.uuid4().hex[:6]
    r = client.post("/items", json={"name": name}, headers={"Origin": APP, "X-Client-Version": "1.2.3"})
    assert r.status_code == 201, f"POST /items should still return 201, got {r.status_code}"
    assert r.json()["name"] == name
    assert r.headers.get("access-control-allow-origin") == APP, "the POST response should carry the allowed origin"
