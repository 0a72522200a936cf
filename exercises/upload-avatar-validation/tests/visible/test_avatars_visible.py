PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_upload_png(client):
    r = client.post("/avatars", data={"username": "ada_l"}, files={"file": ("me.png", PNG, "image/png")})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["filename"] == "me.png"
    assert body["size"] == len(PNG)


def test_text_file_is_415(client):
    r = client.post("/avatars", data={"username": "ada_l"}, files={"file": ("notes.txt", b"hello", "text/plain")})
    assert r.status_code == 415, f"a text/plain upload should give 415, got {r.status_code}"
    assert r.json() == {"detail": "Unsupported file type"}
