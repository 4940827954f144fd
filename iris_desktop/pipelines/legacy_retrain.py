"""Retraining a version whose file is in the format before 0.2 and cannot be converted
(a backup archive's old files are never unpickled): the same settings on the same data
give the same model, which then gets a new-format file under the same version number."""

from __future__ import annotations

import warnings

import numpy as np

from iris_desktop.errors import InvalidValue
from iris_desktop.pipelines.algorithms import build_estimator
from iris_desktop.pipelines.legacy_models import LEGACY_SUFFIX, replace_file
from iris_desktop.pipelines.model_files import read_artifact
from iris_desktop.pipelines.model_format import ModelLoadError, dump_model, load_contents, training_payload
from iris_desktop.pipelines.training import config_of, fingerprint, fit_checked, split_data
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from iris_desktop.store.flowers import feature_matrix


def retrain_legacy(store: Store, version: int) -> bool:
    """Give version `version` a new-format file by training it again from its recorded
    settings on the store's data: only if the data are the very rows it was trained on
    (same fingerprint, same row count) and the model comes out the same (same test
    accuracy). Its row keeps its number, metrics and predictions; only its file (artifact,
    sha256) changes. True if the version now has a usable new-format file (also when it
    had one already); False if it could not be reproduced: the row is left as it was."""
    record = rows.get_model(store, version)
    if record is None:
        return False
    if not record.artifact.endswith(LEGACY_SUFFIX):
        try:
            read_artifact(store, record)
            return True  # its file is there and matches: nothing to do
        except ModelLoadError:
            pass
    config = config_of(record)
    X, y = feature_matrix(store, config.sources)
    if len(y) != record.n_rows or fingerprint(X, y) != record.data_fingerprint:
        return False
    try:
        params = config.check()
        data = split_data(X, y, config.test_fraction, config.seed, config.sources)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the record kept the first training's warnings
            estimator = build_estimator(config.algorithm, params, config.standardize, config.seed)
            fit_checked(estimator, data.X_train, data.y_train, lambda: None)
            accuracy = float((estimator.predict(data.X_test) == data.y_test).mean())
            payload = training_payload(
                config.algorithm, estimator, data.X_train, data.y_train, data.X_test, data.y_test
            )
            new = dump_model(payload)
            load_contents(new, record.algorithm, record.standardize, record.version)  # loads, every check passed
    except (InvalidValue, ModelLoadError):
        return False
    recorded = record.metrics.get("accuracy")
    if isinstance(recorded, (int, float)) and not np.isclose(accuracy, recorded, rtol=0, atol=1e-12):
        return False  # another model: its metrics and predictions would not be its own
    return replace_file(store, record, new) is not None
