"""The ``akhbar`` command. Exit codes: 0 all inputs read, 1 some skipped, 2 usage error."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from akhbar import __version__
from akhbar.errors import AkhbarError
from akhbar.ingest import IngestConfig
from akhbar.ingest.sources import READ_SUFFIXES
from akhbar.model import SkippedInput
from akhbar.pipeline import (
    PipelineConfig,
    analyze_each,
    analyze_inputs,
    built_articles,
    check_inputs,
    check_pairs,
    cluster_articles,
    cluster_inputs,
    read_articles,
)
from akhbar.progress import ProgressBar
from akhbar.render import FORMATS, render
from akhbar.render.extraction import analysis_to_dict
from akhbar.scale import batch_runner, default_jobs

DEFAULT_MAX_BYTES = IngestConfig().max_bytes
DEFAULT_JOBS = default_jobs()
_SUFFIX_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

app = typer.Typer(
    help="akhbar (أخبار): read Arabic news from many outlets and report, per story, "
    "what happened, when, who, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        help="Refuse input files larger than this many bytes (raise it for huge JSONL files).",
        min=1,
    ),
]


Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        help="Analyse in this many processes (default: the cores of this machine); the "
        "output is the same whatever the number.",
        min=1,
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run the per-article work on Dask: 'local' (a LocalCluster) or tcp://HOST:PORT.",
    ),
]


@contextmanager
def _usage_errors() -> Iterator[None]:
    """akhbar's own errors (bad option values, a lexicon missing) end the run with code 2."""
    try:
        yield
    except AkhbarError as error:
        typer.echo(f"akhbar: {error}", err=True)
        raise typer.Exit(2) from None


