def test_app_creates(client):
    assert client.post("/notes", json={"text": "x"}).status_code == 201
