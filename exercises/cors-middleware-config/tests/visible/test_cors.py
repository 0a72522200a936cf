APP = "https://app.example.com"


def test_preflight_from_app_origin(client):
    r = client.options("/items", headers={"Origin": APP, "Access-Control-Request-Method": "POST"})
    assert r.status_code == 200, f"a preflight from {APP} for POST should return 200, got {r.status_code}"
    assert r.headers.get("access-control-allow-origin") == APP, "the allowed origin should be echoed back"


def test_preflight_from_unknown_origin_is_refused(client):
    r = client.options("/items", headers={"Origin": "https://evil.example.net", "Access-Control-Request-Method": "GET"})
    assert r.status_code == 400, f"a preflight from an unknown origin should be refused with 400, got {r.status_code}"
