#!/usr/bin/env python3
"""Writes N random PEP 440 version strings (seeded, so every run sees the same input).

    make_versions.py [N] [SEED] [SHAPE] > versions.txt

SHAPE picks the distribution:

mixed    (default) what an index serves: mostly plain releases, some pre/post/dev
         releases, local labels, epochs, leading 'v', odd separators and upper case.
uniform  A.B.C with A, B, C uniform in 0-30 and one of '', rc1, .post2, .dev3, a4,
         +local.1 appended.
local    A.B.C (as uniform) with long local labels such as
         +ubuntu.20.04.build.12345.abcdef.
"""
import random
import sys


def mixed(rng):
    parts = []
    if rng.random() < 0.03:
        parts.append(rng.choice(["v", "V"]))
    if rng.random() < 0.02:
        parts.append(f"{rng.randint(1, 3)}!")
    n = rng.choice([1, 2, 2, 3, 3, 3, 3, 4])
    release = [str(rng.randint(0, 30 if i else 2030)) for i in range(n)]
    if rng.random() < 0.02:
        release[0] = "20240101120000"
    parts.append(".".join(release))
    r = rng.random()
    if r < 0.15:
        parts.append(rng.choice(["a", "b", "rc", "-alpha", ".beta", "c", "RC", "pre"]))
        parts.append(str(rng.randint(0, 5)))
    if rng.random() < 0.08:
        parts.append(rng.choice([".post", "-", ".r", "post"]) + str(rng.randint(0, 4)))
    if rng.random() < 0.08:
        parts.append(rng.choice([".dev", "dev", "-dev"]) + str(rng.randint(0, 9)))
    if rng.random() < 0.04:
        parts.append("+" + rng.choice(["cpu", "cu121", "ubuntu.1", "g1234abc", "local-7"]))
    return "".join(parts)


def release(rng):
    return f"{rng.randint(0, 30)}.{rng.randint(0, 30)}.{rng.randint(0, 30)}"


def uniform(rng):
    return release(rng) + rng.choice(["", "rc1", ".post2", ".dev3", "a4", "+local.1"])


def local(rng):
    distro = rng.choice(["ubuntu", "debian", "fedora", "el", "alpine"])
    label = [
        distro,
        str(rng.randint(8, 24)),
        f"{rng.randint(1, 12):02d}",
        rng.choice(["build", "ci", "nightly", "Build"]),
        str(rng.randint(1, 99999)),
        f"{rng.getrandbits(24):06x}",
    ]
    if rng.random() < 0.3:
        label.append(rng.choice(["cu121", "cpu", "rocm6", "1"]))
    return release(rng) + "+" + rng.choice([".", ".", "-", "_"]).join(label)


SHAPES = {"mixed": mixed, "uniform": uniform, "local": local}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    shape = SHAPES[sys.argv[3] if len(sys.argv) > 3 else "mixed"]
    rng = random.Random(seed)
    out = sys.stdout
    for _ in range(n):
        out.write(shape(rng) + "\n")


if __name__ == "__main__":
    main()
