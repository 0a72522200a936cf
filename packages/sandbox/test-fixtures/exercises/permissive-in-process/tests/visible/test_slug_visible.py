from main import slugify


def test_lowercases_and_joins():
    assert slugify("Hello World") == "hello-world"


def test_endpoint(client):
    assert client.get("/slug", params={"text": "A B"}).json() == {"slug": "a-b"}
