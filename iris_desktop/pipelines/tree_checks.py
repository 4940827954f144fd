"""Decision trees read from a model file: checked node by node, and a forest's trees
stored as arrays (smaller and quicker to load than a hundred objects) and built only
once checked. A tree whose child index points anywhere crashes the process on its first
prediction; one whose child points back to its parent never returns."""

from __future__ import annotations

from typing import Any

import numpy as np

from iris_desktop.pipelines.algorithms import Estimator
from iris_desktop.pipelines.model_values import N_FEATURES, expect, floats, int_in, ints, same, shallow_copy

MAX_TREES = 2000  # the Train tab's limit (algorithms.py)
# A forest's nodes are stored in arrays of whole trees, each of about this many nodes
# (4 MB) at most: each array is copied several times on its way to and from the file,
# and a copy holds the GIL. One array of 30 MB (500 trees on 10,000 flowers) held it for
# 10-14 ms a copy, and the window waited.
CHUNK_NODES = 1 << 16
FOREST_KEYS = {"template", "nodes", "values", "node_counts", "max_depths", "random_states"}


def compact_forest(forest: Estimator) -> tuple[Estimator, dict[str, Any]]:
    """(the forest without its trees, its trees as arrays): every tree is the same
    DecisionTreeClassifier but for its random_state and tree_, so one template and the
    trees' node arrays hold it all (a tenth of the load time of a hundred objects)."""
    trees = forest.estimators_
    template = shallow_copy(trees[0])
    del template.tree_
    for tree in trees:
        others = {k: v for k, v in vars(tree).items() if k not in ("tree_", "random_state")}
        mine = {k: v for k, v in vars(template).items() if k != "random_state"}
        if others.keys() != mine.keys() or any(not same(others[k], mine[k]) for k in mine):
            raise ValueError("the trees of this forest differ in more than their random_state and tree_")
    states = [tree.tree_.__getstate__() for tree in trees]
    nodes, values = [], []
    for group in _groups([s["node_count"] for s in states]):
        packed = np.concatenate([states[k]["nodes"] for k in group])
        # Tree's own (padded) dtype, its padding zeroed, not left as it was in memory
        chunk = np.zeros(len(packed), dtype=states[0]["nodes"].dtype)
        for name in packed.dtype.names or ():
            chunk[name] = packed[name]
        nodes.append(chunk)
        values.append(np.concatenate([states[k]["values"] for k in group]))
    stored = {
        "template": template,
        "nodes": nodes,
        "values": values,
        "node_counts": np.array([s["node_count"] for s in states], dtype=np.int64),
        "max_depths": np.array([s["max_depth"] for s in states], dtype=np.int64),
        "random_states": np.array([tree.random_state for tree in trees], dtype=np.int64),
    }
    without = shallow_copy(forest)
    without.estimators_ = []
    return without, stored


def _groups(counts: list[int]) -> list[list[int]]:
    """The trees (by index) in consecutive groups of at most CHUNK_NODES nodes (a tree
    larger than that alone)."""
    groups: list[list[int]] = [[]]
    size = 0
    for k, n in enumerate(counts):
        if groups[-1] and size + n > CHUNK_NODES:
            groups.append([])
            size = 0
        groups[-1].append(k)
        size += n
    return groups


def check_tree_classifier(tree: Estimator, classes: np.ndarray, in_forest: bool = False) -> None:
    """A DecisionTreeClassifier and its tree_ (a forest's template: without tree_; its
    trees know the varieties by their place: 0.0, 1.0 ...)."""
    from sklearn.tree import DecisionTreeClassifier

    expect(type(tree) is DecisionTreeClassifier, f"it holds a {type(tree).__name__} where a tree belongs")
    own = tree.classes_
    expected = np.arange(len(classes)) if in_forest else classes
    ok = type(own) is np.ndarray and own.dtype.kind in "iuf" and own.shape == expected.shape
    expect(ok and np.array_equal(own, expected), "a tree's varieties differ from its model's")
    expect(tree.n_classes_ == len(classes) and tree.n_outputs_ == 1, "a tree counts its varieties wrong")
    expect(tree.n_features_in_ == N_FEATURES and int_in(tree.max_features_, 1, N_FEATURES), "a tree's features")
    if in_forest:
        expect("tree_" not in vars(tree), "a forest's template holds a tree")
        return
    t = tree.tree_
    expect(type(t).__name__ == "Tree" and type(t).__module__ == "sklearn.tree._tree", "a tree holds no Tree")
    expect(t.n_features == N_FEATURES and t.n_outputs == 1, "a tree is not for 4 measurements and one output")
    expect(list(t.n_classes) == [len(classes)] and t.max_n_classes == len(classes), "a tree's varieties")
    # node_count beyond capacity would make even reading the arrays overrun them
    expect(int_in(t.node_count, 1, t.capacity), "a tree's node count exceeds its nodes")
    n = t.node_count
    check_nodes(t.children_left, t.children_right, t.feature, t.threshold, t.value, np.arange(n), np.full(n, n))
    expect(t.value.shape == (n, 1, len(classes)), "a tree's values have the wrong shape")


