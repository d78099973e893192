#!/usr/bin/env python3
"""Generate the requirements-file conformance vectors used by the Java tests.

Run from the repository root:

    python3 testdata/generator/generate_reqfile_vectors.py

Every expectation is produced by the differential oracle
``shared/oracle/req_oracle.py``, which runs pip 23.2.1's own requirements-file
parser (``parse_requirements`` + ``install_req_from_parsed_requirement``).
Nothing here is hand-written: the script only feeds inputs to the oracle,
replaces machine-specific absolute directories by placeholders and writes the
results.

Outputs (under testdata/src/main/resources/io/pyhermetic/testdata/):

    reqfile/req-cases.jsonl   the oracle's sample cases (samples/req_cases.jsonl
                              + samples/req_cases_extra.jsonl), one oracle
                              --batch run; {"case": <input case>, "expect": <result>}
    reqfile/corpus.jsonl      real files, one oracle single-mode run each;
                              {"file": <path under corpus/>, "expect": <result>}
    reqfile/README.md
    corpus/...                byte-for-byte copies of the corpus inputs
                              (shared/corpus/** and oracle-samples/pip-compile-hashes.txt)

Lines are JSON, keys sorted, compact, ASCII-escaped.  Absolute directories are
replaced in every string (keys included): the batch work directory by
``${WORKDIR}`` (its parent by ``${WORKDIR_PARENT}``), a corpus file's
directory by ``${DIR}``.  Re-running the script
rewrites every file byte for byte.

Environment variables:
    PYHERMETIC_REQ_ORACLE   path to req_oracle.py (default: shared/oracle next to
                            the repository, i.e. ../shared/oracle or
                            /work/shared/oracle)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RES_DIR = REPO / "testdata" / "src" / "main" / "resources" / "io" / "pyhermetic" / "testdata"
OUT_DIR = RES_DIR / "reqfile"
CORPUS_OUT = RES_DIR / "corpus"

# Fixed, so that the batch output only differs by this prefix (then replaced).
WORKDIR = "/tmp/req_oracle_work"
WORKDIR_PH = "${WORKDIR}"
# pip normalizes `file:../x` against the cwd, so a case can name the parent
WORKDIR_PARENT_PH = "${WORKDIR_PARENT}"
DIR_PH = "${DIR}"
MAX_CORPUS_BYTES = 6 * 1024 * 1024


def _find_oracle() -> Path:
    env = os.environ.get("PYHERMETIC_REQ_ORACLE")
    cands = [Path(env)] if env else []
    cands += [
        REPO.parent / "shared" / "oracle" / "req_oracle.py",
        REPO / "shared" / "oracle" / "req_oracle.py",
        Path("/work/shared/oracle/req_oracle.py"),
    ]
    for c in cands:
        if c.is_file():
            return c.resolve()
    sys.exit("req_oracle.py not found; set PYHERMETIC_REQ_ORACLE")


ORACLE = _find_oracle()
SHARED = ORACLE.parent.parent
SAMPLE_FILES = [ORACLE.parent / "samples" / "req_cases.jsonl",
                ORACLE.parent / "samples" / "req_cases_extra.jsonl"]
CORPUS_IN = SHARED / "corpus"
# extra single files: (source, name used in corpus.jsonl and under corpus/)
EXTRA_FILES = [(ORACLE.parent / "samples" / "pip-compile-hashes.txt",
                "oracle-samples/pip-compile-hashes.txt")]


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _dir_pattern(dirs: list[str]) -> re.Pattern:
    """Matches any of the absolute directories, but only as a whole path
    component sequence (not /tmp/req_oracle_work2)."""
    alts = sorted({d.rstrip("/") for d in dirs if d}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w.-])")


def replace_dirs(obj, pattern: re.Pattern, placeholder: str):
    if isinstance(obj, str):
        return pattern.sub(lambda m: placeholder, obj)
    if isinstance(obj, list):
        return [replace_dirs(x, pattern, placeholder) for x in obj]
    if isinstance(obj, dict):
        return {replace_dirs(k, pattern, placeholder): replace_dirs(v, pattern, placeholder)
                for k, v in obj.items()}
    return obj


def _check_no_abs(obj, where: str, roots: list[str]) -> None:
    text = dumps(obj)
    for r in roots:
        if r in text:
            raise SystemExit(f"{where}: absolute path {r!r} left in oracle output")


# ---------------------------------------------------------------------------
# 1. req-cases.jsonl: one --batch run over the oracle's sample cases
# ---------------------------------------------------------------------------
PARENT_CASES: list[str] = []


def build_req_cases() -> tuple[int, int, int]:
    raw_lines: list[str] = []
    cases: list[dict] = []
    for path in SAMPLE_FILES:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                raw_lines.append(line)
                cases.append(json.loads(line))
    ids = [c.get("id") for c in cases]
    if len(set(ids)) != len(ids) or None in ids:
        raise SystemExit("sample case ids must be present and unique")
    for c in cases:
        if c.get("host_env"):
            raise SystemExit(f"case {c['id']!r} uses host_env: not deterministic")

    proc = subprocess.run(
        [sys.executable, str(ORACLE), "--batch", "--no-versions", "--workdir", WORKDIR],
        input=("\n".join(raw_lines) + "\n").encode("utf-8"),
        stdout=subprocess.PIPE,
        check=True,
    )
    out = proc.stdout.decode("ascii").splitlines()
    if len(out) != len(cases):
        raise SystemExit(f"oracle returned {len(out)} lines for {len(cases)} cases")
    real_wd = os.path.realpath(WORKDIR)
    pattern = _dir_pattern([WORKDIR, real_wd])
    parents = [os.path.dirname(WORKDIR), os.path.dirname(real_wd)]
    parent_pattern = _dir_pattern(parents)
    for c in cases:
        if parent_pattern.search(dumps(c)) or pattern.search(dumps(c)):
            raise SystemExit(f"case {c['id']!r} names the work directory or its parent itself")
    n_ok = 0
    path = OUT_DIR / "req-cases.jsonl"
    with open(path, "w", encoding="ascii", newline="\n") as f:
        for case, line in zip(cases, out):
            res = json.loads(line)
            if res.get("id") != case["id"]:
                raise SystemExit(f"oracle id mismatch: {case['id']!r} vs {res.get('id')!r}")
            if res.get("error_type") == "OracleInput":
                raise SystemExit(f"oracle rejected case {case['id']!r}: {res}")
            res.pop("versions", None)
            res = replace_dirs(res, pattern, WORKDIR_PH)
            before = dumps(res)
            res = replace_dirs(res, parent_pattern, WORKDIR_PARENT_PH)
            if dumps(res) != before:
                PARENT_CASES.append(case["id"])
            _check_no_abs(res, f"case {case['id']}", ["/tmp/", str(SHARED), str(REPO)])
            n_ok += bool(res.get("ok"))
            f.write(dumps({"case": case, "expect": res}) + "\n")
    return len(cases), n_ok, len(cases) - n_ok


# ---------------------------------------------------------------------------
# 2. corpus.jsonl: one single-mode oracle run per real file, cwd = its dir
# ---------------------------------------------------------------------------
def corpus_inputs() -> list[tuple[Path, str]]:
    """(source file, name relative to corpus/) for every .txt file."""
    items = []
    for p in sorted(CORPUS_IN.rglob("*.txt")):
        if p.is_file():
            items.append((p, p.relative_to(CORPUS_IN).as_posix()))
    items += EXTRA_FILES
    return items


def run_single(src: Path) -> dict:
    d = src.parent
    proc = subprocess.run(
        [sys.executable, str(ORACLE), "--compact", "--no-versions", src.name],
        cwd=str(d),
        stdout=subprocess.PIPE,
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"oracle failed on {src} (exit {proc.returncode})")
    res = json.loads(proc.stdout.decode("ascii"))
    res.pop("versions", None)
    pattern = _dir_pattern([str(d), os.path.realpath(d)])
    res = replace_dirs(res, pattern, DIR_PH)
    _check_no_abs(res, str(src), [str(SHARED), str(REPO), "/tmp/"])
    return res


def build_corpus() -> list[dict]:
    rows = []
    for src, name in corpus_inputs():
        rows.append({"file": name, "expect": run_single(src)})
    text = "".join(dumps(r) + "\n" for r in rows)
    dropped = False
    if len(text.encode("ascii")) > MAX_CORPUS_BYTES:
        for r in rows:
            r["expect"].pop("logical_lines", None)
            r["expect"].pop("logical_lines_truncated_from", None)
        text = "".join(dumps(r) + "\n" for r in rows)
        dropped = True
    with open(OUT_DIR / "corpus.jsonl", "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    for r in rows:
        r["_logical_dropped"] = dropped
    return rows


# ---------------------------------------------------------------------------
# 3. byte-for-byte copies of the corpus inputs
# ---------------------------------------------------------------------------
def copy_corpus() -> list[str]:
    copied = []
    wanted: dict[Path, Path] = {}
    for p in sorted(CORPUS_IN.rglob("*")):
        if p.is_file():
            wanted[CORPUS_OUT / p.relative_to(CORPUS_IN)] = p
    for src, name in EXTRA_FILES:
        wanted[CORPUS_OUT / name] = src
    for dst, src in sorted(wanted.items()):
        dst.parent.mkdir(parents=True, exist_ok=True)
        data = src.read_bytes()
        if not dst.exists() or dst.read_bytes() != data:
            if dst.exists():
                dst.unlink()
            with open(dst, "wb") as f:
                f.write(data)
        copied.append(dst.relative_to(CORPUS_OUT).as_posix())
    # drop stale copies (only inside the copied folders)
    for folder in sorted({d.parent for d in wanted}):
        for p in sorted(folder.iterdir()):
            if p.is_file() and p not in wanted:
                p.unlink()
    return copied


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------
README = """\
# Requirements-file conformance vectors (pip {pip})