def _refuse_overwriting_inputs(
    outputs: Sequence[Path | None], paths: Sequence[str], option: str
) -> None:
    """An output that names one of the inputs is a usage error before anything is read:
    ``akhbar cluster corpus.jsonl -o corpus.jsonl`` would replace the corpus."""
    inputs = {os.path.realpath(path) for path in paths if path != "-"}
    folders = [path + os.sep for path in inputs if os.path.isdir(path)]
    for target in outputs:
        if target is None:
            continue
        where = os.path.realpath(target)
        # A file in an input folder that this run reads, then would replace.
        in_folder = where.startswith(tuple(folders)) and os.path.isfile(where)
        if where in inputs or (in_folder and where.lower().endswith(READ_SUFFIXES)):
            raise typer.BadParameter(
                f"{target} is one of the inputs; write the output to another file",
                param_hint=option,
            )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"akhbar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log details to stderr.")
    ] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _output_format(output: Path | None, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise typer.BadParameter(
                f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
            )
        return fmt
    if output is None:
        return "json"
    try:
        return _SUFFIX_FORMATS[output.suffix.lower()]
    except KeyError:
        raise typer.BadParameter(
            f"cannot tell the format of {str(output)!r} from its suffix; "
            f"add --format {'|'.join(FORMATS)} or use .json, .md or .html",
            param_hint="--output",
        ) from None


def _report_skipped(skipped: tuple[SkippedInput, ...]) -> int:
    for skip in skipped:
        typer.echo(f"akhbar: skipped {skip.source}: {skip.reason}", err=True)
    if skipped:
        typer.echo(f"akhbar: {len(skipped)} input(s) skipped (listed above).", err=True)
    return 1 if skipped else 0


def _write(text: str, output: Path | None) -> None:
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as error:  # "> /dev/full", a closed pipe
            # Point the descriptor at /dev/null so that Python's own flush at exit is quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            typer.echo(f"akhbar: cannot write the output: {error.strerror or error}", err=True)
            raise typer.Exit(2) from None
        return
    # Write beside the target, then rename: a failed run never leaves half a report.
    partial = output.with_name(output.name + ".partial")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
    except (OSError, UnicodeError) as error:
        partial.unlink(missing_ok=True)
        reason = error.strerror if isinstance(error, OSError) else str(error)
        typer.echo(f"akhbar: cannot write {output}: {reason}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"akhbar: wrote {output}", err=True)


@app.command(
    epilog="Examples:\n\n"
    "  akhbar analyze examples/seeds -o report.html -o report.json\n\n"
    "  akhbar analyze articles.jsonl --format md > report.md\n\n"
    "  cat article.txt | akhbar analyze - --format json"
)
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, JSONL files, or - for stdin.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "--out",
            "-o",
            help="Write the report here (repeatable; format from suffix).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="json, md or html (default: from -o, else json)."),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    jobs: Jobs = DEFAULT_JOBS,
    scheduler: Scheduler = None,
) -> None:
    """Analyse articles and write the report (stories, articles, skipped inputs)."""
    outputs = output or [None]
    _refuse_overwriting_inputs(outputs, paths, "--output")
    formats = [_output_format(target, fmt) for target in outputs]
    with (
        _usage_errors(),
        ProgressBar("reading") as bar,
        batch_runner(jobs=jobs, scheduler=scheduler) as map_batches,
    ):
        config = PipelineConfig(ingest=IngestConfig(max_bytes=max_bytes))
        report = analyze_inputs(paths, config=config, progress=bar.update, map_batches=map_batches)
        rendered = [render(report, target_format) for target_format in formats]
    for target, text in zip(outputs, rendered, strict=True):
        _write(text, target)
    raise typer.Exit(_report_skipped(report.skipped))


def _thread_days(thread) -> str:
    first, last = thread.first_published, thread.last_published
    if first is None:
        return "no date"
    return (
        first.isoformat() if last in (None, first) else f"{first.isoformat()}..{last.isoformat()}"
    )


def _parse_pub(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2025-02-12", param_hint="--pub"
        ) from None


@app.command(
    epilog="Examples:\n\n"
    "  akhbar extract examples/seeds/002_408b543a26764ddd.txt\n\n"
    "  echo 'بحث الرئيس الروسي، اليوم الأربعاء، ...' | akhbar extract --pub 2025-02-12 -"
)
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL, or - for stdin.", metavar="PATH")
    ],
    pub: Annotated[
        str | None,
        typer.Option(
            "--pub", help="Publication date (YYYY-MM-DD) for articles whose input has none."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "--out", "-o", help="Write JSONL here.")
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    jobs: Jobs = DEFAULT_JOBS,
    scheduler: Scheduler = None,
) -> None:
    """Print what the analyzers find in each article, one JSON object a line."""
    _refuse_overwriting_inputs([output], paths, "--output")
    default_published = _parse_pub(pub)
    with (
        _usage_errors(),
        ProgressBar("reading") as bar,
        batch_runner(jobs=jobs, scheduler=scheduler) as map_batches,
    ):
        config = PipelineConfig(
            ingest=IngestConfig(max_bytes=max_bytes), default_published=default_published
        )
        result = read_articles(paths, config=config, progress=bar.update)
        lines, failed = [], []
        for item in analyze_each(result.articles, map_batches=map_batches):
            if isinstance(item, SkippedInput):
                failed.append(item)
            else:
                lines.append(json.dumps(analysis_to_dict(item), ensure_ascii=False) + "\n")
    _write("".join(lines), output)
    raise typer.Exit(_report_skipped((*result.skipped, *failed)))


