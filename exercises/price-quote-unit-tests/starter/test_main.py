# Write your tests here. Use the `client` fixture; you cannot import the app.
# Each rule in the README deserves at least one test (and each boundary, two).


def test_quote_answers_200(client):
    r = client.post("/quote", json={"unit_price": 5, "quantity": 1})
    assert r.status_code == 200


# TODO: test the bulk discount thresholds (9 vs 10, 99 vs 100 units)
# TODO: test the SAVE10 coupon, an unknown coupon (400) and a total that cannot go below 0
# TODO: test the quantity limits (422 outside 1..1000)
# TODO: test GET /slug (format, 30-character limit, 400 when empty)
