import time


def wait_for(check, seconds=1.5):
    """Background tasks run after the response: poll a little before giving up."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def test_post_returns_202_pending(client):
    r = client.post("/orders", json={"item": "tea", "quantity": 1})
    assert r.status_code == 202, f"POST /orders should return 202, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["status"] == "pending" and body["item"] == "tea" and body["quantity"] == 1


def test_order_gets_processed(client):
    order_id = client.post("/orders", json={"item": "cake", "quantity": 3}).json()["id"]
    done = wait_for(lambda: client.get(f"/orders/{order_id}").json()["status"] == "processed")
    assert done, "after the response, a background task should mark the order 'processed'"
