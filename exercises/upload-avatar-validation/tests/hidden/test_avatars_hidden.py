import hashlib
import os

PNG_SIG = b"\x89PNG\r\n\x1a\n"
JPEG_SIG = b"\xff\xd8\xff"
MAX = 100_000


def upload(client, content, content_type="image/png", filename="pic.png", username="tester_1"):
    data = {} if username is None else {"username": username}
    return client.post("/avatars", data=data, files={"file": (filename, content, content_type)})


def test_png_metadata_and_hash(client):
    content = PNG_SIG + os.urandom(2040)
    r = upload(client, content, filename="me.png", username="ada_l")
    assert r.status_code == 201, f"a valid PNG should give 201, got {r.status_code}: {r.text[:200]}"
    body = r.json()
    assert isinstance(body.get("id"), int), "the response needs an integer id"
    assert {k: body.get(k) for k in ("username", "filename", "content_type", "size")} == {
        "username": "ada_l", "filename": "me.png", "content_type": "image/png", "size": 2048,
    }, "username, filename, content_type and size should describe the upload"
    assert body.get("sha256") == hashlib.sha256(content).hexdigest(), "sha256 should be the lower-case hex SHA-256 of the file's bytes"


def test_jpeg_is_accepted(client):
    r = upload(client, JPEG_SIG + b"\xe0" + b"j" * 500, content_type="image/jpeg", filename="me.jpg")
    assert r.status_code == 201, f"a valid JPEG should give 201, got {r.status_code}"
    assert r.json().get("content_type") == "image/jpeg", "content_type should be image/jpeg"


def test_download_returns_the_same_bytes(client):
    content = PNG_SIG + os.urandom(777)
    avatar_id = upload(client, content).json()["id"]
    r = client.get(f"/avatars/{avatar_id}")
    assert r.status_code == 200, f"GET /avatars/{{id}} should give 200, got {r.status_code}"
    assert r.content == content, "the download should return exactly the uploaded bytes"
    assert r.headers.get("content-type", "").startswith("image/png"), "the Content-Type header should be the stored type (image/png)"


def test_unknown_avatar_is_404(client):
    r = client.get("/avatars/999999")
    assert r.status_code == 404, f"an unknown avatar should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Avatar not found"}, 'the 404 body should be {"detail": "Avatar not found"}'


def test_unsupported_types_are_415(client):
    for ctype in ["image/gif", "application/pdf", "text/plain"]:
        r = upload(client, PNG_SIG + b"x" * 10, content_type=ctype)
        assert r.status_code == 415, f"content type {ctype} should give 415, got {r.status_code}"
        assert r.json() == {"detail": "Unsupported file type"}, 'the 415 body should be {"detail": "Unsupported file type"}'


def test_size_limit(client):
    r = upload(client, PNG_SIG + b"\x00" * (MAX - len(PNG_SIG)))
    assert r.status_code == 201, "a file of exactly 100000 bytes is allowed"
    assert r.json().get("size") == MAX, "size should be 100000"
    r = upload(client, PNG_SIG + b"\x00" * (MAX - len(PNG_SIG) + 1))
    assert r.status_code == 413, f"a file of 100001 bytes should give 413, got {r.status_code}"
    assert r.json() == {"detail": "File too large"}, 'the 413 body should be {"detail": "File too large"}'


def test_type_is_checked_before_size(client):
    r = upload(client, b"x" * (MAX + 10), content_type="text/plain")
    assert r.status_code == 415, f"a large text file should give 415 (type is checked first), got {r.status_code}"


def test_empty_file_is_400(client):
    r = upload(client, b"")
    assert r.status_code == 400, f"an empty file should give 400, got {r.status_code}"
    assert r.json() == {"detail": "Empty file"}, 'the 400 body should be {"detail": "Empty file"}'


def test_content_must_match_declared_type(client):
    cases = [
        (b"GIF89a" + b"\x00" * 50, "image/png"),
        (JPEG_SIG + b"\x00" * 50, "image/png"),
        (PNG_SIG + b"\x00" * 50, "image/jpeg"),
        (b"\xff\xd8", "image/jpeg"),
    ]
    for content, ctype in cases:
        r = upload(client, content, content_type=ctype)
        assert r.status_code == 400, f"bytes starting {content[:8]!r} declared as {ctype} should give 400, got {r.status_code}"
        assert r.json() == {"detail": "File content does not match its type"}, (
            'the body should be {"detail": "File content does not match its type"}'
        )


def test_missing_parts_are_422(client):
    r = upload(client, PNG_SIG + b"x", username=None)
    assert r.status_code == 422, f"a missing username should give 422, got {r.status_code}"
    r = client.post("/avatars", data={"username": "tester_1"})
    assert r.status_code == 422, f"a missing file should give 422, got {r.status_code}"


def test_bad_username_is_422(client):
    for name in ["ab", "Ada", "has space", "x" * 31]:
        r = upload(client, PNG_SIG + b"x", username=name)
        assert r.status_code == 422, f"username {name!r} should give 422, got {r.status_code}"
