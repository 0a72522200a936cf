def test_hello_message(client):
    assert client.get("/hello").json() == {"message": "hello"}