@app.command(
    "check",
    epilog="Examples:\n\n"
    "  akhbar check 'بوتين يؤكد دعم وحدة سوريا وسيادتها' examples/seeds\n\n"
    "  akhbar check --pairs pairs.jsonl -o verdicts.jsonl\n\n"
    '  (pairs.jsonl: one {"id", "claim", "text"} a line; verdicts.jsonl: one '
    '{"id", "stance", "reason", "evidence"} a line)',
)
def check_command(
    claim: Annotated[
        str | None, typer.Argument(help="The claim: one sentence.", show_default=False)
    ] = None,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, JSONL, or - for stdin.", metavar="PATH", show_default=False
        ),
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option("--pairs", help="Judge the {id, claim, text} lines of this JSONL file."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "--out", "-o", help="Write JSONL verdicts here.")
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    jobs: Jobs = DEFAULT_JOBS,
    scheduler: Scheduler = None,
) -> None:
    """Does each article agree with a claim, disagree, or speak of something else?

    Prints, per article, the stance, the article id and the reason (which slot differs:
    a number, a negation, opposite words, a name), then the sentence that was judged.
    """
    if pairs is not None:
        if claim is not None or paths:
            raise typer.BadParameter("give either --pairs FILE or CLAIM PATH..., not both")
        _refuse_overwriting_inputs([output], [str(pairs)], "--output")
        with _usage_errors():
            rows = check_pairs(str(pairs))
        _write("".join(_json_line(row) for row in rows), output)
        return
    if claim is None or not claim.strip() or not paths:
        raise typer.BadParameter("give a claim and at least one PATH (or --pairs FILE)")
    _refuse_overwriting_inputs([output], paths, "--output")
    with (
        _usage_errors(),
        ProgressBar("reading") as bar,
        batch_runner(jobs=jobs, scheduler=scheduler) as map_batches,
    ):
        config = PipelineConfig(ingest=IngestConfig(max_bytes=max_bytes))
        verdicts, skipped = check_inputs(
            claim, paths, config=config, progress=bar.update, map_batches=map_batches
        )
    if output is None:
        _write("".join(_verdict_text(article, v) for article, v in verdicts), None)
    else:
        rows = ({"id": a, **_verdict_fields(v)} for a, v in verdicts)
        _write("".join(_json_line(row) for row in rows), output)
    raise typer.Exit(_report_skipped(skipped))


def _verdict_fields(verdict) -> dict[str, str]:
    return {"stance": verdict.stance, "reason": verdict.reason, "evidence": verdict.evidence}


def _verdict_text(article: str, verdict) -> str:
    return f"{verdict.stance:<8}  {article}  {verdict.reason}\n    {verdict.evidence}\n"


def _json_line(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


# --- The article store: ingest, search, stories -------------------------------------------

DEFAULT_DB = "akhbar.db"
DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="AKHBAR_DB",
        help="The article store: a SQLite file (default ./akhbar.db, or $AKHBAR_DB) or a "
        "PostgreSQL URL (postgresql://user@host/db).",
    ),
]


def _parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2025-02-12", param_hint=option
        ) from None


@app.command(
    "ingest",
    epilog="Examples:\n\n"
    "  akhbar ingest examples/seeds\n\n"
    "  akhbar ingest ant.jsonl.gz --db news.db --max-bytes 200000000\n\n"
    "  AKHBAR_DB=news.db akhbar ingest new-articles/   (adds only what is new)\n\n"
    "  akhbar ingest archive/ --db news.db --scheduler tcp://10.0.0.5:8786",
)
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL, or - for stdin.", metavar="INPUT")
    ],
    db: DbOption = DEFAULT_DB,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Articles per committed transaction.", min=1)
    ] = 500,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Read and clean the articles on Dask: 'local' (a LocalCluster) or "
            "tcp://HOST:PORT; this process stays the only writer of the store.",
        ),
    ] = None,
) -> None:
    """Add articles to the store; stored articles are skipped, so an interrupted run resumes."""
    from akhbar.store import open_store, store_built

    config = IngestConfig(max_bytes=max_bytes)
    with (
        _usage_errors(),
        ProgressBar("ingesting") as bar,
        open_store(db) as store,
        batch_runner(scheduler=scheduler) as map_batches,
    ):
        items = built_articles(paths, config=config, map_batches=map_batches)
        summary = store_built(store, items, progress=bar.update, batch_size=batch_size)
        total = store.count()
        where = store.location  # a URL without its password
    typer.echo(
        f"added {summary.added}, already present {summary.already_present}, "
        f"skipped {len(summary.skipped)}; {total} articles in {where}"
    )
    raise typer.Exit(_report_skipped(summary.skipped))


