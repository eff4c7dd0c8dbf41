"""Sample and summarise a cosmic-ray session, for tools/mutation.sh.

python tools/mutation_session.py sample SESSION SIZE SEED
    keep a seeded sample of SIZE pending mutants (all if SIZE <= 0) and mark
    the others skipped; the same SIZE and SEED keep the same mutants;
python tools/mutation_session.py summary SESSION
    the kill ratio of the mutants that ran, then each survivor's diff.
"""

from __future__ import annotations

import ast
import random
import sys
from collections import Counter
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkItem, WorkResult


def _annotations(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (start, end) positions, as (line, column), of every annotation in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert any(
        isinstance(n, ast.ImportFrom)
        and n.module == "__future__"
        and any(a.name == "annotations" for a in n.names)
        for n in tree.body
    ), f"{path}: annotations are evaluated, their mutants are not equivalent"
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            found.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            found.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            found.append(node.annotation)
    return [
        ((a.lineno, a.col_offset), (a.end_lineno or a.lineno, a.end_col_offset or 0)) for a in found
    ]


def _in_annotation(item: WorkItem, spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    (m,) = item.mutations
    return any(start <= tuple(m.start_pos) < end for start, end in spans)


def _where(item: WorkItem) -> tuple[str, int, tuple[int, int]]:
    (m,) = item.mutations
    return (m.operator_name, m.occurrence, tuple(m.start_pos))


def sample(session: str, size: int, seed: int) -> None:
    with use_db(session, WorkDB.Mode.open) as db:
        pending = sorted(db.pending_work_items, key=_where)  # job ids are random: not them
        spans = _annotations(Path(pending[0].mutations[0].module_path))
        equivalent = [item.job_id for item in pending if _in_annotation(item, spans)]
        db.set_multiple_results(equivalent, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
        print(f"{session}: {len(equivalent)} mutants inside annotations skipped (equivalent)")
        equivalent_ids = set(equivalent)
        pending = [item for item in pending if item.job_id not in equivalent_ids]
        if size <= 0 or size >= len(pending):
            print(f"{session}: all {len(pending)} mutants")
            return
        keep = {item.job_id for item in random.Random(seed).sample(pending, size)}
        skipped = [item.job_id for item in pending if item.job_id not in keep]
        db.set_multiple_results(skipped, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
        print(f"{session}: {size} of {len(pending)} mutants sampled (seed {seed})")


def summary(session: str) -> None:
    with use_db(session, WorkDB.Mode.open) as db:
        ran = [
            (item, result)
            for item, result in db.completed_work_items
            if result.worker_outcome is not WorkerOutcome.SKIPPED
        ]
        outcomes = Counter(str(result.test_outcome or result.worker_outcome) for _, result in ran)
        # killed: a test failed, the mutant could not even run, or it hung past the timeout
        killed = sum(
            1
            for _, r in ran
            if r.test_outcome in (TestOutcome.KILLED, TestOutcome.INCOMPETENT)
            or r.worker_outcome is WorkerOutcome.ABNORMAL
        )
        modules = {str(m.module_path) for item, _ in ran for m in item.mutations}
        ratio = killed / len(ran) if ran else 0.0
        print(
            f"{', '.join(sorted(modules))}: {killed} of {len(ran)} mutants killed "
            f"({ratio:.0%}); outcomes {dict(sorted(outcomes.items()))}"
        )
        for item, result in ran:
            if result.test_outcome is TestOutcome.SURVIVED:
                (m,) = item.mutations
                print(f"\n--- survivor {m.operator_name} #{m.occurrence} at line {m.start_pos[0]}")
                print(result.diff)


def main() -> None:
    command, session, *rest = sys.argv[1:]
    if command == "sample":
        sample(session, int(rest[0]), int(rest[1]))
    else:
        summary(session)


if __name__ == "__main__":
    main()
