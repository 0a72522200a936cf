import uuid


def playlist(client, name=None):
    name = name or "pl-" + uuid.uuid4().hex[:8]
    r = client.post("/playlists", json={"name": name})
    assert r.status_code == 201, f"POST /playlists should return 201, got {r.status_code}: {r.text}"
    return r.json()


def song(client, playlist_id, title, seconds):
    r = client.post(f"/playlists/{playlist_id}/songs", json={"title": title, "duration_seconds": seconds})
    assert r.status_code == 201, f"POST /playlists/{{id}}/songs should return 201, got {r.status_code}: {r.text}"
    return r.json()


def test_new_playlist_is_empty(client):
    p = playlist(client, "Empty one")
    assert p == {"id": p["id"], "name": "Empty one", "songs": [], "total_duration": 0}, f"a new playlist should have no songs: {p}"
    r = client.get(f"/playlists/{p['id']}")
    assert r.status_code == 200 and r.json() == p, "GET /playlists/{id} should return the same empty playlist"


def test_playlist_lists_songs_in_order_with_total(client):
    p = playlist(client, "Mix")
    a = song(client, p["id"], "First", 100)
    b = song(client, p["id"], "Second", 200)
    assert a == {"id": a["id"], "title": "First", "duration_seconds": 100, "playlist": {"id": p["id"], "name": "Mix"}}, \
        f"a song should be {{id, title, duration_seconds, playlist: {{id, name}}}}, got {a}"
    got = client.get(f"/playlists/{p['id']}").json()
    assert got == {
        "id": p["id"], "name": "Mix", "total_duration": 300,
        "songs": [{"id": a["id"], "title": "First", "duration_seconds": 100},
                  {"id": b["id"], "title": "Second", "duration_seconds": 200}],
    }, f"the playlist should nest its songs (without their playlist) in id order with total_duration 300, got {got}"


def test_get_song_nests_its_playlist(client):
    p = playlist(client, "Parent")
    s = song(client, p["id"], "Child", 42)
    r = client.get(f"/songs/{s['id']}")
    assert r.status_code == 200, f"GET /songs/{{id}} should return 200, got {r.status_code}"
    assert r.json() == {"id": s["id"], "title": "Child", "duration_seconds": 42, "playlist": {"id": p["id"], "name": "Parent"}}, \
        f"GET /songs/{{id}} should nest the playlist as {{id, name}}, got {r.json()}"


def test_songs_stay_in_their_own_playlist(client):
    p1, p2 = playlist(client), playlist(client)
    song(client, p1["id"], "Only in one", 10)
    assert client.get(f"/playlists/{p2['id']}").json()["songs"] == [], "a song must only appear in its own playlist"


def test_missing_things_are_404(client):
    r = client.get("/playlists/99999999")
    assert r.status_code == 404 and r.json() == {"detail": "Playlist not found"}, "an unknown playlist should be 404 'Playlist not found'"
    r = client.get("/songs/99999999")
    assert r.status_code == 404 and r.json() == {"detail": "Song not found"}, "an unknown song should be 404 'Song not found'"
    r = client.delete("/playlists/99999999")
    assert r.status_code == 404 and r.json() == {"detail": "Playlist not found"}, "deleting an unknown playlist should be 404"
    r = client.delete("/songs/99999999")
    assert r.status_code == 404 and r.json() == {"detail": "Song not found"}, "deleting an unknown song should be 404"
    r = client.post("/playlists/99999999/songs", json={"title": "x", "duration_seconds": 1})
    assert r.status_code == 404 and r.json() == {"detail": "Playlist not found"}, "adding a song to an unknown playlist should be 404"


def test_deleting_playlist_cascades_to_songs(client):
    p = playlist(client)
    s1 = song(client, p["id"], "a", 1)
    s2 = song(client, p["id"], "b", 2)
    r = client.delete(f"/playlists/{p['id']}")
    assert r.status_code == 204, f"DELETE /playlists/{{id}} should return 204, got {r.status_code}"
    assert client.get(f"/playlists/{p['id']}").status_code == 404, "a deleted playlist should be gone"
    for s in (s1, s2):
        assert client.get(f"/songs/{s['id']}").status_code == 404, "deleting a playlist should delete its songs (cascade)"


def test_deleting_song_updates_playlist(client):
    p = playlist(client)
    keep = song(client, p["id"], "keep", 30)
    drop = song(client, p["id"], "drop", 70)
    assert client.delete(f"/songs/{drop['id']}").status_code == 204, "DELETE /songs/{id} should return 204"
    got = client.get(f"/playlists/{p['id']}").json()
    assert [s["id"] for s in got["songs"]] == [keep["id"]], "a deleted song should leave its playlist"
    assert got["total_duration"] == 30, f"total_duration should drop to 30, got {got['total_duration']}"


def test_invalid_bodies_are_422(client):
    p = playlist(client)
    for bad in ({"title": "", "duration_seconds": 10}, {"title": "x", "duration_seconds": 0},
                {"title": "x", "duration_seconds": 3601}, {"title": "x"}, {"title": "x" * 201, "duration_seconds": 5}):
        r = client.post(f"/playlists/{p['id']}/songs", json=bad)
        assert r.status_code == 422, f"adding a song with {bad} should be 422, got {r.status_code}"
    assert client.post("/playlists", json={"name": ""}).status_code == 422, "an empty playlist name should be 422"
    assert client.post("/playlists", json={"name": "x" * 101}).status_code == 422, "a playlist name over 100 characters should be 422"
