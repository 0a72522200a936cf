import uuid


def account(client, balance=100):
    r = client.post("/accounts", json={"owner": "o-" + uuid.uuid4().hex[:6], "balance": balance})
    assert r.status_code == 201, f"creating an account should return 201, got {r.status_code}: {r.text}"
    return r.json()


def err(code, message, details=None):
    return {"error": {"code": code, "message": message, "details": details or []}}


def test_successful_transfer_still_works(client):
    a, b = account(client, 100), account(client, 5)
    r = client.post("/transfers", json={"from_id": a["id"], "to_id": b["id"], "amount": 30})
    assert r.status_code == 200, f"a valid transfer should return 200, got {r.status_code}: {r.text}"
    assert r.json()["from"]["balance"] == 70 and r.json()["to"]["balance"] == 35, "balances should be updated"


def test_insufficient_funds_is_409_envelope(client):
    a, b = account(client, 10), account(client, 0)
    r = client.post("/transfers", json={"from_id": a["id"], "to_id": b["id"], "amount": 11})
    assert r.status_code == 409, f"a transfer above the balance should be 409, got {r.status_code}"
    assert r.json() == err("insufficient_funds", f"Account {a['id']} has insufficient funds"), f"wrong envelope: {r.json()}"
    assert client.get(f"/accounts/{a['id']}").json()["balance"] == 10, "a refused transfer must not change balances"


def test_same_account_is_400_envelope(client):
    a = account(client)
    r = client.post("/transfers", json={"from_id": a["id"], "to_id": a["id"], "amount": 1})
    assert r.status_code == 400, f"a transfer to the same account should be 400, got {r.status_code}"
    assert r.json() == err("same_account", "Cannot transfer to the same account"), f"wrong envelope: {r.json()}"


def test_missing_target_account_is_404_envelope(client):
    a = account(client)
    r = client.post("/transfers", json={"from_id": a["id"], "to_id": 987654, "amount": 1})
    assert r.status_code == 404, f"a transfer to an unknown account should be 404, got {r.status_code}"
    assert r.json() == err("account_not_found", "Account 987654 not found"), f"wrong envelope: {r.json()}"


def test_validation_details_list_every_error_in_order(client):
    r = client.post("/transfers", json={"from_id": "x", "amount": 0})
    assert r.status_code == 422, f"an invalid transfer body should be 422, got {r.status_code}"
    body = r.json()
    assert set(body) == {"error"}, "the body should contain only the 'error' envelope (no 'detail')"
    assert body["error"]["code"] == "validation_error" and body["error"]["message"] == "Invalid request", \
        "validation errors should have code 'validation_error' and message 'Invalid request'"
    assert body["error"]["details"] == [
        {"field": "body.from_id", "message": "Input should be a valid integer, unable to parse string as an integer"},
        {"field": "body.to_id", "message": "Field required"},
        {"field": "body.amount", "message": "Input should be greater than 0"},
    ], f"details should list each Pydantic error as field/message, got {body['error']['details']}"


def test_path_parameter_validation_envelope(client):
    r = client.get("/accounts/abc")
    assert r.status_code == 422, f"a non-integer account id should be 422, got {r.status_code}"
    assert r.json() == err("validation_error", "Invalid request", [
        {"field": "path.account_id", "message": "Input should be a valid integer, unable to parse string as an integer"},
    ]), f"wrong envelope for a bad path parameter: {r.json()}"


def test_missing_body_envelope(client):
    r = client.post("/accounts")
    assert r.status_code == 422, f"a missing body should be 422, got {r.status_code}"
    assert r.json() == err("validation_error", "Invalid request", [{"field": "body", "message": "Field required"}]), \
        f"a missing body should give one detail with field 'body': {r.json()}"


def test_unknown_route_and_wrong_method_use_envelope(client):
    r = client.get("/nowhere-" + uuid.uuid4().hex[:6])
    assert r.status_code == 404, f"an unknown route should stay 404, got {r.status_code}"
    assert r.json() == err("http_error", "Not Found"), f"an unknown route should use the envelope: {r.json()}"
    r = client.delete("/accounts/1")
    assert r.status_code == 405, f"a wrong method should stay 405, got {r.status_code}"
    assert r.json() == err("http_error", "Method Not Allowed"), f"a 405 should use the envelope: {r.json()}"
