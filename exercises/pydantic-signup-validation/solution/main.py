import re
from itertools import count
from typing import Annotated

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

app = FastAPI(title="Sign-ups")

USERNAME_RE = re.compile(r"^[a-z0-9_]{3,20}$")


class SignupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str
    email: EmailStr
    age: int = Field(ge=13, le=120)
    password: str = Field(min_length=8, max_length=64)
    password_confirm: str
    interests: list[Annotated[str, Field(max_length=200)]] = []

    @field_validator("username", mode="before")
    @classmethod
    def normalise_username(cls, value):
        if isinstance(value, str):
            value = value.strip().lower()
        return value

    @field_validator("username")
    @classmethod
    def check_username(cls, value: str) -> str:
        if not USERNAME_RE.fullmatch(value):
            raise ValueError("username must be 3-20 characters of a-z, 0-9 or _")
        return value

    @field_validator("email")
    @classmethod
    def lower_email(cls, value: str) -> str:
        return value.lower()

    @field_validator("password")
    @classmethod
    def check_password(cls, value: str) -> str:
        if not any(c.isalpha() for c in value) or not any(c.isdigit() for c in value):
            raise ValueError("password must contain at least one letter and one digit")
        return value

    @field_validator("interests")
    @classmethod
    def normalise_interests(cls, value: list[str]) -> list[str]:
        result: list[str] = []
        for item in value:
            item = item.strip().lower()
            if not 1 <= len(item) <= 30:
                raise ValueError("each interest must be 1 to 30 characters")
            if item not in result:
                result.append(item)
        if len(result) > 5:
            raise ValueError("at most 5 interests")
        return result

    @model_validator(mode="after")
    def passwords_match(self):
        if self.password != self.password_confirm:
            raise ValueError("passwords do not match")
        return self


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
    if data.username in SIGNUPS:
        raise HTTPException(status_code=409, detail="Username already taken")
    signup = SignupOut(id=next(_ids), **data.model_dump(exclude={"password", "password_confirm"}))
    SIGNUPS[signup.username] = signup
    return signup


@app.get("/signups/{username}", response_model=SignupOut)
def read_signup(username: str):
    if username not in SIGNUPS:
        raise HTTPException(status_code=404, detail="Sign-up not found")
    return SIGNUPS[username]