@app.command(
    "update",
    epilog="Examples:\n\n"
    "  akhbar ingest today/ --db news.db && akhbar update --db news.db\n\n"
    "  akhbar update --db news.db --jobs 2",
)
def update_command(
    db: DbOption = DEFAULT_DB,
    jobs: Jobs = DEFAULT_JOBS,
    scheduler: Scheduler = None,
) -> None:
    """Analyse the stored articles that are new and re-analyse only the stories they touch;
    running it again changes nothing, and a stopped run resumes."""
    from akhbar.store import open_store
    from akhbar.store.update_run import update_store

    with (
        _usage_errors(),
        open_store(db, create=False) as store,
        ProgressBar("analysing") as bar,
        batch_runner(jobs=jobs, scheduler=scheduler) as map_batches,
    ):
        summary = update_store(store, map_batches=map_batches, progress=bar.update)
        where = store.location  # a URL without its password
    if not summary.changed:
        typer.echo(f"akhbar: {where} is up to date ({summary.stories_unchanged} stories)", err=True)
    else:
        typer.echo(
            f"akhbar: analysed {summary.analysed} new articles; {summary.stories_analysed} "
            f"stories analysed, {summary.stories_unchanged} unchanged, "
            f"{summary.stories_removed} removed in {where}",
            err=True,
        )
    raise typer.Exit(_report_skipped(summary.skipped))


