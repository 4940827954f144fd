"""The core's words the Explore tab shows, in the user's language: the four measurements'
names (the domain writes English), the selection modes and where a flower came from.
Each is known here by its identifier and translated when asked for (never at import:
the translator is installed after the modules are imported); variety names are not
translated."""

from __future__ import annotations

from iris_desktop.domain import FEATURES
from iris_desktop.ui.runtime.i18n import tr


def feature_name(j: int) -> str:
    """Measurement `j`'s name, "Sepal length", in the user's language."""
    names = {
        "sepal_length": tr("Sepal length"),
        "sepal_width": tr("Sepal width"),
        "petal_length": tr("Petal length"),
        "petal_width": tr("Petal width"),
    }
    feature = FEATURES[j]
    return names.get(feature.name, feature.display)


def feature_label(j: int) -> str:
    """ "Sepal length (cm)": an axis's, a column's or a choice's title."""
    return tr("{feature} (cm)").format(feature=feature_name(j))


def mode_label(value: str) -> str:
    """A selection mode's name ("Replace") by its value ("replace", selection.Mode)."""
    labels = {
        "replace": tr("Replace"),
        "add": tr("Add"),
        "intersect": tr("Intersect"),
        "remove": tr("Remove"),
    }
    return labels.get(value, value.capitalize())


def source_name(source: str) -> str:
    """Where a flower came from (store.flowers.SOURCES), as a table's cell."""
    names = {
        "backfill": tr("backfill", "source of a flower"),
        "import": tr("import", "source of a flower"),
        "daily": tr("daily", "source of a flower"),
    }
    return names.get(source, source)


def source_title(source: str) -> str:
    """The same, as a filter's choice."""
    titles = {
        "backfill": tr("Backfill", "source of a flower"),
        "import": tr("Import", "source of a flower"),
        "daily": tr("Daily", "source of a flower"),
    }
    return titles.get(source, source.capitalize())
