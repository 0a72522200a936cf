import re
import time


def metrics(client):
    r = client.get("/metrics")
    assert r.status_code == 200, "GET /metrics must answer 200"
    return r.json()


def test_404_and_422_are_counted(client):
    before = metrics(client)["requests"]
    client.get("/orders/999")
    client.get("/orders/abc")
    client.post("/orders", json={"item": "", "quantity": 1})
    after = metrics(client)["requests"]
    for key in ("GET /orders/{order_id} 404", "GET /orders/{order_id} 422", "POST /orders 422"):
        assert after.get(key, 0) - before.get(key, 0) == 1, f"one request must add 1 to '{key}'"


def test_created_orders_are_counted(client):
    before = metrics(client)["requests"].get("POST /orders 201", 0)
    r = client.post("/orders", json={"item": "cable", "quantity": 3})
    assert r.status_code == 201, "POST /orders must still answer 201"
    after = metrics(client)["requests"].get("POST /orders 201", 0)
    assert after - before == 1, "a created order must add 1 to 'POST /orders 201'"


def test_unknown_paths_are_grouped_as_unmatched(client):
    before = metrics(client)["requests"]
    client.get("/no/such/page")
    client.get("/another-random-url")
    after = metrics(client)["requests"]
    assert after.get("GET unmatched 404", 0) - before.get("GET unmatched 404", 0) == 2, \
        "requests matching no route must be counted under 'GET unmatched 404'"
    assert not any("no/such" in k or "random-url" in k for k in after), \
        "concrete unknown URLs must not appear as keys"


def test_no_concrete_ids_in_keys(client):
    client.get("/orders/3")
    keys = metrics(client)["requests"]
    assert "GET /orders/3 200" not in keys, "counters must use the route template, not the concrete URL"


def test_metrics_requests_are_not_counted(client):
    before = metrics(client)
    client.get("/metrics/prometheus")
    after = metrics(client)
    assert not any("/metrics" in k for k in after["requests"]), "requests to /metrics must not be counted"
    assert after["requests"] == before["requests"], "reading the metrics must not change the counters"


def test_errors_total(client):
    before = metrics(client)["errors"]
    client.get("/orders/12345")
    client.get("/orders/1")
    after = metrics(client)["errors"]
    assert after - before == 1, "'errors' must grow by one for each response with status >= 400 (and not for a 200)"


def test_uptime_grows(client):
    first = metrics(client)["uptime_seconds"]
    time.sleep(0.05)
    second = metrics(client)["uptime_seconds"]
    assert isinstance(first, (int, float)) and first >= 0, "uptime_seconds must be a non-negative number"
    assert second > first, "uptime_seconds must grow over time, with at least millisecond precision (two readings 50 ms apart must differ)"


def test_prometheus_format(client):
    client.get("/orders/2")
    r = client.get("/metrics/prometheus")
    assert r.status_code == 200, "GET /metrics/prometheus must answer 200"
    assert r.headers["content-type"].startswith("text/plain"), "the Prometheus format is text/plain"
    lines = r.text.strip().splitlines()
    assert lines[0] == "# TYPE http_requests_total counter", "the first line must be '# TYPE http_requests_total counter'"
    json_count = metrics(client)["requests"].get("GET /orders/{order_id} 200")
    assert json_count, "GET /metrics must count 'GET /orders/{order_id} 200'"
    expected = f'http_requests_total{{method="GET",path="/orders/{{order_id}}",status="200"}} {json_count}'
    assert expected in lines, f"expected the line {expected!r}"
    pattern = re.compile(r'^http_requests_total\{method="[A-Z]+",path="[^"]+",status="\d{3}"\} \d+$')
    bad = [l for l in lines[1:] if not pattern.match(l)]
    assert not bad, f"malformed lines: {bad}"
