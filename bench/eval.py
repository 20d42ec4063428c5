"""Score `etl parse` and its peers on the dev pages with the reference scorer, in one run.

    python bench/eval.py [--shared ../shared] [--peers trafilatura,gne,readability]

Every system runs as its own process over the same pages (one core each, one after the
other); pages/s is the whole process, start-up included. Prints a table, ratios against
the best peer, and finally one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COLUMNS = ["body_f1", "title_acc", "date_acc", "author_acc", "facts_precision",
           "facts_recall", "metric_acc", "period_acc", "subject_acc", "quotes_precision",
           "quotes_recall", "failed_pages", "pages_per_s"]


def load_scorer(shared: Path) -> ModuleType:
    """Import shared/tools/score.py (the reference scorer) as a module."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {shared / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def commands(peers: list[str]) -> dict[str, str]:
    """The command line of each system; page paths are appended."""
    out = {"etl": f"{shlex.quote(str(BIN / 'etl'))} parse --format jsonl"}
    for peer in peers:
        script = shlex.quote(str(ROOT / "bench" / "peers.py"))
        out[peer] = f"{shlex.quote(sys.executable)} {script} {peer}"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--peers", default="trafilatura,gne,readability")
    args = ap.parse_args(argv)
    if not (args.shared / "gold").is_dir():
        print(f"no evaluation data at {args.shared}; nothing to score", file=sys.stderr)
        return 2
    score = load_scorer(args.shared)
    score._init_t2s()
    golds = score.load_gold([str(args.shared / "gold")])
    root = str(args.shared)
    paths = [os.path.join(root, g["page"]) for g in golds]
    results: dict[str, dict] = {}
    for name, cmd in commands([p for p in args.peers.split(",") if p]).items():
        text, secs = score.run_cmd(cmd, paths, 1800)
        res = score.score(golds, root, score.read_pred(text))
        res["pages_per_s"] = round(len(paths) / secs, 2) if secs else None
        results[name] = res
    print(f"{len(paths)} dev pages, t2s: {score.T2S_MODE}")
    print(f"{'system':12}" + "".join(f"{c:>17}" for c in COLUMNS))
    for name, res in results.items():
        print(f"{name:12}" + "".join(f"{str(res.get(c)):>17}" for c in COLUMNS))
    peers = {k: v for k, v in results.items() if k != "etl"}
    ratios = {}
    if peers:
        ours = results["etl"]
        best_body = max(peers.values(), key=lambda r: r["body_f1"] or 0)
        ratios["body_f1_minus_best_peer"] = round(ours["body_f1"] - best_body["body_f1"], 4)
        for name, res in peers.items():
            if res.get("pages_per_s"):
                ratios[f"speed_vs_{name}"] = round(ours["pages_per_s"] / res["pages_per_s"], 2)
        print("ratios: " + ", ".join(f"{k}={v}" for k, v in ratios.items()))
    sys.path.insert(0, str(ROOT / "bench"))
    from money import compare

    money = compare(score, golds)
    print("money facts on the gold bodies (same text for both):")
    for name, res in money.items():
        print(f"  {name:8} " + ", ".join(f"{k}={v}" for k, v in res.items()))
    if "jionlp" not in money:
        print("  (jionlp not installed: pip install -e '.[bench]' to run the baseline)")
    print(json.dumps({"pages": len(paths), "systems": results, "ratios": ratios,
                      "money_facts": money}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
