import uuid


def email():
    return f"{uuid.uuid4().hex[:10]}@example.com"


def make_contact(client, **changes):
    body = {"name": "Someone", "email": email(), "phone": "+1 555-0100"}
    body.update(changes)
    r = client.post("/contacts", json=body)
    assert r.status_code == 201, f"creating a contact with POST /contacts failed ({r.status_code})"
    return r.json()


def test_put_is_persisted(client):
    c = make_contact(client)
    new = {"name": "Grace Hopper", "email": email(), "phone": "555 0199"}
    client.put(f"/contacts/{c['id']}", json=new)
    r = client.get(f"/contacts/{c['id']}")
    assert r.status_code == 200 and r.json() == {"id": c["id"], **new}, "after PUT, GET should return the replaced contact"


def test_put_without_phone_clears_it(client):
    c = make_contact(client, phone="+44 20 7946 0018")
    new_email = email()
    r = client.put(f"/contacts/{c['id']}", json={"name": "Ada King", "email": new_email})
    assert r.status_code == 200, f"PUT with name and email only should give 200, got {r.status_code}"
    assert r.json() == {"id": c["id"], "name": "Ada King", "email": new_email, "phone": None}, (
        "PUT is a full replacement: a phone left out of the body must become null"
    )
    assert client.get(f"/contacts/{c['id']}").json()["phone"] is None, "the cleared phone must be stored as null"


def test_put_unknown_contact_is_404(client):
    r = client.put("/contacts/99999999", json={"name": "Nobody", "email": email()})
    assert r.status_code == 404, f"PUT on an unknown id should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Contact not found"}, 'the 404 body should be {"detail": "Contact not found"}'


def test_put_requires_a_complete_valid_body(client):
    c = make_contact(client)
    bad = [
        {"email": email()},
        {"name": "No Email"},
        {"name": "", "email": email()},
        {"name": "Bad Email", "email": "not-an-email"},
        {"name": "Bad Phone", "email": email(), "phone": "call me"},
        {"name": "Short Phone", "email": email(), "phone": "123"},
    ]
    for body in bad:
        r = client.put(f"/contacts/{c['id']}", json=body)
        assert r.status_code == 422, f"PUT with {body} should give 422, got {r.status_code}"
    assert client.get(f"/contacts/{c['id']}").json() == c, "a rejected PUT must not change the contact"


def test_put_email_conflict_is_409(client):
    a = make_contact(client)
    b = make_contact(client)
    r = client.put(f"/contacts/{b['id']}", json={"name": "B", "email": a["email"]})
    assert r.status_code == 409, f"PUT with another contact's email should give 409, got {r.status_code}"
    assert r.json() == {"detail": "Email already in use"}, 'the 409 body should be {"detail": "Email already in use"}'
    assert client.get(f"/contacts/{b['id']}").json() == b, "a conflicting PUT must not change the contact"


def test_put_keeping_own_email_is_fine(client):
    c = make_contact(client)
    r = client.put(f"/contacts/{c['id']}", json={"name": "Renamed", "email": c["email"], "phone": c["phone"]})
    assert r.status_code == 200, f"PUT keeping the contact's own email should give 200, got {r.status_code}"
    assert r.json()["name"] == "Renamed", "the name should be updated"


def test_put_non_integer_id_is_422(client):
    r = client.put("/contacts/abc", json={"name": "X", "email": email()})
    assert r.status_code == 422, f"a non-integer id should give 422, got {r.status_code}"


def test_delete_has_empty_body_and_is_final(client):
    c = make_contact(client)
    r = client.delete(f"/contacts/{c['id']}")
    assert r.status_code == 204, f"DELETE should give 204, got {r.status_code}"
    assert r.content == b"", "a 204 response must have an empty body"
    assert client.get(f"/contacts/{c['id']}").status_code == 404, "GET after DELETE should give 404"
    r = client.delete(f"/contacts/{c['id']}")
    assert r.status_code == 404, f"deleting the same contact twice should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Contact not found"}, 'the 404 body should be {"detail": "Contact not found"}'


def test_delete_frees_the_email(client):
    c = make_contact(client)
    client.delete(f"/contacts/{c['id']}")
    r = client.post("/contacts", json={"name": "Again", "email": c["email"]})
    assert r.status_code == 201, "after deleting a contact its email can be used by a new contact"


def test_delete_leaves_others_alone(client):
    a = make_contact(client)
    b = make_contact(client)
    client.delete(f"/contacts/{a['id']}")
    assert client.get(f"/contacts/{b['id']}").status_code == 200, "DELETE must remove only the requested contact"
