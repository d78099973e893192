#!/usr/bin/env python3
"""Baseline: parse a requirements file with pip's own parser (pip 23.2.1 internals).

    pip_parse_requirements.py FILE [REPEAT]     # REPEAT timed parses in one process
    pip_parse_requirements.py --whole FILE      # one parse, then exit (time the process)

Each parse is the call sequence `pip install -r FILE` uses:

    [install_req_from_parsed_requirement(r) for r in parse_requirements(FILE, session=session)]

i.e. reading/decoding, line joining, comment stripping, ${VAR} expansion, option
parsing (--hash ...) and building an InstallRequirement per line (PEP 508 parsing
with pip's vendored packaging). No finder and no options object are passed
(parse_requirements accepts None for both; global option lines are then parsed
but not applied, which costs the same). Relative paths resolve from the current
directory, as in pip.

The PipSession is created once, outside the timing: building pip's User-Agent
runs subprocesses (~0.1 s) and a local file never touches the session. With
--whole the process still imports pip (~0.4 s) and creates the session, like
any pip run.

Prints one line per repetition: "<seconds> <number of requirements>".
"""
import sys
import time

from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._internal.req.req_file import parse_requirements


def parse_once(path, session):
    return [install_req_from_parsed_requirement(r) for r in parse_requirements(path, session=session)]


def main():
    args = sys.argv[1:]
    whole = "--whole" in args
    args = [a for a in args if a != "--whole"]
    if not args:
        sys.exit(__doc__)
    path = args[0]
    repeat = 1 if whole else (int(args[1]) if len(args) > 1 else 1)
    session = PipSession()
    for _ in range(repeat):
        start = time.perf_counter()
        reqs = parse_once(path, session)
        elapsed = time.perf_counter() - start
        print(f"{elapsed:.6f} {len(reqs)}", flush=True)


if __name__ == "__main__":
    main()
