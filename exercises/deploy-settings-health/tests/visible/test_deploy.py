def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200, f"GET /health must answer 200, got {r.status_code}"
    assert r.json() == {"status": "ok", "version": "1.4.0", "environment": "production"}, \
        f"unexpected /health body: {r.json()}"


def test_openapi_title_from_settings(client):
    info = client.get("/openapi.json").json()["info"]
    assert info["title"] == "Inventory Service", f"the title must come from settings.app_name, got {info['title']!r}"
