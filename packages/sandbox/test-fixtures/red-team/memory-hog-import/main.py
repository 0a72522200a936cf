blocks = []
while True:
    blocks.append(b"x" * 10_000_000)
