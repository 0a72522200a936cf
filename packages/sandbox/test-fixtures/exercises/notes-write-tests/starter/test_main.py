def test_hello(client):
    assert client.get("/hello").status_code == 200
