def test_hello_message(client):
    assert client.get("/hello").json() == {"message": "hello"}


def test_goodbye_message(client):
    assert client.get("/goodbye").json() == {"message": "goodbye"}, "GET /goodbye must answer the farewell"
