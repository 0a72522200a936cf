import uuid
from datetime import UTC, date, datetime, timedelta

import jwt

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


def new_book(client, copies=1):
    body = {"title": f"Book {uuid.uuid4().hex[:8]}", "author": "N. K. Jemisin", "isbn": unique_isbn(), "year": 2015, "copies": copies}
    r = client.post("/books", json=body)
    assert r.status_code == 201, f"POST /books must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def borrow(client, headers, book):
    r = client.post("/loans", json={"book_id": book["id"]}, headers=headers)
    assert r.status_code == 201, f"POST /loans of an available book must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_register_rules(client):
    name, _ = new_member(client)
    r = client.post("/auth/register", json={"username": name, "password": PASSWORD})
    assert r.status_code == 409, f"registering a taken username must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "username already taken"}, 'the 409 body must be {"detail": "username already taken"}'
    for username, what in [("Bad Name", "a space and capitals"), ("ab", "2 characters"), ("a" * 31, "31 characters")]:
        r = client.post("/auth/register", json={"username": username, "password": PASSWORD})
        assert r.status_code == 422, f"a username with {what} must answer 422, got {r.status_code}"
    for password, what in [("short", "5 characters"), ("p" * 65, "65 characters")]:
        r = client.post("/auth/register", json={"username": f"m_{uuid.uuid4().hex[:8]}", "password": password})
        assert r.status_code == 422, f"a password of {what} must answer 422, got {r.status_code}"
    body = client.post("/auth/register", json={"username": f"m_{uuid.uuid4().hex[:8]}", "password": PASSWORD}).json()
    assert set(body) == {"id", "username"}, "registration must answer only id and username (never the password)"


