def test_app_404(client):
    assert client.get("/notes/99999").status_code == 404