Generated by `testdata/generator/generate_reqfile_vectors.py` from the
differential oracle `shared/oracle/req_oracle.py`, which runs **pip {pip}'s own
parser** (`parse_requirements` + `install_req_from_parsed_requirement`, the
call sequence of `pip install -r`; packaging 21.3 semantics for requirement
strings, plus a packaging 26.2 cross-check in `entries[].pep508`).
Regenerate from the repository root with

    python3 testdata/generator/generate_reqfile_vectors.py

A re-run rewrites every file byte for byte. All `*.jsonl` lines are JSON with
keys sorted, compact separators, ASCII-escaped. The schema of `expect` is the
oracle's output, documented in `shared/oracle/README.md` (section
`req_oracle.py`, "Output") and `shared/spec/requirements-format.md` section 1.

## `req-cases.jsonl` ({n_cases} cases: {n_ok} accepted, {n_err} rejected)

The oracle's sample cases, `samples/req_cases.jsonl` ({n_a}) followed by
`samples/req_cases_extra.jsonl` ({n_b}), in file order, judged in ONE
`req_oracle.py --batch --no-versions --workdir {workdir}` run:

    {{"case": <input case object as given>, "expect": <oracle result>}}

* `case`: `id`, `content` (UTF-8 text written to `main`) or `content_b64` (raw
  bytes), optional `files` (relative path -> string, `{{"b64": ...}}` or
  `{{"dir": true}}`), `main` (default `requirements.txt`), `env` (the only
  variables `${{NAME}}` expansion can see; default none), `constraint` (parse
  as `-c`). To replay a case: empty a work directory, write the files, make
  it the current directory and parse `main`.
