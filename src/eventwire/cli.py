"""The command line: each command parses options and calls one library function.

Faults print one line (`eventwire: error: ...`) and exit 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from eventwire.database import POSTGRES_PREFIXES
from eventwire.errors import EventwireError, InputError
from eventwire.export import EXPORTERS
from eventwire.gazetteer.build import PLACE_CREDIT
from eventwire.model import Article, Event, to_dict
from eventwire.pipeline import STAGES, Pipeline, RunSummary
from eventwire.settings import Settings
from eventwire.sources import read_inputs
from eventwire.sources.files import Known
from eventwire.stages import annotate, clean, geoparse
from eventwire.store import Store


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(args.config, args.set)


def _known(args: argparse.Namespace) -> Known:
    return Known(published=args.published, outlet=args.outlet or "", url=getattr(args, "url", "") or "")


def _report(summary: RunSummary, quiet: bool) -> None:
    if not quiet:
        print(summary.render(), file=sys.stderr)


def _progress(articles: Iterator[Article], enabled: bool) -> Iterator[Article]:
    for number, article in enumerate(articles, 1):
        if enabled:
            print(f"\r{number} article(s) processed", end="", file=sys.stderr, flush=True)
        yield article
    if enabled:
        print(file=sys.stderr)


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    """Run the pipeline on the inputs, store the results, print the events."""
    settings = _settings(args)
    pipeline = Pipeline(settings, STAGES)
    store = None if args.no_store else _open_store(args, settings)
    summary = RunSummary()
    events: list[Event] = []
    articles = pipeline.run_many(read_inputs(args.inputs, settings, _known(args)), summary)
    for article in _progress(articles, sys.stderr.isatty() and len(args.inputs) > 1):
        if store is not None:
            store.save(article)
        events.extend(article.events)
    EXPORTERS[args.format](events, out)
    _report(summary, args.quiet)
    return 0


def cmd_clean(args: argparse.Namespace, out: TextIO) -> int:
    """Print each cleaned article as JSON, with the removed boilerplate and why."""
    settings = _settings(args)
    pipeline = Pipeline(settings, (clean,))
    for article in pipeline.run_many(read_inputs(args.inputs, settings, _known(args))):
        record = {
            "origin": article.origin, "title": article.title, "text": article.text,
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.outlet, "author": article.author, "url": article.url, "language": article.language,
            "credits": [c.source for c in article.credits],
            "removed": [to_dict(r) if args.show_removed else r.text for r in article.removed],
            "drop": to_dict(article.drop) if article.drop else None,
        }
        out.write(json.dumps(record, ensure_ascii=False, indent=None if len(args.inputs) > 1 else 2) + "\n")
    return 0


def cmd_geoparse(args: argparse.Namespace, out: TextIO) -> int:
    """Print one JSON line per place mention."""
    settings = _settings(args)
    pipeline = Pipeline(settings, (clean, annotate, geoparse))
    for article in pipeline.run_many(read_inputs(args.inputs, settings, _known(args))):
        if article.drop is not None:
            print(f"eventwire: {article.origin}: dropped ({article.drop.reason}: {article.drop.detail})",
                  file=sys.stderr)
        for mention in article.places:
            place = mention.place
            out.write(json.dumps({
                "text": mention.span.of(article.text), "start": mention.span.start, "end": mention.span.end,
                "name": place.name, "country_code": place.country_code, "admin1": place.admin1,
                "latitude": place.latitude, "longitude": place.longitude, "geonameid": place.geonameid,
                "feature_class": place.feature_class, "feature_code": place.feature_code,
                "confidence": mention.confidence, "cue": mention.cue, "origin": article.origin,
            }, ensure_ascii=False) + "\n")
    print(f"eventwire: {PLACE_CREDIT}", file=sys.stderr)
    return 0


def cmd_events(args: argparse.Namespace, out: TextIO) -> int:
    """List the events in the store."""
    store = _open_store(args, _settings(args), must_exist=True)
    EXPORTERS[args.format](store.events(args.limit), out)
    print(f"eventwire: {PLACE_CREDIT}", file=sys.stderr)
    return 0


def _store_location(args: argparse.Namespace, settings: Settings) -> str:
    """--db or store.path: a SQLite file, or a postgresql:// URL."""
    return str(args.db or settings.get("store.path"))


