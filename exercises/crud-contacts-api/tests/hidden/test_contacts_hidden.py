import uuid


def email():
    return f"c{uuid.uuid4().hex[:10]}@example.com"


def create(client, **over):
    body = {"name": "Someone", "email": email()} | over
    r = client.post("/contacts", json=body)
    assert r.status_code == 201, f"POST /contacts with {body} should return 201, got {r.status_code}: {r.text}"
    return r.json()


def test_email_is_lowercased_and_phone_kept(client):
    local = "Mixed" + uuid.uuid4().hex[:6]
    c = create(client, name="Mixy", email=f"{local}@Example.COM", phone="+34 600-000-000")
    assert c["email"] == f"{local.lower()}@example.com", f"the email should be stored lower-cased, got {c['email']!r}"
    assert c["phone"] == "+34 600-000-000", "the phone should be stored as sent"


def test_duplicate_email_is_409_case_insensitive(client):
    e = email()
    create(client, email=e)
    r = client.post("/contacts", json={"name": "Dup", "email": e.upper()})
    assert r.status_code == 409, f"creating a contact with an existing email (any case) should be 409, got {r.status_code}"
    assert r.json() == {"detail": "Email already in use"}, "wrong 409 detail"


def test_list_contains_contacts_in_id_order(client):
    a, b = create(client), create(client)
    listed = client.get("/contacts").json()
    assert a in listed and b in listed, "GET /contacts should list every contact"
    ids = [c["id"] for c in listed]
    assert ids == sorted(ids), "GET /contacts should be ordered by id"


def test_put_replaces_every_field(client):
    c = create(client, name="Before", phone="123456")
    new_email = email()
    r = client.put(f"/contacts/{c['id']}", json={"name": "After", "email": new_email})
    assert r.status_code == 200, f"PUT /contacts/{{id}} should return 200, got {r.status_code}: {r.text}"
    expected = {"id": c["id"], "name": "After", "email": new_email, "phone": None}
    assert r.json() == expected, f"PUT is a full replacement (missing phone becomes null): expected {expected}, got {r.json()}"
    assert client.get(f"/contacts/{c['id']}").json() == expected, "the replacement should be stored"


def test_put_keeping_own_email_is_fine(client):
    c = create(client)
    r = client.put(f"/contacts/{c['id']}", json={"name": "Renamed", "email": c["email"].upper(), "phone": "555 1234"})
    assert r.status_code == 200, f"a PUT that keeps the contact's own email should be 200, got {r.status_code}"
    assert r.json()["name"] == "Renamed" and r.json()["email"] == c["email"], "name changed, email unchanged (lower-cased)"


def test_put_taking_another_email_is_409(client):
    a, b = create(client), create(client)
    r = client.put(f"/contacts/{b['id']}", json={"name": "Thief", "email": a["email"]})
    assert r.status_code == 409, f"a PUT taking another contact's email should be 409, got {r.status_code}"
    assert r.json() == {"detail": "Email already in use"}, "wrong 409 detail"
    assert client.get(f"/contacts/{b['id']}").json() == b, "a refused PUT must not change the contact"


def test_unknown_id_is_404_everywhere(client):
    missing = 99999999
    taken = create(client)["email"]
    for method, kw in (("get", {}), ("put", {"json": {"name": "X", "email": taken}}), ("delete", {})):
        r = getattr(client, method)(f"/contacts/{missing}", **kw)
        assert r.status_code == 404, f"{method.upper()} on an unknown contact should be 404, got {r.status_code}"
        assert r.json() == {"detail": "Contact not found"}, f"wrong 404 detail for {method.upper()}"


def test_delete_removes_contact(client):
    c = create(client)
    r = client.delete(f"/contacts/{c['id']}")
    assert r.status_code == 204, f"DELETE should return 204, got {r.status_code}"
    assert r.content == b"", "a 204 response should have an empty body"
    assert client.delete(f"/contacts/{c['id']}").status_code == 404, "deleting twice should give 404"
    assert c not in client.get("/contacts").json(), "a deleted contact should not be listed"
    create(client, email=c["email"])  # its email is free again


def test_invalid_input_is_422(client):
    for bad in ({"name": "", "email": email()}, {"name": "X", "email": "not-an-email"},
                {"name": "X", "email": email(), "phone": "12"}, {"name": "X", "email": email(), "phone": "call me"},
                {"email": email()}, {"name": "x" * 101, "email": email()}):
        r = client.post("/contacts", json=bad)
        assert r.status_code == 422, f"POST /contacts with {bad} should be 422, got {r.status_code}"
    assert client.get("/contacts/abc").status_code == 422, "a non-integer id should be 422"
