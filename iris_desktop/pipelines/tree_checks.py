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
    packed = np.concatenate([s["nodes"] for s in states])
    nodes = np.zeros(len(packed), dtype=states[0]["nodes"].dtype)  # its padding zeroed, not left as it was in memory
    for name in packed.dtype.names or ():
        nodes[name] = packed[name]
    stored = {
        "template": template,
        "nodes": nodes,
        "values": np.concatenate([s["values"] for s in states]),
        "node_counts": np.array([s["node_count"] for s in states], dtype=np.int64),
        "max_depths": np.array([s["max_depth"] for s in states], dtype=np.int64),
        "random_states": np.array([tree.random_state for tree in trees], dtype=np.int64),
    }
    without = shallow_copy(forest)
    without.estimators_ = []
    return without, stored


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
    nodes = stored["nodes"]
    expect(type(nodes) is np.ndarray and nodes.dtype == NODE_DTYPE and nodes.ndim == 1, "its trees' nodes")
    counts = ints(stored["node_counts"], "its trees' sizes", (n_trees,), len(nodes) + 1)
    depths = ints(stored["max_depths"], "its trees' depths", (n_trees,), len(nodes) + 1)
    seeds = ints(stored["random_states"], "its trees' seeds", (n_trees,), 2**32)
    expect(bool(np.all(counts >= 1)) and int(counts.sum()) == len(nodes), "its trees' sizes do not add up")
    values = floats(stored["values"], "its trees' values", (len(nodes), 1, len(classes)))
    starts = np.concatenate([[0], np.cumsum(counts)])
    index = np.arange(len(nodes)) - np.repeat(starts[:-1], counts)
    left, right, feature, threshold = (nodes[k] for k in ("left_child", "right_child", "feature", "threshold"))
    check_nodes(left, right, feature, threshold, values, index, np.repeat(counts, counts))
    n_classes = np.array([len(classes)], dtype=np.intp)
    trees = []
    for k in range(n_trees):
        a, b = int(starts[k]), int(starts[k + 1])
        state = {"max_depth": int(depths[k]), "node_count": b - a, "nodes": nodes[a:b], "values": values[a:b]}
        built = Tree(N_FEATURES, n_classes, 1)
        built.__setstate__(state)
        tree = shallow_copy(template)
        tree.random_state = int(seeds[k])
        tree.tree_ = built
        trees.append(tree)
    forest.estimators_ = trees
