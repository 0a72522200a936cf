import uuid
from datetime import date, timedelta

PASSWORD = "password123"


def unique_isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "7")


def new_member(client):
    name = f"m_{uuid.uuid4().hex[:8]}"
    r = client.post("/auth/register", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, f"POST /auth/register must answer 201, got {r.status_code}: {r.text}"
    r = client.post("/auth/token", data={"username": name, "password": PASSWORD})
    assert r.status_code == 200, f"POST /auth/token must answer 200, got {r.status_code}: {r.text}"
    return name, {"Authorization": f"Bearer {r.json()['access_token']}"}


def new_book(client, title, author="Anon", year=2000, copies=1):
    r = client.post("/books", json={"title": title, "author": author, "isbn": unique_isbn(), "year": year, "copies": copies})
    assert r.status_code == 201, f"POST /books must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def borrow(client, headers, book):
    r = client.post("/loans", json={"book_id": book["id"]}, headers=headers)
    assert r.status_code == 201, f"POST /loans of an available book must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def search(client, **params):
    r = client.get("/books/search", params=params)
    assert r.status_code == 200, f"GET /books/search with {params} must answer 200, got {r.status_code}: {r.text}"
    page = r.json()
    assert set(page) == {"items", "total", "limit", "offset"}, "a search answers exactly items, total, limit and offset"
    return page


def test_q_matches_title_or_author_ignoring_case(client):
    word = uuid.uuid4().hex[:8]
    by_title = new_book(client, f"Songs of {word.upper()}")
    by_author = new_book(client, "Plain Title", author=f"Ada {word}son")
    new_book(client, "Unrelated", author="Nobody")
    page = search(client, q=word)
    assert [b["id"] for b in page["items"]] == [by_title["id"], by_author["id"]], \
        "q must match a part of the title or of the author, ignoring case, sorted by id by default"
    assert page["total"] == 2, "total must count every match"
    assert page["items"][0] == client.get(f"/books/{by_title['id']}").json(), "search items must be books with the same fields as GET /books/{id}"
    assert search(client, q=f"{word}%")["total"] == 0, "q is plain text: % and _ match only themselves"


def test_filters_combine(client):
    word = uuid.uuid4().hex[:8]
    _, headers = new_member(client)
    old = new_book(client, f"{word} old", author="Mary Shelley", year=1818)
    mid = new_book(client, f"{word} mid", author="mary shelley", year=1826)
    new = new_book(client, f"{word} new", author="Someone Else", year=2020)
    borrow(client, headers, mid)
    assert [b["id"] for b in search(client, q=word, author="MARY SHELLEY")["items"]] == [old["id"], mid["id"]], \
        "author must match the whole author name, ignoring case"
    assert [b["id"] for b in search(client, q=word, year_from=1820)["items"]] == [mid["id"], new["id"]], "year_from is inclusive"
    assert [b["id"] for b in search(client, q=word, year_to=1826)["items"]] == [old["id"], mid["id"]], "year_to is inclusive"
    assert [b["id"] for b in search(client, q=word, available="true")["items"]] == [old["id"], new["id"]], \
        "available=true must keep only books with a copy available"
    assert [b["id"] for b in search(client, q=word, available="false")["items"]] == [mid["id"]], \
        "available=false must keep only books with no copy available"
    assert search(client, q=word, author="Mary Shelley", year_from=1800, year_to=1820, available="true")["total"] == 1, \
        "every filter given must apply together"


def test_sorts_with_ties_broken_by_id(client):
    word = uuid.uuid4().hex[:8]
    b = new_book(client, f"{word} B", year=1990)
    a1 = new_book(client, f"{word} A", year=2010)
    a2 = new_book(client, f"{word} A", year=1990)
    ids = lambda sort: [x["id"] for x in search(client, q=word, sort=sort)["items"]]  # noqa: E731
    assert ids("title") == [a1["id"], a2["id"], b["id"]], "sort=title: by title A to Z, equal titles by id"
    assert ids("-title") == [b["id"], a1["id"], a2["id"]], "sort=-title: by title Z to A, equal titles by id"
    assert ids("year") == [b["id"], a2["id"], a1["id"]], "sort=year: oldest first, equal years by id"
    assert ids("-year") == [a1["id"], b["id"], a2["id"]], "sort=-year: newest first, equal years by id"
    assert ids("id") == [b["id"], a1["id"], a2["id"]], "sort=id: by id"


def test_pages_with_limit_offset_and_total(client):
    word = uuid.uuid4().hex[:8]
    books = [new_book(client, f"{word} {i}") for i in range(7)]
    first = search(client, q=word, limit=3)
    assert (first["total"], first["limit"], first["offset"]) == (7, 3, 0), "total counts all matches; limit and offset echo the request"
    assert [b["id"] for b in first["items"]] == [b["id"] for b in books[:3]], "limit=3 must give the first 3 matches"
    last = search(client, q=word, limit=3, offset=6)
    assert [b["id"] for b in last["items"]] == [books[6]["id"]], "offset=6 must skip the first 6 matches"
    assert search(client, q=word, offset=50)["items"] == [], "an offset past the end gives no items"
    assert search(client, q=word)["limit"] == 10, "limit defaults to 10"


def test_bad_search_parameters_are_422(client):
    for params, what in [({"limit": 0}, "limit=0"), ({"limit": 51}, "limit=51"), ({"offset": -1}, "offset=-1"),
                         ({"sort": "pages"}, "sort=pages"), ({"year_from": 2000, "year_to": 1990}, "year_from after year_to"),
                         ({"available": "maybe"}, "available=maybe"), ({"q": ""}, "an empty q")]:
        r = client.get("/books/search", params=params)
        assert r.status_code == 422, f"GET /books/search with {what} must answer 422, got {r.status_code}"


def test_renewal_rules(client):
    _, alice = new_member(client)
    _, bob = new_member(client)
    loan = borrow(client, alice, new_book(client, "Renewable"))
    r = client.post(f"/loans/{loan['id']}/renew", headers=bob)
    assert r.status_code == 403 and r.json() == {"detail": "not your loan"}, "renewing another member's loan must answer 403 not your loan"
    due = date.fromisoformat(loan["due_on"])
    for n in (1, 2):
        r = client.post(f"/loans/{loan['id']}/renew", headers=alice)
        assert r.status_code == 200, f"renewal {n} must answer 200, got {r.status_code}"
        assert date.fromisoformat(r.json()["due_on"]) == due + timedelta(days=14 * n), "each renewal moves due_on 14 days later"
        assert r.json()["renewals"] == n, "renewals must count the renewals"
    r = client.post(f"/loans/{loan['id']}/renew", headers=alice)
    assert r.status_code == 409 and r.json() == {"detail": "renewal limit reached"}, "a third renewal must answer 409 renewal limit reached"
    client.post(f"/loans/{loan['id']}/return", headers=alice)
    other = borrow(client, alice, new_book(client, "Returned"))
    client.post(f"/loans/{other['id']}/return", headers=alice)
    r = client.post(f"/loans/{other['id']}/renew", headers=alice)
    assert r.status_code == 409 and r.json() == {"detail": "loan already returned"}, "renewing a returned loan must answer 409 loan already returned"
    r = client.post("/loans/987654321/renew", headers=alice)
    assert r.status_code == 404 and r.json() == {"detail": "loan not found"}, "renewing a loan that does not exist must answer 404"


def test_book_stats(client):
    book = new_book(client, "Popular", copies=3)
    _, alice = new_member(client)
    _, bob = new_member(client)
    first = borrow(client, alice, book)
    client.post(f"/loans/{first['id']}/return", headers=alice)
    borrow(client, alice, book)
    borrow(client, bob, book)
    r = client.get(f"/books/{book['id']}/stats")
    assert r.status_code == 200, f"GET /books/{{id}}/stats must answer 200, got {r.status_code}"
    assert r.json() == {"book_id": book["id"], "loans_total": 3, "on_loan": 2, "available": 1, "borrowers": 2}, \
        "stats must count all loans ever (3), open loans (2), copies available (1) and distinct borrowers (2)"
    r = client.get("/books/987654321/stats")
    assert r.status_code == 404 and r.json() == {"detail": "book not found"}, "stats of a book that does not exist must answer 404"


def test_member_summary(client):
    _, headers = new_member(client)
    r = client.get("/members/me/summary", headers=headers)
    assert r.status_code == 200, f"GET /members/me/summary must answer 200, got {r.status_code}"
    assert r.json() == {"open_loans": 0, "returned_loans": 0, "renewals": 0, "next_due_on": None}, "a new member's summary is all zeros and null"
    first = borrow(client, headers, new_book(client, "One"))
    second = borrow(client, headers, new_book(client, "Two"))
    third = borrow(client, headers, new_book(client, "Three"))
    client.post(f"/loans/{first['id']}/renew", headers=headers)
    client.post(f"/loans/{first['id']}/renew", headers=headers)
    client.post(f"/loans/{second['id']}/return", headers=headers)
    summary = client.get("/members/me/summary", headers=headers).json()
    assert summary == {"open_loans": 2, "returned_loans": 1, "renewals": 2, "next_due_on": third["due_on"]}, \
        "the summary must count open and returned loans, all renewals, and give the earliest due_on of the open loans"
    assert client.get("/members/me/summary").status_code == 401, "the summary needs a token (401 without one)"