* `expect`: `ok`, `error`/`error_type`/`error_is_pip_error` when rejected,
  `entries[]`, `option_lines[]`, `logical_lines[]`, `files_read[]`, `finder`,
  `require_hashes`, `require_hashes_option`, `features_enabled`, `warnings[]`,
  `constraint_mode`, `file`, `id` (the case id echoed). Batch results carry
  no `cwd` and no `versions`.
* Every occurrence of the work directory (`{workdir}`) in any string is
  replaced by the placeholder **`${{WORKDIR}}`**; e.g. file URLs read
  `file://${{WORKDIR}}/pkg.zip`. Substitute your own (absolute, no trailing
  slash) work directory before comparing.
* pip makes a `file:` URL containing `../` absolute against the current
  directory, so `file:../x/pkg-1.0.tar.gz` points outside the work directory:
  the work directory's parent (`{workdir_parent}`) is replaced by
  **`${{WORKDIR_PARENT}}`** (after `${{WORKDIR}}`); cases using it: {parent_cases}.
* Lists longer than 200 items are truncated by the oracle and
  `<key>_truncated_from` gives the real length (the self-including file case,
  which ends in `RecursionError`).

## `corpus.jsonl` ({n_files} files, {n_entries} entries, {n_hashes} hashes)

One line per real requirements file, in this order:

