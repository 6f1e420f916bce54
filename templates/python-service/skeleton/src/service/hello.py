"""The example business route: replace it with the service's own."""

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

router = APIRouter()


class Greeting(BaseModel):
    message: str


@router.get("/v1/hello")
async def hello(
    name: Annotated[str, Query(min_length=1, max_length=64, pattern=r"^\p{L}[\p{L} .'-]*$")],
) -> Greeting:
    return Greeting(message=f"Hello, {name}!")
