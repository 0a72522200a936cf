def test_unknown_account_uses_envelope(client):
    r = client.get("/accounts/999999")
    assert r.status_code == 404
    assert r.json() == {"error": {"code": "account_not_found", "message": "Account 999999 not found", "details": []}}


def test_validation_error_uses_envelope(client):
    r = client.post("/accounts", json={"owner": "Ana", "balance": -5})
    assert r.status_code == 422
    body = r.json()
    assert body["error"]["code"] == "validation_error"
    assert body["error"]["details"] == [{"field": "body.balance", "message": "Input should be greater than or equal to 0"}]
