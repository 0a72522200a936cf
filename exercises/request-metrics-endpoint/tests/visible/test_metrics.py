def count_of(client, key):
    return client.get("/metrics").json()["requests"].get(key, 0)


def test_order_reads_are_counted_by_template(client):
    before = count_of(client, "GET /orders/{order_id} 200")
    client.get("/orders/1")
    client.get("/orders/2")
    after = count_of(client, "GET /orders/{order_id} 200")
    assert after - before == 2, f"two reads of existing orders must add 2 to 'GET /orders/{{order_id}} 200', added {after - before}"


def test_metrics_shape(client):
    body = client.get("/metrics").json()
    assert set(body) == {"requests", "errors", "uptime_seconds"}, \
        f"/metrics must return exactly requests, errors and uptime_seconds, got {sorted(body)}"
