import uuid
from datetime import date, timedelta

PASSWORD = "password123"


def unique_isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "7")


def test_searches_books_by_a_word_of_the_title(client):
    word = uuid.uuid4().hex[:8]
    for title in [f"The {word} Garden", f"Night of {word}"]:
        client.post("/books", json={"title": title, "author": "Anon", "isbn": unique_isbn(), "year": 2000})
    r = client.get("/books/search", params={"q": word})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 2 and page["limit"] == 10 and page["offset"] == 0
    assert [b["title"] for b in page["items"]] == [f"The {word} Garden", f"Night of {word}"]


def test_renewing_a_loan_moves_its_due_date(client):
    name = f"m_{uuid.uuid4().hex[:8]}"
    client.post("/auth/register", json={"username": name, "password": PASSWORD})
    token = client.post("/auth/token", data={"username": name, "password": PASSWORD}).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    book = client.post("/books", json={"title": "Beloved", "author": "Toni Morrison", "isbn": unique_isbn(), "year": 1987}).json()
    loan = client.post("/loans", json={"book_id": book["id"]}, headers=headers).json()
    r = client.post(f"/loans/{loan['id']}/renew", headers=headers)
    assert r.status_code == 200
    assert date.fromisoformat(r.json()["due_on"]) == date.fromisoformat(loan["due_on"]) + timedelta(days=14)
    assert r.json()["renewals"] == 1
