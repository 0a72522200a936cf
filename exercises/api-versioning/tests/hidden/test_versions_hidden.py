import uuid

SUNSET = "Thu, 31 Dec 2026 23:59:59 GMT"
LINK = '</v2/customers>; rel="successor-version"'


def create(client):
    last = f"Tester{uuid.uuid4().hex[:6]}"
    r = client.post("/v2/customers", json={"first_name": "Grace", "last_name": last, "email": f"{last}@example.com"})
    assert r.status_code == 201, f"POST /v2/customers must answer 201, got {r.status_code}"
    return r.json()


def check_deprecation_headers(r, what):
    assert r.headers.get("deprecation") == "true", f"{what} must carry Deprecation: true"
    assert r.headers.get("sunset") == SUNSET, f"{what} must carry Sunset: {SUNSET}"
    assert r.headers.get("link") == LINK, f"{what} must carry Link: {LINK}"


def test_v1_deprecation_headers(client):
    check_deprecation_headers(client.get("/v1/customers/2"), "GET /v1/customers/2")
    check_deprecation_headers(client.get("/v1/customers"), "GET /v1/customers")
    assert client.get("/v2/customers/2").headers.get("deprecation") is None, "v2 responses must not be deprecated"


def test_v1_list_is_plain_list(client):
    c = create(client)
    r = client.get("/v1/customers")
    body = r.json()
    assert isinstance(body, list), "GET /v1/customers must return a plain list"
    assert {"id": c["id"], "name": f"Grace {c['last_name']}"} in body, \
        "customers created through v2 must appear in the v1 list as {'id', 'name'}"
    assert all(set(x) == {"id", "name"} for x in body), "v1 items must have only id and name"


def test_v1_unknown_is_404(client):
    r = client.get("/v1/customers/999999")
    assert r.status_code == 404, f"an unknown customer must give 404 in v1, got {r.status_code}"
    assert r.json() == {"detail": "customer not found"}, "the v1 404 body must be {'detail': 'customer not found'}"


def test_openapi_deprecated_flags(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/customers", "/v1/customers/{customer_id}"):
        assert path in paths, f"{path} must be in the OpenAPI schema"
        assert paths[path]["get"].get("deprecated") is True, f"GET {path} must be deprecated in OpenAPI"
        assert paths[path]["get"].get("tags") == ["v1"], f"GET {path} must be tagged v1"
    for path in ("/v2/customers", "/v2/customers/{customer_id}"):
        for method, op in paths[path].items():
            assert not op.get("deprecated"), f"{method.upper()} {path} must not be deprecated"


def test_header_default_is_v2(client):
    r = client.get("/customers/1")
    assert r.status_code == 200, f"GET /customers/1 without a version must answer 200, got {r.status_code}"
    assert r.json() == {"id": 1, "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}, \
        "without X-API-Version the v2 shape must be returned"
    assert r.headers.get("x-api-version") == "2", "the response must say X-API-Version: 2"


def test_header_v1(client):
    c = create(client)
    r = client.get(f"/customers/{c['id']}", headers={"X-API-Version": "1"})
    assert r.status_code == 200, f"X-API-Version: 1 must answer 200, got {r.status_code}"
    assert r.json() == {"id": c["id"], "name": f"Grace {c['last_name']}"}, "X-API-Version: 1 must return the v1 shape"
    assert r.headers.get("x-api-version") == "1", "the response must say X-API-Version: 1"
    check_deprecation_headers(r, "a response in version 1")


def test_header_v2_explicit(client):
    c = create(client)
    r = client.get(f"/customers/{c['id']}", headers={"X-API-Version": "2"})
    assert r.json() == c, "X-API-Version: 2 must return the v2 shape"
    assert r.headers.get("deprecation") is None, "a version 2 response must not be deprecated"


def test_unknown_version_is_400(client):
    for value in ("3", "v2", "abc"):
        r = client.get("/customers/1", headers={"X-API-Version": value})
        assert r.status_code == 400, f"X-API-Version: {value} must give 400, got {r.status_code}"
        assert r.json() == {"detail": f"unsupported API version: {value}"}, \
            f"the 400 body must be {{'detail': 'unsupported API version: {value}'}}"


def test_header_unknown_customer_is_404(client):
    assert client.get("/customers/999999", headers={"X-API-Version": "1"}).status_code == 404, \
        "an unknown customer must give 404 (version 1)"
    assert client.get("/customers/999999").status_code == 404, "an unknown customer must give 404 (version 2)"
