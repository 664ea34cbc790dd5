#!/usr/bin/env python3
"""Every call of Polity's pallets has a benchmark and a weight function.

For each pallet under pallets/, reads the calls declared in `#[pallet::call]` (src/lib.rs), the
benchmarks (`fn name` inside src/benchmarking.rs) and the `WeightInfo` trait (src/weights.rs), and
fails naming every call without a benchmark of its own or without a weight function. Run by
hand (`python3 tools/check-benchmarks.py`); exits 0 when all is well, 1 otherwise. Not yet in
scripts/test.sh: it goes in with the next regeneration of the weights on the reference machine,
which adds the missing benchmarks' measured weights.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PALLETS = ["stakeholder-voting", "data-ownership", "regulatory-nodes"]


def calls(lib: str) -> list[str]:
    """Names of the dispatchables: `pub fn` items that follow a `#[pallet::call_index(..)]`."""
    names = []
    for m in re.finditer(r"#\[pallet::call_index\(\d+\)\]", lib):
        fn = re.compile(r"pub fn (\w+)\s*\(").search(lib, m.end())
        if fn:
            names.append(fn.group(1))
    return names


def benchmarks(source: str) -> set[str]:
    return set(re.findall(r"#\[benchmark[^\]]*\]\s*(?:pub\s+)?fn (\w+)", source))


def weight_fns(source: str) -> set[str]:
    trait = re.search(r"pub trait WeightInfo \{(.*?)\n\}", source, re.S)
    return set(re.findall(r"fn (\w+)\s*\(", trait.group(1))) if trait else set()


def main() -> int:
    problems = []
    total = 0
    for pallet in PALLETS:
        src = ROOT / "pallets" / pallet / "src"
        lib = "\n".join(p.read_text() for p in [src / "lib.rs"])
        names = calls(lib)
        total += len(names)
        benched = benchmarks((src / "benchmarking.rs").read_text())
        weighed = weight_fns((src / "weights.rs").read_text())
        for name in names:
            if name not in benched:
                problems.append(f"{pallet}: call `{name}` has no benchmark in src/benchmarking.rs")
            if name not in weighed:
                problems.append(f"{pallet}: call `{name}` has no weight function in src/weights.rs")
    if total == 0:
        problems.append("no calls found: the parser no longer matches the pallets")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{total} calls in {len(PALLETS)} pallets; {len(problems)} without a benchmark or weight")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
