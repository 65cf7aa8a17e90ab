"""A standing corpus's claims as a Parquet dataset partitioned by blocking key (``checker index --parquet DIR``).

For corpora larger than one disk, or read by a cluster: the folder can be any fsspec path (``s3://bucket/claims``,
``gs://...``, ``memory://`` in tests; the matching fsspec driver must be installed). Layout::

    DIR/_checker_claims.json           what wrote it (format version, buckets), so a rewrite never deletes a stranger
    DIR/documents/part-0.parquet       one row per report: path, date, title, source, countries, names, claims
    DIR/claims/bucket=17/part-0.parquet  one row per claim (path, claim number, block, bucket, date,
                                       subject_key, attribute, assertion), in the bucket of its block key

A claim's ``block`` is its ``compare.align.block_key`` written out; ``bucket`` is a stable hash of it (crc32) modulo
the bucket count, so all claims that can ever be compared with each other sit in one bucket, and a reader fetches
only the buckets of the blocks it needs (``read_claims``), with Dask (``dask.dataframe.read_parquet``) or without.
``assertion`` holds the claim as its JSON contract (``Assertion.model_dump_json``), so it reads back exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass
from typing import Iterable, Sequence

from checker.compare.align import block_key
from checker.errors import ConfigError
from checker.models import Assertion, DocumentAssertions

FORMAT_VERSION = 1
MARKER = "_checker_claims.json"
DEFAULT_BUCKETS = 256


@dataclass(frozen=True)
class ParquetStats:
    documents: int
    claims: int
    buckets: int  # buckets holding at least one claim


def block_name(a: Assertion) -> str:
    """A claim's block key as one string: its parts joined by "|", None as empty."""
    return "|".join("" if part is None else str(part) for part in block_key(a))


def bucket_of(block: str, buckets: int = DEFAULT_BUCKETS) -> int:
    return zlib.crc32(block.encode("utf-8", "surrogatepass")) % buckets


def _modules():
    try:
        import fsspec
        import pyarrow as pa
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--parquet needs pyarrow and fsspec: pip install 'report-checker[dask]'") from None
    return fsspec, pa, ds, pq


def _filesystem(target: str):
    fsspec, *_ = _modules()
    try:
        return fsspec.core.url_to_fs(target)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its driver (s3fs, gcsfs) not installed
        raise ConfigError(f"{target}: cannot open this location: {exc}") from None


def write_claims(
    extracted: Sequence[DocumentAssertions],
    target: str,
    *,
    dates: dict[str, dt.date | None] | None = None,
    buckets: int = DEFAULT_BUCKETS,
) -> ParquetStats:
    """Write every claim of ``extracted`` under ``target``, replacing what an earlier run wrote there.

    ``dates`` gives each report's date when it is not the one extraction found (an undated report given the date of
    its neighbours). A non-empty ``target`` that checker did not write is left alone (``ConfigError``)."""
    _, pa, _, pq = _modules()
    fs, root = _filesystem(target)
    root = root.rstrip("/")
    if fs.exists(root):
        if fs.isfile(root) or (fs.ls(root) and not fs.exists(f"{root}/{MARKER}")):
            raise ConfigError(f"{target}: exists and was not written by checker index --parquet; choose another "
                              "folder or empty it")
        fs.rm(root, recursive=True)
    fs.makedirs(root, exist_ok=True)
    dates = dates or {}
    rows: dict[str, list] = {k: [] for k in ("path", "claim", "block", "bucket", "date", "subject_key",
                                             "attribute", "assertion")}
    for doc in extracted:
        date = dates.get(doc.path, doc.date)
        for k, a in enumerate(doc.assertions):
            block = block_name(a)
            rows["path"].append(a.path)
            rows["claim"].append(k)
            rows["block"].append(block)
            rows["bucket"].append(bucket_of(block, buckets))
            rows["date"].append(date)
            rows["subject_key"].append(a.subject_key)
            rows["attribute"].append(a.attribute)
            rows["assertion"].append(a.model_dump_json())
    schema = pa.schema([("path", pa.string()), ("claim", pa.int32()), ("block", pa.string()), ("bucket", pa.int32()),
                        ("date", pa.date32()), ("subject_key", pa.string()), ("attribute", pa.string()),
                        ("assertion", pa.string())])
    claims = pa.Table.from_pydict(rows, schema=schema).sort_by([("bucket", "ascending"), ("block", "ascending")])
    if claims.num_rows:
        pq.write_to_dataset(claims, f"{root}/claims", partition_cols=["bucket"], filesystem=fs,
                            basename_template="part-{i}.parquet")
    documents = pa.Table.from_pylist(
        [{"path": d.path, "date": dates.get(d.path, d.date), "title": d.title, "source": d.source,
          "countries": list(d.countries), "names": list(d.names), "claims": len(d.assertions)} for d in extracted],
        schema=pa.schema([("path", pa.string()), ("date", pa.date32()), ("title", pa.string()),
                          ("source", pa.string()), ("countries", pa.list_(pa.string())),
                          ("names", pa.list_(pa.string())), ("claims", pa.int64())]),
    )
    fs.makedirs(f"{root}/documents", exist_ok=True)
    with fs.open(f"{root}/documents/part-0.parquet", "wb") as stream:
        pq.write_table(documents, stream)
    with fs.open(f"{root}/{MARKER}", "w") as stream:
        stream.write(json.dumps({"format": FORMAT_VERSION, "buckets": buckets, "partitioned_by": "bucket"}))
    return ParquetStats(len(extracted), claims.num_rows, len(set(rows["bucket"])))


def read_claims(target: str, blocks: Iterable[str] | None = None) -> list[Assertion]:
    """The claims written under ``target``, or only those of ``blocks`` (``block_name``), reading only their
    buckets: what a run needs of a corpus to compare incoming claims with it."""
    _, _, ds, _ = _modules()
    fs, root = _filesystem(target)
    root = root.rstrip("/")
    try:
        with fs.open(f"{root}/{MARKER}", "r") as stream:
            meta = json.loads(stream.read())
    except (OSError, ValueError):
        raise ConfigError(f"{target}: not a claims folder written by checker index --parquet") from None
    if not fs.exists(f"{root}/claims"):
        return []
    dataset = ds.dataset(f"{root}/claims", filesystem=fs, format="parquet", partitioning="hive")
    condition = None
    if blocks is not None:
        wanted = sorted(set(blocks))
        if not wanted:
            return []
        buckets = sorted({bucket_of(b, meta["buckets"]) for b in wanted})
        condition = ds.field("bucket").isin(buckets) & ds.field("block").isin(wanted)
    table = dataset.to_table(columns=["path", "claim", "assertion"], filter=condition)
    ordered = table.sort_by([("path", "ascending"), ("claim", "ascending")]).column("assertion").to_pylist()
    return [Assertion.model_validate_json(text) for text in ordered]