def _open_store(args: argparse.Namespace, settings: Settings, must_exist: bool = False) -> Store:
    location = _store_location(args, settings)
    if must_exist and not location.startswith(POSTGRES_PREFIXES) and not Path(location).exists():
        raise InputError(f"no store at {location}; run `eventwire ingest` first or pass --db")
    return Store(location)


def _ingest_progress(enabled: bool) -> Callable[[RunSummary], None]:
    """A progress line on stderr: rewritten in place on a terminal, else one line every 30 s."""
    last = [0.0]

    def show(summary: RunSummary) -> None:
        if enabled:
            print(f"\r{summary.line()}", end="", file=sys.stderr, flush=True)
        elif summary.seconds - last[0] >= 30:
            last[0] = summary.seconds
            print(summary.line(), file=sys.stderr, flush=True)

    return show


def _run_ingest(args: argparse.Namespace, settings: Settings, store: Store) -> RunSummary:
    from eventwire.ingest import IngestPlan, ingest

    plan = IngestPlan(args.workers, args.engine, args.scheduler or "", args.force)
    skip = None if args.force else (lambda url: store.has_article(Article(raw="", url=url).article_id))
    articles = read_inputs(args.inputs, settings, _known(args), skip_url=skip)
    tty = sys.stderr.isatty() and not args.quiet
    summary = ingest(articles, settings, store, plan, None if args.quiet else _ingest_progress(tty))
    if tty:
        print(file=sys.stderr)
    _report(summary, args.quiet)
    return summary


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """Collect sources into the store: new articles only, then cross-article dedup."""
    settings = _settings(args)
    store = _open_store(args, settings)
    _run_ingest(args, settings, store)
    return 0


def _interval(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"expected an interval like 30s, 15m or 2h, got {text!r}") from None


def cmd_watch(args: argparse.Namespace, out: TextIO) -> int:
    """Ingest feeds again every interval, until interrupted (or for --rounds rounds)."""
    settings = _settings(args)
    store = _open_store(args, settings)
    rounds = 0
    while True:
        started = time.monotonic()
        summary = _run_ingest(args, settings, store)
        rounds += 1
        print(f"eventwire: round {rounds} done at {dt.datetime.now():%H:%M:%S}: {summary.articles} new article(s)",
              file=sys.stderr)
        if args.rounds and rounds >= args.rounds:
            return 0
        time.sleep(max(0.0, args.every - (time.monotonic() - started)))


def _export_filter(args: argparse.Namespace) -> Callable[[Event], bool]:
    def keep(event: Event) -> bool:
        date = event.event_date
        return ((not args.country or args.country in (event.country_code, event.country))
                and (not args.event_type or event.event_type in args.event_type)
                and (args.start is None or (date is not None and date >= args.start))
                and (args.end is None or (date is not None and date <= args.end)))
    return keep


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Write the deduplicated events (or, with --reports, every report) in one format."""
    from eventwire.export import write_parquet

    settings = _settings(args)
    store = _open_store(args, settings, must_exist=True)
    chosen = store.events() if args.reports else (event for event, _, _ in store.incidents())
    events = filter(_export_filter(args), chosen)
    if args.format == "parquet":
        if not args.output:
            raise InputError("--format parquet writes a file: add --output FILE.parquet")
        count = write_parquet(events, Path(args.output))
    elif args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as handle:
            count = EXPORTERS[args.format](events, handle)
    else:
        count = EXPORTERS[args.format](events, out)
    print(f"eventwire: {count} event(s) exported. {PLACE_CREDIT}", file=sys.stderr)
    return 0


def cmd_control(args: argparse.Namespace, out: TextIO) -> int:
    """Who controls which place on a date, from the stored territory events."""
    from eventwire.control import territorial_control

    settings = _settings(args)
    store = _open_store(args, settings, must_exist=True)
    places = territorial_control((event for event, _, _ in store.incidents()), args.on, args.country or "")
    if args.format == "json":
        out.write(json.dumps(to_dict(places), ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"{'place':<24}{'admin1':<16}{'controller':<36}{'since':<12}changes\n")
    for place in places:
        out.write(f"{place.location[:23]:<24}{place.admin1[:15]:<16}{place.controller[:35]:<36}"
                  f"{place.since.isoformat():<12}{len(place.changes)}\n")
    if not places:
        print("eventwire: no territory events up to that date", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the HTTP API and the map page over the store."""
    from eventwire.web.serve import serve

    overrides = [f"web.host={json.dumps(args.host)}"] if args.host else []
    overrides += [f"web.port={args.port}"] if args.port else []
    overrides += ["web.load_example=false"] if args.no_example else []
    settings = Settings.load(args.config, [*args.set, *overrides])
    serve(settings, _store_location(args, settings))
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="TOML file of settings (see defaults.toml)")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                        help="override one setting, e.g. --set geoparse.min_population=1000")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def _inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL|-", help="files, folders, URLs, or - for stdin")
    parser.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for relative dates")
    parser.add_argument("--outlet", help="name of the outlet that published the page")


