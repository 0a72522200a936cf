from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Sign-ups")


class SignupIn(BaseModel):
    # TODO: forbid unknown fields (ConfigDict)
    # TODO: username: strip + lower-case first, then 3-20 chars of a-z, 0-9, _
    username: str
    # TODO: a valid email (EmailStr), stored lower-cased
    email: str
    # TODO: 13 to 120
    age: int
    # TODO: 8-64 chars, at least one letter and one digit
    password: str
    # TODO: must equal password ("passwords do not match")
    password_confirm: str
    # TODO: normalise each item, drop duplicates, at most 5
    interests: list[str] = []


class SignupOut(BaseModel):
    id: int
    username: str
    email: str
    age: int
    interests: list[str]


SIGNUPS: dict[str, SignupOut] = {}
_ids = count(1)


@app.post("/signups", status_code=201, response_model=SignupOut)
def create_signup(data: SignupIn):
    # TODO: 409 {"detail": "Username already taken"} for a duplicate username
    signup = SignupOut(id=next(_ids), **data.model_dump(exclude={"password", "password_confirm"}))
    SIGNUPS[signup.username] = signup
    return signup


@app.get("/signups/{username}", response_model=SignupOut)
def read_signup(username: str):
    if username not in SIGNUPS:
        raise HTTPException(status_code=404, detail="Sign-up not found")
    return SIGNUPS[username]
