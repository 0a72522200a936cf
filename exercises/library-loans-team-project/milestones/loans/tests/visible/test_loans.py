import uuid

PASSWORD = "password123"


def unique_isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "7")


def new_member(client):
    name = f"m_{uuid.uuid4().hex[:8]}"
    assert client.post("/auth/register", json={"username": name, "password": PASSWORD}).status_code == 201
    r = client.post("/auth/token", data={"username": name, "password": PASSWORD})
    assert r.status_code == 200
    return name, {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_registers_logs_in_and_reads_me(client):
    name, headers = new_member(client)
    r = client.get("/members/me", headers=headers)
    assert r.status_code == 200
    assert r.json()["username"] == name


def test_borrows_a_book_and_lists_the_loan(client):
    _, headers = new_member(client)
    book = client.post("/books", json={"title": "Kindred", "author": "Octavia E. Butler", "isbn": unique_isbn(), "year": 1979}).json()
    r = client.post("/loans", json={"book_id": book["id"]}, headers=headers)
    assert r.status_code == 201
    loan = r.json()
    assert loan["book_id"] == book["id"] and loan["returned_on"] is None
    assert client.get("/loans", headers=headers).json() == [loan]
    assert client.get(f"/books/{book['id']}").json()["available"] == 0