def check_nodes(
    left: np.ndarray,
    right: np.ndarray,
    feature: np.ndarray,
    threshold: np.ndarray,
    value: np.ndarray,
    index: np.ndarray,
    count: np.ndarray,
) -> None:
    """Nodes of one or many trees (`index`: each node's place in its tree, `count`: its
    tree's node count): a leaf has no children; an inner node's children lie in its tree
    after it (so a prediction walks down and ends), its feature is one of the four and
    its threshold finite; values finite and not negative."""
    leaf = left == -1
    expect(bool(np.array_equal(leaf, right == -1)), "a tree has a node with one child")
    inner = ~leaf
    i, n = index[inner], count[inner]
    for child in (left[inner], right[inner]):
        expect(bool(np.all((child > i) & (child < n))), "a tree has a child out of range or before its parent")
    f = feature[inner]
    expect(bool(np.all((f >= 0) & (f < N_FEATURES))), "a tree splits on a measurement that does not exist")
    expect(bool(np.isfinite(threshold[inner]).all()), "a tree has a threshold that is not a number")
    expect(bool(np.isfinite(value).all()) and not bool((value < 0).any()), "a tree has values that are not counts")


def rebuild_forest(forest: Estimator, stored: Any, classes: np.ndarray) -> None:
    """Checks a forest's trees as arrays, all at once, then builds them."""
    from sklearn.tree._tree import NODE_DTYPE, Tree

    expect(type(forest).__name__ == "RandomForestClassifier", "it holds no forest")
    expect(type(stored) is dict and set(stored) == FOREST_KEYS, "it holds a forest without its trees")
    expect(type(forest.estimators_) is list and not forest.estimators_, "its forest holds trees as objects")
    n_trees = forest.n_estimators
    expect(int_in(n_trees, 1, MAX_TREES), f"its forest has {n_trees!r} trees")
    expect(forest.n_classes_ == len(classes) and forest.n_outputs_ == 1, "its forest counts its varieties wrong")
    expect(forest.n_features_in_ == N_FEATURES and forest.n_jobs in (None, 1), "its forest's settings")
    template = stored["template"]
    check_tree_classifier(template, classes, in_forest=True)
    # The nodes and values in arrays of whole trees (one array each in files written before them)
    node_chunks, value_chunks = (_chunks(stored[k]) for k in ("nodes", "values"))
    expect(len(node_chunks) == len(value_chunks), "its trees' nodes and values are split differently")
    for chunk in node_chunks:
        expect(type(chunk) is np.ndarray and chunk.dtype == NODE_DTYPE and chunk.ndim == 1, "its trees' nodes")
    total = sum(len(c) for c in node_chunks)
    counts = ints(stored["node_counts"], "its trees' sizes", (n_trees,), total + 1)
    depths = ints(stored["max_depths"], "its trees' depths", (n_trees,), total + 1)
    seeds = ints(stored["random_states"], "its trees' seeds", (n_trees,), 2**32)
    expect(bool(np.all(counts >= 1)) and int(counts.sum()) == total, "its trees' sizes do not add up")
    starts = np.concatenate([[0], np.cumsum(counts)])
    chunk_starts = np.cumsum([0] + [len(c) for c in node_chunks])
    first = np.searchsorted(starts, chunk_starts)  # each chunk's first tree
    expect(bool(np.all(starts[np.minimum(first, n_trees)] == chunk_starts)), "its trees are split across arrays")
    n_classes = np.array([len(classes)], dtype=np.intp)
    trees = []
    for c, (nodes, values) in enumerate(zip(node_chunks, value_chunks)):
        values = floats(values, "its trees' values", (len(nodes), 1, len(classes)))
        mine = counts[first[c] : first[c + 1]]
        index = np.arange(len(nodes)) - np.repeat(starts[first[c] : first[c + 1]] - chunk_starts[c], mine)
        left, right, feature, threshold = (nodes[k] for k in ("left_child", "right_child", "feature", "threshold"))
        check_nodes(left, right, feature, threshold, values, index, np.repeat(mine, mine))
        for k in range(int(first[c]), int(first[c + 1])):
            a, b = int(starts[k] - chunk_starts[c]), int(starts[k + 1] - chunk_starts[c])
            state = {"max_depth": int(depths[k]), "node_count": b - a, "nodes": nodes[a:b], "values": values[a:b]}
            built = Tree(N_FEATURES, n_classes, 1)
            built.__setstate__(state)
            tree = shallow_copy(template)
            tree.random_state = int(seeds[k])
            tree.tree_ = built
            trees.append(tree)
    forest.estimators_ = trees


def _chunks(stored: Any) -> list[Any]:
    """A list of arrays as stored, or the one array of an older file."""
    if type(stored) is np.ndarray:
        return [stored]
    expect(type(stored) is list and 0 < len(stored) <= MAX_TREES, "its trees' arrays")
    chunks: list[Any] = stored
    return chunks
