import time
import uuid


def wait_for(check, seconds=1.5):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def place(client, **body):
    r = client.post("/orders", json=body)
    assert r.status_code == 202, f"POST /orders should return 202, got {r.status_code}: {r.text}"
    return r.json()


def test_response_is_built_before_processing(client):
    item = "item-" + uuid.uuid4().hex[:6]
    body = place(client, item=item, quantity=4)
    assert body["status"] == "pending", "the POST response must show status 'pending' (processing runs after the response)"
    assert set(body) == {"id", "item", "quantity", "status"}, "the response should have exactly id, item, quantity, status"
    assert isinstance(body["id"], int), "the order id should be an integer"


def test_processing_updates_status(client):
    order = place(client, item="widget", quantity=5)
    done = wait_for(lambda: client.get(f"/orders/{order['id']}").json().get("status") == "processed")
    assert done, "the order's status should become 'processed' once the background task has run"
    r = client.get(f"/orders/{order['id']}")
    assert r.json() == {"id": order["id"], "item": "widget", "quantity": 5, "status": "processed"}, "GET /orders/{id} shape"


def test_audit_entry_written_once(client):
    item = "gizmo-" + uuid.uuid4().hex[:6]
    order = place(client, item=item, quantity=7)
    entries = wait_for(lambda: client.get("/audit-log", params={"order_id": order["id"]}).json())
    assert entries, "process_order should append an audit entry for the order"
    time.sleep(0.1)
    entries = client.get("/audit-log", params={"order_id": order["id"]}).json()
    assert entries == [{"order_id": order["id"], "event": "processed", "message": f"Processed 7 x {item}"}], \
        f"expected exactly one audit entry 'Processed 7 x {item}', got {entries}"


def test_confirmation_email_sent_when_email_given(client):
    email = f"buyer{uuid.uuid4().hex[:8]}@example.com"
    order = place(client, item="book", quantity=1, email=email)
    assert "email" not in order, "the response should not include the email"
    mails = wait_for(lambda: client.get("/outbox", params={"to": email}).json())
    assert mails == [{"to": email, "subject": f"Order {order['id']} confirmed"}], \
        f"a background task should send one confirmation to {email}, outbox has {mails}"


def test_no_email_no_confirmation(client):
    order = place(client, item="pen", quantity=2)
    wait_for(lambda: client.get("/audit-log", params={"order_id": order["id"]}).json())
    time.sleep(0.1)
    subjects = [m["subject"] for m in client.get("/outbox").json()]
    assert f"Order {order['id']} confirmed" not in subjects, "without an email no confirmation should be sent"
    assert client.get(f"/orders/{order['id']}").json()["status"] == "processed", "orders without email are still processed"


def test_invalid_orders_are_422(client):
    for bad in ({"item": "", "quantity": 1}, {"item": "x", "quantity": 0}, {"item": "x", "quantity": 101},
                {"item": "x" * 51, "quantity": 1}, {"quantity": 1}, {"item": "x", "quantity": 1, "email": "not-an-email"}):
        r = client.post("/orders", json=bad)
        assert r.status_code == 422, f"POST /orders with {bad} should be rejected with 422, got {r.status_code}"


def test_unknown_order_is_404(client):
    r = client.get("/orders/987654321")
    assert r.status_code == 404, f"an unknown order should be 404, got {r.status_code}"
    assert r.json() == {"detail": "Order not found"}, "wrong 404 detail"
