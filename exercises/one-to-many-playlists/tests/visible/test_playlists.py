def test_add_song_returns_nested_playlist(client):
    playlist = client.post("/playlists", json={"name": "Road trip"}).json()
    r = client.post(f"/playlists/{playlist['id']}/songs", json={"title": "Intro", "duration_seconds": 180})
    assert r.status_code == 201, f"adding a song should return 201, got {r.status_code}: {r.text}"
    song = r.json()
    assert song["playlist"] == {"id": playlist["id"], "name": "Road trip"}


def test_song_for_missing_playlist_is_404(client):
    r = client.post("/playlists/99999999/songs", json={"title": "Lost", "duration_seconds": 60})
    assert r.status_code == 404, f"adding a song to a missing playlist should be 404, got {r.status_code}"
    assert r.json() == {"detail": "Playlist not found"}
