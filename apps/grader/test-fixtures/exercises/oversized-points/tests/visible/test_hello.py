def test_hello_answers_200(client):
    assert client.get("/hello").status_code == 200