@app.command(
    "report",
    epilog="Examples:\n\n"
    "  akhbar report --db news.db -o report.html\n\n"
    "  akhbar report --db news.db --since 2018-05-08 -o may.json\n\n"
    "  akhbar report --db news.db --story story-03129fdb8599 --format md",
)
def report_command(
    db: DbOption = DEFAULT_DB,
    output: Annotated[
        list[Path] | None,
        typer.Option("--output", "--out", "-o", help="Write the report here (repeatable)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="json, md or html (default: from -o, else json)."),
    ] = None,
    story: Annotated[
        list[str] | None, typer.Option("--story", help="Only this stored story (repeatable).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only stories with an article published on or after it."),
    ] = None,
) -> None:
    """Write the report of the stored stories as akhbar update left them (nothing is
    analysed again)."""
    from akhbar.store import open_store
    from akhbar.store.update_run import report_from_store

    outputs = output or [None]
    formats = [_output_format(target, fmt) for target in outputs]
    day = _parse_day(since, "--since")
    with _usage_errors(), open_store(db, create=False, read_only=True) as store:
        known = set(store.story_fingerprints())
        missing = [value for value in story or [] if value not in known]
        if missing:
            raise typer.BadParameter(
                f"no stored story {missing[0]!r} in {db}; see akhbar stories --db {db}, "
                "and run akhbar update first",
                param_hint="--story",
            )
        if not known:
            typer.echo(f"akhbar: no stored analyses in {db}; run akhbar update first", err=True)
        report = report_from_store(store, story_ids=story or None, since=day)
        rendered = [render(report, target_format) for target_format in formats]
    for target, text in zip(outputs, rendered, strict=True):
        _write(text, target)


@app.command(
    "serve",
    epilog="Examples:\n\n"
    "  akhbar serve --db demo.db   (then open http://127.0.0.1:8000/)\n\n"
    "  AKHBAR_TOKEN=secret akhbar serve --db news.db --host 0.0.0.0 --port 8080",
)
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="AKHBAR_TOKEN",
            help="Uploads (POST /api/articles) need 'Authorization: Bearer TOKEN'; none: off.",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Serve the store in a browser: front page, stories, articles, search, claim check
    and a JSON API (/docs)."""
    try:
        import uvicorn

        from akhbar.web import WebConfig, create_app
    except ImportError as error:
        raise typer.BadParameter(
            f"the web app needs its extra ({error.name} is missing): pip install -e '.[web]'",
            param_hint="serve",
        ) from None
    from akhbar.store import open_store

    with _usage_errors(), open_store(db, create=False, read_only=True) as store:
        where = store.location
    typer.echo(f"akhbar: serving {where} on http://{host}:{port}/", err=True)
    uvicorn.run(
        create_app(WebConfig(db=db, token=token, max_bytes=max_bytes)),
        host=host,
        port=port,
        log_level="warning",
    )


@app.command(
    "search",
    epilog="Examples:\n\n"
    "  akhbar search سورية            (finds سوريا, وسوريا, بسورية ...)\n\n"
    "  akhbar search '\"الرئيس الروسي\" الشرع' --since 2025-02-01 --limit 5\n\n"
    "  akhbar search بوتين --outlet sana --json",
)
def search_command(
    query: Annotated[
        str, typer.Argument(help='Words (all required); "quoted words" for a phrase.')
    ],
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many.", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Search stored articles; spelling, harakat, tatweel, hamza and clitics do not matter."""
    from akhbar.store import open_store

    first, last = _parse_day(since, "--since"), _parse_day(until, "--until")
    with _usage_errors(), open_store(db, create=False, read_only=True) as store:
        hits = store.search(query, outlet=outlet, since=first, until=last, limit=limit)
    if as_json:
        rows = [
            {
                "article_id": hit.article_id,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published.isoformat() if hit.published else None,
                "score": hit.score,
                "snippet": hit.snippet,
                "copies": list(hit.copies),
            }
            for hit in hits
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo(f"akhbar: no stored article matches {query!r}", err=True)
    # Arabic text on lines of its own, so each line takes one direction in a terminal.
    for rank, hit in enumerate(hits, start=1):
        day = hit.published.isoformat()[:10] if hit.published else "no date"
        typer.echo(f"{rank}. {hit.score:.2f}  {day}  {hit.outlet or '-'}  {hit.article_id}")
        typer.echo(f"   {hit.title or ''}")
        typer.echo(f"   {hit.snippet}")
        if hit.copies:
            typer.echo(f"   same text also as: {', '.join(hit.copies)}")
        typer.echo("")


@app.command(
    "stories",
    epilog="Examples:\n\n"
    "  akhbar stories --db news.db\n\n"
    "  akhbar stories --db news.db --min-outlets 3 --limit 10\n\n"
    "  akhbar stories story-000123 --db news.db   (its articles, oldest first)",
)
def stories_command(
    story_id: Annotated[
        str | None, typer.Argument(help="Show this story's articles.", metavar="[STORY]")
    ] = None,
    db: DbOption = DEFAULT_DB,
    limit: Annotated[
        int, typer.Option("--limit", "-n", help="At most this many stories (largest first).", min=1)
    ] = 50,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", help="Only stories told by this many outlets.", min=1)
    ] = 1,
) -> None:
    """List the stored stories with their outlets and dates, or one story's articles."""
    from akhbar.store import open_store

    with _usage_errors(), open_store(db, create=False, read_only=True) as store:
        stories = store.stories()
        if story_id is not None:
            story = next((s for s in stories if s.id == story_id), None)
            if story is None:
                typer.echo(f"akhbar: no story {story_id!r} in {db}; see akhbar stories", err=True)
                raise typer.Exit(2)
            articles = [store.get(article_id) for article_id in story.articles]
    if story_id is not None:
        typer.echo(f"{story.id}  {len(story.articles)} articles  {', '.join(story.outlets) or '-'}")
        by_id = {article.id: article for article in articles}
        for thread in story.threads:
            typer.echo("")
            typer.echo(f"{_thread_days(thread)}  {thread.id}  {len(thread.articles)} articles")
            typer.echo(f"   {thread.title or ''}")
            for article in (by_id[article_id] for article_id in thread.articles):
                day = article.published.isoformat()[:10] if article.published else "no date"
                typer.echo(f"   {day}  {article.outlet or '-'}  {article.id}")
                typer.echo(f"      {article.title or ''}")
        return
    if not stories:
        typer.echo("no stories stored yet; run akhbar cluster --db")
        return
    shown = [story for story in stories if len(story.outlets) >= min_outlets]
    for story in shown[:limit]:
        first = story.first_published.isoformat() if story.first_published else "?"
        last = story.last_published.isoformat() if story.last_published else "?"
        threads = f"{len(story.threads)} events  " if len(story.threads) > 1 else ""
        typer.echo(
            f"{story.id}  {len(story.articles)} articles  {threads}{first}..{last}  "
            f"{', '.join(story.outlets) or '-'}"
        )
        typer.echo(f"   {story.title or ''}")
    if len(shown) > limit:
        typer.echo(f"... {len(shown) - limit} more (raise --limit)", err=True)


@app.command(
    "cluster",
    epilog="Examples:\n\n"
    "  akhbar cluster ../shared/data/ant-multisource.jsonl.gz --out assignments.jsonl\n\n"
    "  akhbar cluster archive/ --out assignments.jsonl --scheduler local\n\n"
    "  akhbar cluster archive/ --out a.jsonl --scheduler tcp://10.0.0.5:8786\n\n"
    "  akhbar ingest archive/ --db news.db && akhbar cluster --db news.db"
    " && akhbar stories --db news.db",
)
def cluster_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, JSONL, or - for stdin; none: the articles stored in --db.",
            metavar="[INPUT]...",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "--output", "-o", help="Write the assignments JSONL here."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run the per-article work on Dask: 'local' (a LocalCluster) or tcp://HOST:PORT.",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Store the assignments in this store (for akhbar stories); with no INPUT, "
            "cluster the articles it holds.",
        ),
    ] = None,
) -> None:
    """Assign every article a story, an event and the article it duplicates (JSONL, one a line)."""
    _refuse_overwriting_inputs([out], paths or [], "--out")
    config = PipelineConfig(ingest=IngestConfig(max_bytes=max_bytes))
    if not paths and db is None:
        raise typer.BadParameter(
            "give INPUT files or folders, or --db STORE to cluster the stored articles",
            param_hint="INPUT",
        )
    if not paths and scheduler is not None:
        raise typer.BadParameter(
            "--scheduler spreads the reading of INPUT files; a store is clustered here",
            param_hint="--scheduler",
        )
    skipped: tuple = ()
    with _usage_errors(), ProgressBar("reading") as bar:
        if not paths:
            from akhbar.store import open_store

            with open_store(db, create=False) as store:
                assignments = cluster_articles(
                    store.iter_articles(), config=config.corpus, progress=bar.update
                )
                stored = store.set_assignments(assignments)
            typer.echo(f"akhbar: stored {stored} assignments in {db}", err=True)
        else:
            with batch_runner(scheduler=scheduler) as map_batches:
                assignments, skipped = cluster_inputs(
                    paths, config=config, progress=bar.update, map_batches=map_batches
                )
            if db is not None:
                from akhbar.store import open_store

                with open_store(db, create=False) as store:
                    stored = store.set_assignments(assignments)
                typer.echo(f"akhbar: stored {stored} assignments in {db}", err=True)
    lines = (
        json.dumps(
            {"id": a.id, "story": a.story, "event": a.event, "duplicate_of": a.duplicate_of},
            ensure_ascii=False,
        )
        + "\n"
        for a in assignments
    )
    _write("".join(lines), out)
    raise typer.Exit(_report_skipped(skipped))


def main() -> None:
    """Console entry point (``akhbar`` and ``python -m akhbar``)."""
    app(prog_name="akhbar")


__all__ = ["app", "main"]
