"""`find_favours` keeps only the message's words that its tests look for.

It narrows `words` to `favours._FAVOUR_TEST_WORDS` before its many set tests (a few words to
read instead of the whole message). A test on `words` added there whose words are not in that
set would silently never pass, so this reads `find_favours` itself: every `X.isdisjoint(words)`
and `"…" in words` must be covered, and `words` must be used in no other way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bot.coaching
from bot.coaching import favours


def _tree() -> ast.FunctionDef:
    # Read from the source file: compiled (bot/coaching/native), find_favours has no source.
    source = (Path(bot.coaching.__file__).parent / "favours.py").read_text()
    found = [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and node.name == "find_favours"
    ]
    assert len(found) == 1
    return found[0]


def _parents(func: ast.FunctionDef) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(func) for child in ast.iter_child_nodes(node)}


def _loop_sets(loop: ast.For) -> list[frozenset[str]]:
    """The word sets a `for pattern, needs in …` loop reads: those of the module's tuples of
    (pattern, words) pairs named in its iterable."""
    found = []
    for node in ast.walk(loop.iter):
        if isinstance(node, ast.Name) and node.id.endswith("_FAVOURS"):
            found += [needs for _, needs in getattr(favours, node.id)]
    assert found, f"no (pattern, words) tuple found in {ast.unparse(loop.iter)}"
    return found


def _checked_sets(func: ast.FunctionDef) -> list[tuple[str, frozenset[str]]]:
    """Every word set tested against `words` in the function, by where it is tested."""
    parents = _parents(func)
    checked: list[tuple[str, frozenset[str]]] = []
    for node in ast.walk(func):
        if not (isinstance(node, ast.Name) and node.id == "words"):
            continue
        parent = parents[node]
        where = ast.unparse(parent)
        if isinstance(node.ctx, ast.Store):
            continue
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute):
            owner = parent.func.value
            assert isinstance(owner, ast.Name), where
            if parent.func.attr == "intersection" and owner.id == "_FAVOUR_TEST_WORDS":
                continue  # the narrowing itself
            assert parent.func.attr == "isdisjoint", where
            if owner.id == "needs":
                loop = parent
                while not (isinstance(loop, ast.For) and "needs" in ast.unparse(loop.target)):
                    loop = parents[loop]
                checked += [(where, needs) for needs in _loop_sets(loop)]
            else:
                checked.append((where, frozenset(getattr(favours, owner.id))))
        elif isinstance(parent, ast.Compare) and isinstance(parent.ops[0], ast.Is):
            assert parent.left is node, where  # "words is None": not given
        elif isinstance(parent, ast.Compare) and parent.comparators == [node]:
            assert isinstance(parent.ops[0], ast.In), where
            assert isinstance(parent.left, ast.Constant), where
            checked.append((where, frozenset({parent.left.value})))
        else:
            raise AssertionError(f"`words` used in another way in find_favours: {where}")
    return checked


def test_find_favours_tests_words_in_the_expected_ways() -> None:
    assert len(_checked_sets(_tree())) >= 30


def test_every_word_find_favours_tests_for_is_kept() -> None:
    missing = {
        where: sorted(needs - favours._FAVOUR_TEST_WORDS)
        for where, needs in _checked_sets(_tree())
        if not needs <= favours._FAVOUR_TEST_WORDS
    }
    assert not missing, f"add these to favours._FAVOUR_TEST_WORDS: {missing}"
