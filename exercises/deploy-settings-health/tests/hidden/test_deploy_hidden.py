def test_openapi_version_from_settings(client):
    info = client.get("/openapi.json").json()["info"]
    assert info["version"] == "1.4.0", f"the OpenAPI version must come from settings.version, got {info['version']!r}"


def test_docs_disabled_in_production(client):
    assert client.get("/docs").status_code == 404, "/docs must be disabled (404) when environment is production"
    assert client.get("/redoc").status_code == 404, "/redoc must be disabled (404) when environment is production"
    assert client.get("/openapi.json").status_code == 200, "/openapi.json must stay available"


def test_ready_after_startup(client):
    r = client.get("/ready")
    assert r.status_code == 200, "GET /ready must answer 200"
    assert r.json() == {"ready": True}, "the lifespan must set app.state.ready = True at startup"


def test_info_exposes_public_settings_only(client):
    r = client.get("/info")
    assert r.status_code == 200, "GET /info must answer 200"
    assert r.json() == {
        "app_name": "Inventory Service", "version": "1.4.0", "environment": "production",
        "debug": False, "max_page_size": 50,
    }, f"unexpected /info body: {r.json()}"


def test_info_never_leaks_the_secret(client):
    text = client.get("/info").text
    assert "change-me" not in text and "secret" not in text.lower(), "the secret key must never be returned"


def test_items_default_limit(client):
    body = client.get("/items").json()
    assert body["limit"] == 10 and len(body["items"]) == 10, "without limit, 10 items must be returned"
    assert body["items"][0] == {"id": 1, "name": "item-1"}, "items start with item-1"


def test_items_capped_at_max_page_size(client):
    body = client.get("/items", params={"limit": 100}).json()
    assert body["limit"] == 50, f"limit=100 must be capped at max_page_size 50, got {body['limit']}"
    assert len(body["items"]) == 50, "at most 50 items must be returned"


def test_items_rejects_zero_limit(client):
    assert client.get("/items", params={"limit": 0}).status_code == 422, "limit=0 must be rejected with 422"
