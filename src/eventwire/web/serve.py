"""`eventwire serve`: make sure there is something to see and a way to write, then run the web app."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.sources import read_inputs
from eventwire.store import Store
from eventwire.web.context import one_off_token

EXAMPLE = "independent-2014-06-21-iraq-border-towns.txt"


def load_example(store: Store, settings: Settings) -> int:
    """Extract the bundled example article into the store; the number of events it gave."""
    folder = resources.files("eventwire").joinpath("data", "examples")
    with resources.as_file(folder.joinpath(EXAMPLE)) as path:
        articles = list(Pipeline(settings).run_many(read_inputs([str(path)], settings)))
    for article in articles:
        store.save(article)
    return sum(len(a.events) for a in articles)


def prepare(settings: Settings, store_path: str | Path) -> tuple[Settings, str]:
    """Settings with a write token (a one-off one when none is configured), after loading the example into an
    empty store. Returns the settings and the one-off token ("" when tokens were configured)."""
    store = Store(store_path)
    try:
        if settings.get("web.load_example") and store.counts()["events"] == 0:
            print("eventwire: empty store; extracting the bundled example first…", file=sys.stderr)
            count = load_example(store, settings)
            print(f"eventwire: the example gave {count} event(s)", file=sys.stderr)
    finally:
        store.close()
    if settings.get("web.write_tokens"):
        return settings, ""
    token = one_off_token()
    return settings.with_values({"web.write_tokens": [token]}), token.partition(":")[2]


def serve(settings: Settings, store_path: str | Path) -> None:
    """Run the API and map page until interrupted."""
    import uvicorn

    from eventwire.web.app import create_app

    settings, token = prepare(settings, store_path)
    host, port = settings.get("web.host"), settings.get("web.port")
    print(f"eventwire: serving {store_path} at http://{host}:{port}/", file=sys.stderr)
    if token:
        print(f"eventwire: write token for this run (review, submit): {token}", file=sys.stderr)
    uvicorn.run(create_app(settings, store_path), host=host, port=port, log_level="warning")