def _ingest_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    parser.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--scheduler", help="Dask scheduler address for --engine dask (tcp://HOST:8786)")
    parser.add_argument("--force", action="store_true", help="process articles already in the store again")
    parser.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="News pages in, conflict events out.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    formats = sorted(EXPORTERS)

    extract = commands.add_parser("extract", help="extract, store and print the events of news pages")
    _inputs(extract)
    extract.add_argument("--url", help="the page's URL (for text read from a file or stdin)")
    extract.add_argument("--format", choices=formats, default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    extract.add_argument("--no-store", action="store_true", help="print only; do not write the store")
    extract.add_argument("--quiet", action="store_true", help="no run summary on stderr")
    extract.set_defaults(func=cmd_extract)

    clean_cmd = commands.add_parser("clean", help="print the cleaned article text and metadata as JSON")
    _inputs(clean_cmd)
    clean_cmd.add_argument("--show-removed", action="store_true", help="give the reason for each removed block")
    clean_cmd.set_defaults(func=cmd_clean)

    geo = commands.add_parser("geoparse", help="print place mentions (JSONL) resolved to GeoNames places and units")
    _inputs(geo)
    geo.set_defaults(func=cmd_geoparse)

    events = commands.add_parser("events", help="list stored events")
    events.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    events.add_argument("--format", choices=formats, default="jsonl")
    events.add_argument("--limit", type=int, help="at most this many events")
    events.set_defaults(func=cmd_events)
    ingest_cmd = commands.add_parser("ingest", help="collect files, folders, URLs, feeds, WARC, JSONL into the store")
    _inputs(ingest_cmd)
    _ingest_options(ingest_cmd)
    ingest_cmd.set_defaults(func=cmd_ingest)

    watch = commands.add_parser("watch", help="ingest feeds again and again (continuous collection)")
    _inputs(watch)
    _ingest_options(watch)
    watch.add_argument("--every", type=_interval, default=900.0, help="interval: 30s, 15m, 2h (default 15m)")
    watch.add_argument("--rounds", type=int, default=0, help="stop after this many rounds (default: never)")
    watch.set_defaults(func=cmd_watch)

    export = commands.add_parser("export", help="write the deduplicated events: acled-csv, geojson, jsonl, parquet")
    export.add_argument("--format", choices=[*formats, "parquet"], default="acled-csv")
    export.add_argument("--output", "-o", help="file to write (required for parquet; default stdout)")
    export.add_argument("--reports", action="store_true", help="every report, not deduplicated incidents")
    export.add_argument("--country", help="ISO alpha-2 code or country name")
    export.add_argument("--event-type", action="append", help="event type (repeatable)")
    export.add_argument("--start", type=_date, help="first event date")
    export.add_argument("--end", type=_date, help="last event date")
    export.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    export.set_defaults(func=cmd_export)

    control = commands.add_parser("control", help="who controls which place on a date (territory events)")
    control.add_argument("--country", help="ISO alpha-2 code or country name")
    control.add_argument("--on", type=_date, help="the date (default: latest)")
    control.add_argument("--format", choices=["table", "json"], default="table")
    control.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    control.set_defaults(func=cmd_control)

    serve_cmd = commands.add_parser("serve", help="serve the HTTP API and the offline map workbench")
    serve_cmd.add_argument("--db", help="store: a SQLite file or a postgresql:// URL (default: store.path setting)")
    serve_cmd.add_argument("--host", help="address to listen on (default: web.host, 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, help="port (default: web.port, 8000)")
    serve_cmd.add_argument("--no-example", action="store_true", help="do not load the example into an empty store")
    serve_cmd.set_defaults(func=cmd_serve)
    for sub in (extract, clean_cmd, geo, events, serve_cmd, ingest_cmd, watch, export, control):
        _common(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    command: Callable[[argparse.Namespace, TextIO], int] = args.func
    try:
        return command(args, out or sys.stdout)
    except EventwireError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        else:
            print(f"eventwire: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)",
                  file=sys.stderr)
        return 1