{corpus_table}

    {{"file": "<path relative to corpus/>", "expect": <oracle result>}}

`expect` is `req_oracle.py --compact --no-versions <file name>` run with the
file's directory as current directory (so `expect.file` and `files_read` hold
the bare file name and `comes_from` is `-r <file name> (line N)`). Every
occurrence of that directory is replaced by **`${{DIR}}`** (`expect.cwd` is
`${{DIR}}`).

{logical_note}

## `../corpus/`

Byte-for-byte copies of the inputs, readable from the classpath as
`io/pyhermetic/testdata/corpus/<file>`:

{copied_list}

`garak-2025-12/` is the whole `shared/corpus/garak-2025-12/` folder (the two
uv/pip-compile lock files with `--hash` pins, the pybuild-deps build lock
file, and the Containerfile / pyproject.toml they come with);
`oracle-samples/pip-compile-hashes.txt` is `shared/oracle/samples/pip-compile-hashes.txt`.
"""


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    CORPUS_OUT.mkdir(parents=True, exist_ok=True)

    n_a = sum(1 for l in open(SAMPLE_FILES[0], encoding="utf-8") if l.strip())
    n_b = sum(1 for l in open(SAMPLE_FILES[1], encoding="utf-8") if l.strip())
    n_cases, n_ok, n_err = build_req_cases()

    rows = build_corpus()
    copied = copy_corpus()

    table = ["| file | ok | entries | option lines | logical lines | hashes | require_hashes |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    n_entries = n_hashes = 0
    truncated = []
    for r in rows:
        e = r["expect"]
        ne = len(e["entries"])
        nh = sum(len(v) for ent in e["entries"] for v in ent["hashes"].values())
        n_entries += ne
        n_hashes += nh
        nl = e.get("logical_lines_truncated_from", len(e.get("logical_lines", [])))
        if "logical_lines_truncated_from" in e:
            truncated.append((r["file"], len(e["logical_lines"]), e["logical_lines_truncated_from"]))
        table.append(f"| `{r['file']}` | {str(e['ok']).lower()} | {ne} | {len(e['option_lines'])} | "
                     f"{nl} | {nh} | {str(e['require_hashes']).lower()} |")
    if rows and rows[0]["_logical_dropped"]:
        logical_note = ("`logical_lines` was dropped from every line because the file "
                        "would otherwise exceed 6 MB.")
    else:
        logical_note = "All keys are kept, `logical_lines` included."
    if truncated:
        logical_note += (
            " Note: the oracle caps `option_lines`, `logical_lines` and `files_read` at 200 "
            "items even for ordinary files; "
            + "; ".join(f"`{f}` has {k} of {n} logical lines (`logical_lines_truncated_from`: {n})"
                        for f, k, n in truncated)
            + ". `entries[]` is never truncated and every entry carries its own `line` and "
              "`text` (the logical line), so compare the first 200 logical lines and the count.")

    import pip  # only for the version shown in the README
    readme = README.format(
        pip=pip.__version__, n_cases=n_cases, n_ok=n_ok, n_err=n_err, n_a=n_a, n_b=n_b,
        workdir=WORKDIR, workdir_parent=os.path.dirname(WORKDIR),
        parent_cases=", ".join(f"`{c}`" for c in PARENT_CASES) or "none", n_files=len(rows), n_entries=n_entries, n_hashes=n_hashes,
        corpus_table="\n".join(table), logical_note=textwrap.fill(logical_note, 78),
        copied_list="\n".join(f"* `{c}`" for c in copied),
    )
    with open(OUT_DIR / "README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)

    for name in ("req-cases.jsonl", "corpus.jsonl"):
        size = (OUT_DIR / name).stat().st_size
        print(f"{name:18s} {size:10d} bytes")
    print(f"req-cases: {n_cases} cases ({n_a} + {n_b}), {n_ok} ok, {n_err} rejected")
    print(f"corpus: {len(rows)} files, {n_entries} entries, {n_hashes} hashes")
    for r in rows:
        e = r["expect"]
        print(f"  {r['file']:45s} ok={e['ok']} entries={len(e['entries'])} "
              f"option_lines={len(e['option_lines'])}")
    print(f"copied {len(copied)} corpus files to {CORPUS_OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
