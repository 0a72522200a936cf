def test_hello_default(client):
    r = client.get("/hello")
    assert r.status_code == 200
    assert r.json() == {"message": "Hello, World!"}


def test_hello_name(client):
    r = client.get("/hello", params={"name": "Ada"})
    assert r.json() == {"message": "Hello, Ada!"}