def test_token_is_a_jwt_for_30_minutes(client):
    name, headers = new_member(client)
    token = headers["Authorization"].split(" ", 1)[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims.get("sub") == name, "the token's 'sub' claim must be the username"
    expires = datetime.fromtimestamp(claims["exp"], UTC)
    assert timedelta(minutes=25) < expires - datetime.now(UTC) <= timedelta(minutes=31), "the token must expire 30 minutes after login"
    assert jwt.get_unverified_header(token).get("alg") == "HS256", "the token must be signed with HS256"


def test_wrong_password_is_401(client):
    name, _ = new_member(client)
    r = client.post("/auth/token", data={"username": name, "password": "wrong-password"})
    assert r.status_code == 401, f"a wrong password must answer 401, got {r.status_code}"
    assert r.json() == {"detail": "incorrect username or password"}, 'the 401 body must be {"detail": "incorrect username or password"}'
    assert r.headers.get("www-authenticate") == "Bearer", "the 401 must carry the header WWW-Authenticate: Bearer"
    r = client.post("/auth/token", data={"username": f"nobody_{uuid.uuid4().hex[:6]}", "password": PASSWORD})
    assert r.status_code == 401, f"an unknown username must answer 401, got {r.status_code}"


def test_member_endpoints_need_a_valid_token(client):
    name, _ = new_member(client)
    expired = jwt.encode({"sub": name, "exp": datetime.now(UTC) - timedelta(minutes=1)}, "library-dev-secret-change-me-0123456789", algorithm="HS256")
    forged = jwt.encode({"sub": name, "exp": datetime.now(UTC) + timedelta(minutes=5)}, "some-other-secret-0123456789abcdef", algorithm="HS256")
    cases = [({}, "no Authorization header"), ({"Authorization": "Bearer not-a-token"}, "a malformed token"),
             ({"Authorization": f"Bearer {expired}"}, "an expired token"), ({"Authorization": f"Bearer {forged}"}, "a token signed with another key")]
    for headers, what in cases:
        for method, url in [("GET", "/members/me"), ("GET", "/loans"), ("POST", "/loans")]:
            r = client.request(method, url, headers=headers, json={"book_id": 1} if method == "POST" else None)
            assert r.status_code == 401, f"{method} {url} with {what} must answer 401, got {r.status_code}"
            assert r.headers.get("www-authenticate") == "Bearer", f"{method} {url} with {what}: the 401 must carry WWW-Authenticate: Bearer"


def test_a_loan_lasts_14_days_and_takes_a_copy(client):
    name, headers = new_member(client)
    book = new_book(client, copies=2)
    loan = borrow(client, headers, book)
    assert set(loan) == {"id", "book_id", "member", "borrowed_on", "due_on", "returned_on", "renewals"}, \
        "a loan must have exactly the fields id, book_id, member, borrowed_on, due_on, returned_on, renewals"
    assert loan["member"] == name and loan["book_id"] == book["id"], "a loan must name the borrower's username and the book"
    borrowed, due = date.fromisoformat(loan["borrowed_on"]), date.fromisoformat(loan["due_on"])
    assert abs((borrowed - date.today()).days) <= 1, "borrowed_on must be today's date"
    assert due - borrowed == timedelta(days=14), "due_on must be 14 days after borrowed_on"
    assert loan["returned_on"] is None and loan["renewals"] == 0, "a new loan has returned_on null and renewals 0"
    assert client.get(f"/books/{book['id']}").json()["available"] == 1, "a loan must lower the book's available by one"


def test_no_copy_left_is_409(client):
    _, alice = new_member(client)
    _, bob = new_member(client)
    book = new_book(client, copies=1)
    borrow(client, alice, book)
    r = client.post("/loans", json={"book_id": book["id"]}, headers=bob)
    assert r.status_code == 409, f"borrowing a book with no copy available must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "no copy available"}, 'the 409 body must be {"detail": "no copy available"}'


def test_same_book_twice_and_a_fourth_loan_are_409(client):
    _, headers = new_member(client)
    books = [new_book(client, copies=3) for _ in range(4)]
    borrow(client, headers, books[0])
    r = client.post("/loans", json={"book_id": books[0]["id"]}, headers=headers)
    assert r.status_code == 409, f"borrowing a book you already have must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "you already have this book"}, 'the body must be {"detail": "you already have this book"}'
    borrow(client, headers, books[1])
    borrow(client, headers, books[2])
    r = client.post("/loans", json={"book_id": books[3]["id"]}, headers=headers)
    assert r.status_code == 409, f"a fourth open loan must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "loan limit reached"}, 'the body must be {"detail": "loan limit reached"}'


def test_members_see_and_return_only_their_own_loans(client):
    _, alice = new_member(client)
    _, bob = new_member(client)
    loan = borrow(client, alice, new_book(client))
    bobs = borrow(client, bob, new_book(client))
    assert client.get("/loans", headers=bob).json() == [bobs], "GET /loans must list the caller's loans only"
    r = client.get(f"/loans/{loan['id']}", headers=bob)
    assert r.status_code == 403, f"reading another member's loan must answer 403, got {r.status_code}"
    assert r.json() == {"detail": "not your loan"}, 'the 403 body must be {"detail": "not your loan"}'
    r = client.post(f"/loans/{loan['id']}/return", headers=bob)
    assert r.status_code == 403, f"returning another member's loan must answer 403, got {r.status_code}"
    assert client.get(f"/loans/{loan['id']}", headers=alice).json() == loan, "a 403 must change nothing, and the borrower reads the loan"


def test_return_frees_the_copy_once(client):
    _, headers = new_member(client)
    book = new_book(client)
    loan = borrow(client, headers, book)
    r = client.post(f"/loans/{loan['id']}/return", headers=headers)
    assert r.status_code == 200, f"returning your loan must answer 200, got {r.status_code}"
    assert r.json()["returned_on"] is not None and abs((date.fromisoformat(r.json()["returned_on"]) - date.today()).days) <= 1, \
        "returned_on must be set to today's date"
    assert client.get(f"/books/{book['id']}").json()["available"] == 1, "a return must give the copy back"
    r = client.post(f"/loans/{loan['id']}/return", headers=headers)
    assert r.status_code == 409, f"returning a loan twice must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "loan already returned"}, 'the body must be {"detail": "loan already returned"}'
    assert [l["id"] for l in client.get("/loans", headers=headers).json()] == [loan["id"]], "returned loans stay in GET /loans"
    borrow(client, headers, book)


def test_books_on_loan_cannot_be_deleted_or_shrunk(client):
    _, alice = new_member(client)
    _, bob = new_member(client)
    book = new_book(client, copies=2)
    loan = borrow(client, alice, book)
    r = client.delete(f"/books/{book['id']}")
    assert r.status_code == 409, f"deleting a book with an open loan must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "book has open loans"}, 'the body must be {"detail": "book has open loans"}'
    r = client.patch(f"/books/{book['id']}", json={"copies": 1})
    assert r.status_code == 200, f"copies may go down to the copies on loan (200), got {r.status_code}"
    assert r.json()["available"] == 0, "with 1 copy and 1 on loan, available must be 0"
    client.patch(f"/books/{book['id']}", json={"copies": 3})
    borrow(client, bob, book)
    r = client.patch(f"/books/{book['id']}", json={"copies": 1})
    assert r.status_code == 409, f"copies below the copies on loan must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "copies cannot go below the copies on loan"}, \
        'the body must be {"detail": "copies cannot go below the copies on loan"}'
    client.post(f"/loans/{loan['id']}/return", headers=alice)
    assert client.delete(f"/books/{book['id']}").status_code == 409, "a book stays undeletable while any loan of it is open"


def test_unknown_book_or_loan_is_404(client):
    _, headers = new_member(client)
    r = client.post("/loans", json={"book_id": 987654321}, headers=headers)
    assert r.status_code == 404 and r.json() == {"detail": "book not found"}, "borrowing a book that does not exist must answer 404 book not found"
    for method, url in [("GET", "/loans/987654321"), ("POST", "/loans/987654321/return")]:
        r = client.request(method, url, headers=headers)
        assert r.status_code == 404, f"{method} {url} for a loan that does not exist must answer 404, got {r.status_code}"
        assert r.json() == {"detail": "loan not found"}, 'the body must be {"detail": "loan not found"}'
