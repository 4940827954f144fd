"""Words several modules share: accessible names and descriptions, the plots' text
alternatives, the keyboard selection on Explore, the View menu, the list of keyboard
shortcuts, the welcome and the empty tabs. Each is an English literal with named
{placeholders}, marked for pyside6-lupdate with QT_TR_NOOP and translated when it is
read: `strings.COPIED` is looked up at the time of use, after the translator is installed
(see the end of this module), and its `format` writes numbers in the user's locale.
"""

from __future__ import annotations

import typing
from typing import Any

if typing.TYPE_CHECKING:  # PySide6's stub returns `object`: the marked literal is a str

    def QT_TR_NOOP(message: str, /) -> str: ...

else:
    from PySide6.QtCore import QT_TR_NOOP

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets.core_words import feature_display, feature_label, tab_name  # noqa: F401  (shared)

# ---- lists and counts -------------------------------------------------------------------
COUNT_OF = QT_TR_NOOP("{count:,} {name}")
LIST_SEPARATOR = QT_TR_NOOP(", ")
NONE_SHOWN = QT_TR_NOOP("none")
SELECTED_PART = QT_TR_NOOP("; {count:,} selected")

# ---- any plot ---------------------------------------------------------------------------
SHOW_AS_TABLE = QT_TR_NOOP("Show as &table")
COPY_DATA = QT_TR_NOOP("&Copy data")
EXPORT_IMAGE = QT_TR_NOOP("&Export image…")
COPYING = QT_TR_NOOP("Copying the plot's data…")
COPIED = QT_TR_NOOP("Copied {rows:,} rows of data")
DATA_DIALOG_TITLE = QT_TR_NOOP("{title}: the data")
DATA_TABLE_NAME = QT_TR_NOOP("{title}: data table")
COPY_ALL = QT_TR_NOOP("&Copy all")
COPY_ALL_TIP = QT_TR_NOOP("Copy every row as tab-separated text (a spreadsheet pastes it)")
EMPTY_PLOT = QT_TR_NOOP("{name}: nothing to show yet.")

# ---- columns of the plots' tables ---------------------------------------------------------
COLUMN_ID = QT_TR_NOOP("Id")
COLUMN_VARIETY = QT_TR_NOOP("Variety")
COLUMN_SELECTED = QT_TR_NOOP("Selected")
COLUMN_YES = QT_TR_NOOP("yes")
COLUMN_NO = QT_TR_NOOP("no")
COLUMN_FROM = QT_TR_NOOP("From (cm)")
COLUMN_TO = QT_TR_NOOP("To (cm)")
COLUMN_FLOWERS_OF = QT_TR_NOOP("{name} flowers")
COLUMN_K = QT_TR_NOOP("k")
COLUMN_TRAIN_ACCURACY = QT_TR_NOOP("Training accuracy")
COLUMN_CV_ACCURACY = QT_TR_NOOP("CV accuracy")
COLUMN_CV_SD = QT_TR_NOOP("CV standard deviation")
COLUMN_ACTUAL = QT_TR_NOOP("Actual")
COLUMN_PREDICTED = QT_TR_NOOP("Predicted")
COLUMN_PREDICTED_AS = QT_TR_NOOP("Predicted {name}")
COLUMN_SHARE_AS = QT_TR_NOOP("Predicted {name} (share)")
COLUMN_DAY = QT_TR_NOOP("Day")
COLUMN_WRONG = QT_TR_NOOP("Wrongly predicted")
COLUMN_PROBABILITY = QT_TR_NOOP("Probability")
COLUMN_CORRECT = QT_TR_NOOP("Correct")
COLUMN_ROLLING = QT_TR_NOOP("7-day accuracy")
COLUMN_LOW = QT_TR_NOOP("95% interval from")
COLUMN_HIGH = QT_TR_NOOP("95% interval to")
COLUMN_CUMULATIVE = QT_TR_NOOP("Cumulative accuracy")
COLUMN_MODEL = QT_TR_NOOP("Model")
COLUMN_FEATURE = QT_TR_NOOP("Measurement")
COLUMN_TRAINING_FLOWERS = QT_TR_NOOP("Training flowers (density per cm)")
COLUMN_DAILY_FLOWERS = QT_TR_NOOP("Daily flowers (density per cm)")

# ---- Explore ------------------------------------------------------------------------------
MATRIX_TITLE = QT_TR_NOOP("Scatter-plot matrix")
MATRIX_DESCRIPTION = QT_TR_NOOP("{count:,} flowers ({varieties}) in every pair of the four measurements{selected}.")
SCATTER_TITLE = QT_TR_NOOP("Scatter plot")
SCATTER_NAME = QT_TR_NOOP("Scatter plot of {y} against {x}")
SCATTER_DESCRIPTION = QT_TR_NOOP(
    "{y} against {x}: {count:,} flowers shown ({varieties}), {x} {x0:.1f} to {x1:.1f} cm, "
    "{y} {y0:.1f} to {y1:.1f} cm{selected}."
)
DISTRIBUTION_TITLE = QT_TR_NOOP("Distribution")
DISTRIBUTION_NAME = QT_TR_NOOP("Histogram of {feature} by variety")
DISTRIBUTION_DESCRIPTION = QT_TR_NOOP("{feature} in {width:.1f} cm bins, {count:,} flowers: {means}{selected}.")
MEAN_OF = QT_TR_NOOP("{name} mean {mean:.2f} cm")
DAYS_FROM_NAME = QT_TR_NOOP("Daily flowers from this day")
DAYS_TO_NAME = QT_TR_NOOP("Daily flowers up to this day")
EXPLORE_PAGES_NAME = QT_TR_NOOP("Explore views")
EXPLORE_TABLE_DESCRIPTION = QT_TR_NOOP("Every stored flower; rows in the selection are highlighted")

CONDITION_LABEL = QT_TR_NOOP("Select &where:")
CONDITION_PLACEHOLDER = QT_TR_NOOP("e.g. petal_length > 4.5 and variety = virginica")
CONDITION_TIP = QT_TR_NOOP(
    "Select the flowers that meet a condition, combined with the selection by the mode: "
    "a measurement (sepal_length, sepal_width, petal_length, petal_width) compared with a number "
    "(>, >=, <, <=, =, !=) or variety = setosa, versicolor or virginica, joined by and / or, "
    "with brackets if need be. Enter selects."
)
CONDITION_BUTTON = QT_TR_NOOP("Select")
CONDITION_BUTTON_NAME = QT_TR_NOOP("Select where the condition holds")
CONDITION_SELECTED = QT_TR_NOOP("{mode}: {count:,} flowers where {condition}")
CONDITION_ERROR = QT_TR_NOOP("Not understood at character {position}: {problem}")
CONDITION_EMPTY = QT_TR_NOOP("type a condition, e.g. petal_length > 4.5")
CONDITION_EXPECTED_FIELD = QT_TR_NOOP("expected a measurement or “variety”, found {found}")
CONDITION_UNKNOWN_FIELD = QT_TR_NOOP(
    "“{word}” is not a measurement (sepal_length, sepal_width, petal_length, petal_width or variety)"
)
CONDITION_EXPECTED_OPERATOR = QT_TR_NOOP("expected a comparison (>, >=, <, <=, =, !=) after “{field}”, found {found}")
CONDITION_EXPECTED_NUMBER = QT_TR_NOOP("expected a number after “{operator}”, found {found}")
CONDITION_EXPECTED_VARIETY = QT_TR_NOOP("expected setosa, versicolor or virginica, found {found}")
CONDITION_VARIETY_OPERATOR = QT_TR_NOOP("a variety is compared with = or !=, not “{operator}”")
CONDITION_EXPECTED_JOIN = QT_TR_NOOP("expected “and”, “or” or the end, found {found}")
CONDITION_EXPECTED_CLOSE = QT_TR_NOOP("expected “)”, found {found}")
CONDITION_THE_END = QT_TR_NOOP("the end")
CONDITION_QUOTED = QT_TR_NOOP("“{text}”")
CONDITION_UNKNOWN_CHARACTER = QT_TR_NOOP("“{text}” is not part of a condition")
CONDITION_COMPARE = QT_TR_NOOP("{feature} {operator} {value:g} cm")
CONDITION_IS_VARIETY = QT_TR_NOOP("variety {operator} {name}")
CONDITION_AND = QT_TR_NOOP(" and ")
CONDITION_OR = QT_TR_NOOP(" or ")
CONDITION_GROUP = QT_TR_NOOP("({inner})")

RANGE_LABEL = QT_TR_NOOP("Select by ran&ge:")
RANGE_TIP = QT_TR_NOOP(
    "A rectangle from the keyboard: the flowers whose two chosen measurements both lie between "
    "their minimum and maximum, combined with the selection by the mode. Enter in a value selects."
)
RANGE_AXIS_NAMES = (QT_TR_NOOP("First measurement of the range"), QT_TR_NOOP("Second measurement of the range"))
RANGE_LOW_NAME = QT_TR_NOOP("Smallest {feature} selected")
RANGE_HIGH_NAME = QT_TR_NOOP("Largest {feature} selected")
RANGE_TO = QT_TR_NOOP("to")
RANGE_AND = QT_TR_NOOP("and")
RANGE_BUTTON = QT_TR_NOOP("Select range")
RANGE_BUTTON_NAME = QT_TR_NOOP("Select the flowers in the range")
RANGE_DESCRIBED = QT_TR_NOOP("{x} {x0:.2f} to {x1:.2f} cm and {y} {y0:.2f} to {y1:.2f} cm")

# ---- Train --------------------------------------------------------------------------------
PER_VARIETY_NAME = QT_TR_NOOP("Precision, recall and F1 per variety on the test set")
TRAIN_PAGES_NAME = QT_TR_NOOP("Train views")
CONFUSION_TITLE = QT_TR_NOOP("Confusion matrix")
CONFUSION_DESCRIPTION = QT_TR_NOOP("{total:,} flowers, {right:,} predicted right ({share:.1%}){mistakes}.")
CONFUSION_MISTAKE = QT_TR_NOOP("{count:,} {actual} predicted {predicted}")
CONFUSION_MISTAKES = QT_TR_NOOP("; mistaken: {mistakes}")
CONFUSION_NONE = QT_TR_NOOP("No flowers counted.")
CURVE_TITLE = QT_TR_NOOP("Validation curve")
CURVE_DESCRIPTION = QT_TR_NOOP(
    "k from {first} to {last}: best k {best} with cross-validated accuracy {best_cv:.1%} "
    "(training accuracy {best_train:.1%}){chosen}."
)
CURVE_CHOSEN = QT_TR_NOOP("; the form's k is {k}, cross-validated accuracy {cv:.1%}")
CURVE_STALE = QT_TR_NOOP(" The settings changed since: the curve is out of date.")
CURVE_EMPTY = QT_TR_NOOP("No curve computed yet: Compute the validation curve draws it.")
REGIONS_TITLE = QT_TR_NOOP("Decision regions")
REGIONS_DESCRIPTION = QT_TR_NOOP(
    "Model v{version}'s predicted variety over {x} and {y}, {others} held fixed; "
    "{count:,} flowers drawn ({varieties}){point}."
)
REGIONS_POINT = QT_TR_NOOP("; the flower at {x:.1f}, {y:.1f} cm lies in the {variety} region")
REGIONS_NO_MODEL = QT_TR_NOOP("No model: no regions to show.")
REGIONS_HELD = QT_TR_NOOP("{feature} {value:.1f} cm")

# ---- Daily --------------------------------------------------------------------------------
PAIR_Y_NAME = QT_TR_NOOP("Second plot: vertical measurement")
PAIR_X_NAME = QT_TR_NOOP("Second plot: horizontal measurement")
GENERATOR_TITLE = QT_TR_NOOP("Daily flowers over {x} and {y}")
GENERATOR_DESCRIPTION = QT_TR_NOOP(
    "{generator} drawn over {stored:,} stored flowers and {days:,} daily flowers "
    "({wrong:,} wrongly predicted){current}."
)
GENERATOR_CURRENT = QT_TR_NOOP("; the day shown: {x} {x_value:.1f} cm, {y} {y_value:.1f} cm")
GENERATOR_NONE = QT_TR_NOOP("No generator")
GENERATOR_SHAPES_NORMAL = QT_TR_NOOP("{name} (ellipses holding 95% of each variety's flowers)")
GENERATOR_SHAPES_BOX = QT_TR_NOOP("{name} (each variety's box of bounds)")

# ---- Predict ------------------------------------------------------------------------------
SLIDER_NAME = QT_TR_NOOP("{feature} in millimetres")
PROBABILITIES_TITLE = QT_TR_NOOP("Class probabilities")
PROBABILITIES_DESCRIPTION = QT_TR_NOOP("{parts}.")
PROBABILITY_OF = QT_TR_NOOP("{name} {probability:.0%}")
PROBABILITIES_NONE = QT_TR_NOOP("No model: no probabilities.")
NEIGHBOURS_NAME = QT_TR_NOOP("Nearest training flowers")
MAP_POINT_KEYS = QT_TR_NOOP("Predict: the flower's petal values move on the map with the sliders")

# ---- History -------------------------------------------------------------------------------
VERSION_BOX_NAME = QT_TR_NOOP("Model version shown")
VARIETY_FILTER_NAME = QT_TR_NOOP("Only days of this variety")
DATE_FILTER_NAME = QT_TR_NOOP("Only days whose date starts with")
CONFUSION_START_NAME = QT_TR_NOOP("First day counted")
CONFUSION_END_NAME = QT_TR_NOOP("Last day counted")
CONFUSION_VERSION_NAME = QT_TR_NOOP("Model whose days are counted")
HISTORY_PAGES_NAME = QT_TR_NOOP("History details")
ACCURACY_TITLE = QT_TR_NOOP("Accuracy over time")
ACCURACY_DESCRIPTION = QT_TR_NOOP(
    "{days:,} days from {first} to {last}, {right:,} predicted right ({share:.0%}); "
    "rolling {window}-day accuracy {rolling:.0%} on the last day{change}."
)
ACCURACY_CHANGE = QT_TR_NOOP("; last change: model v{version} on {day}")
ACCURACY_GENERATOR_CHANGE = QT_TR_NOOP("; last generator change on {day}")
ACCURACY_EMPTY = QT_TR_NOOP("No predictions yet.")
DRIFT_TITLE = QT_TR_NOOP("Drift of the daily flowers")
DRIFT_NAME = QT_TR_NOOP("Distributions of the daily flowers against the training flowers")
DRIFT_DESCRIPTION = QT_TR_NOOP("{daily:,} daily flowers against {training:,} training flowers: {verdicts}.")
DRIFT_VERDICT = QT_TR_NOOP("{feature} {level}")
DRIFT_EMPTY = QT_TR_NOOP("No drift report yet.")

# ---- dialogs ---------------------------------------------------------------------------------
IMPORT_ROWS_NAME = QT_TR_NOOP("The file's first rows, as read")
BACKUPS_TABLE_NAME = QT_TR_NOOP("Backups, newest first")
COMPARE_TABLE_NAME = QT_TR_NOOP("The two versions' settings and figures")
COMPARE_MATRIX_NAME = QT_TR_NOOP("Test confusion matrix of model v{version}")

# ---- main window: tabs, View menu, Help ------------------------------------------------------
MAIN_TABS_NAME = QT_TR_NOOP("Tabs")
MENU_VIEW = QT_TR_NOOP("&View")
MENU_COLOURS = QT_TR_NOOP("&Colours")
COLOURS_SYSTEM = QT_TR_NOOP("Follow the &system")
COLOURS_LIGHT = QT_TR_NOOP("&Light")
COLOURS_DARK = QT_TR_NOOP("&Dark")
COLOURS_HIGH_CONTRAST = QT_TR_NOOP("&High contrast")
COLOURS_SYSTEM_TIP = QT_TR_NOOP("Light or dark as the desktop is, switching when it does")
COLOURS_LIGHT_TIP = QT_TR_NOOP("Dark text on light backgrounds, whatever the desktop")
COLOURS_DARK_TIP = QT_TR_NOOP("Light text on dark backgrounds, whatever the desktop")
COLOURS_HIGH_CONTRAST_TIP = QT_TR_NOOP(
    "Black and white text, stronger colours and thicker lines (also when the desktop asks)"
)
MENU_SHORTCUTS = QT_TR_NOOP("&Keyboard shortcuts")
MENU_SHORTCUTS_TIP = QT_TR_NOOP("Every key the app answers to, tab by tab")
SHORTCUTS_TITLE = QT_TR_NOOP("Keyboard shortcuts")
SHORTCUTS_INTRO = QT_TR_NOOP(
    "Everything can be done from the keyboard. Tab and {back_tab} move between controls; {alt} with an "
    "underlined letter goes to that control or menu; {next_page} moves between the pages inside a tab."
)
SHORTCUTS_TABLE_NAME = QT_TR_NOOP("Keyboard shortcuts")
SHORTCUTS_COLUMNS = (QT_TR_NOOP("Where"), QT_TR_NOOP("Keys"), QT_TR_NOOP("What they do"))
# (where, keys, what): the list in Help ▸ Keyboard shortcuts (and the README's table).
SHORTCUTS = (  # the keys translated too: a menu's or a label's Alt letter is the language's
    (
        QT_TR_NOOP("Window"),
        QT_TR_NOOP("Ctrl+1 … Ctrl+6"),
        QT_TR_NOOP("Go to Explore, Train, Daily, Predict, History or Pipelines"),
    ),
    (
        QT_TR_NOOP("Window"),
        QT_TR_NOOP("Ctrl+O"),
        QT_TR_NOOP("Import flowers from a CSV file (a preview first; Enter imports)"),
    ),
    (QT_TR_NOOP("Window"), QT_TR_NOOP("Ctrl+E"), QT_TR_NOOP("Export the whole history as CSV")),
    (QT_TR_NOOP("Window"), QT_TR_NOOP("F5"), QT_TR_NOOP("Catch up now: generate and predict every missed day")),
    (QT_TR_NOOP("Window"), QT_TR_NOOP("F1"), QT_TR_NOOP("This list of keyboard shortcuts")),
    (QT_TR_NOOP("Window"), QT_TR_NOOP("Ctrl+Q"), QT_TR_NOOP("Quit")),
    (
        QT_TR_NOOP("Window"),
        QT_TR_NOOP("Alt+F, Alt+P, Alt+V, Alt+H"),
        QT_TR_NOOP("Open the File, Pipelines, View or Help menu"),
    ),
    (QT_TR_NOOP("Any plot"), QT_TR_NOOP("Tab"), QT_TR_NOOP("Plots take the focus like any control (a frame shows it)")),
    (QT_TR_NOOP("Any plot"), QT_TR_NOOP("Ctrl+T"), QT_TR_NOOP("Show the numbers behind the plot as a table")),
    (QT_TR_NOOP("Any plot"), QT_TR_NOOP("Ctrl+C"), QT_TR_NOOP("Copy the numbers behind the plot (tab-separated)")),
    (
        QT_TR_NOOP("Any plot"),
        QT_TR_NOOP("Menu key or Shift+F10"),
        QT_TR_NOOP("The plot's menu: show as table, copy data, export image"),
    ),
    (QT_TR_NOOP("Any table"), QT_TR_NOOP("Arrows, Page Up/Down, Home/End"), QT_TR_NOOP("Move between rows")),
    (QT_TR_NOOP("Any table"), QT_TR_NOOP("Shift+Arrows"), QT_TR_NOOP("Select several rows")),
    (
        QT_TR_NOOP("Explore"),
        QT_TR_NOOP("Alt+W"),
        QT_TR_NOOP("Select where: type a condition, e.g. petal_length > 4.5 and variety = virginica, then Enter"),
    ),
    (
        QT_TR_NOOP("Explore"),
        QT_TR_NOOP("Alt+G"),
        QT_TR_NOOP("Select by range: two measurements and their smallest and largest values, then Enter"),
    ),
    (QT_TR_NOOP("Explore"), QT_TR_NOOP("Alt+1 … Alt+4"), QT_TR_NOOP("Selection mode: replace, add, intersect, remove")),
    (QT_TR_NOOP("Explore"), QT_TR_NOOP("Esc"), QT_TR_NOOP("Clear the selection")),
    (
        QT_TR_NOOP("Explore"),
        QT_TR_NOOP("Alt+R, Alt+L, Alt+N"),
        QT_TR_NOOP("Mouse tool on the scatters: rectangle, lasso, pan and zoom"),
    ),
    (QT_TR_NOOP("Explore"), QT_TR_NOOP("Alt+J, Alt+0"), QT_TR_NOOP("Jitter on or off; reset the zoom")),
    (QT_TR_NOOP("Explore"), QT_TR_NOOP("Arrows with Shift in the table"), QT_TR_NOOP("Select flowers row by row")),
    (QT_TR_NOOP("Train"), QT_TR_NOOP("Ctrl+Return"), QT_TR_NOOP("Train with the settings shown")),
    (QT_TR_NOOP("Train"), QT_TR_NOOP("Esc"), QT_TR_NOOP("Cancel the training or the validation curve")),
    (QT_TR_NOOP("Train"), QT_TR_NOOP("Alt+A"), QT_TR_NOOP("Activate the version selected in the registry")),
    (QT_TR_NOOP("Daily"), QT_TR_NOOP("Alt+Left, Alt+Right"), QT_TR_NOOP("The day before, the day after")),
    (QT_TR_NOOP("Daily"), QT_TR_NOOP("Enter in the list"), QT_TR_NOOP("Open the day in the History tab")),
    (
        QT_TR_NOOP("Daily"),
        QT_TR_NOOP("Menu key or Shift+F10 in the list"),
        QT_TR_NOOP("Explain the day in Predict, or show it in History"),
    ),
    (
        QT_TR_NOOP("Predict"),
        QT_TR_NOOP("Arrows, Page Up/Down on a slider"),
        QT_TR_NOOP("Change a measurement by 0.1 cm, 0.5 cm"),
    ),
    (QT_TR_NOOP("Predict"), QT_TR_NOOP("A number and Enter in a box"), QT_TR_NOOP("Set a measurement exactly")),
    (QT_TR_NOOP("Predict"), QT_TR_NOOP("Alt+B"), QT_TR_NOOP("Back to your own sliders after explaining a day")),
    (QT_TR_NOOP("History"), QT_TR_NOOP("Enter in the predictions"), QT_TR_NOOP("Open the day in the Daily tab")),
    (QT_TR_NOOP("History"), QT_TR_NOOP("Alt+E"), QT_TR_NOOP("Explain the selected day in the Predict tab")),
    (
        QT_TR_NOOP("History"),
        QT_TR_NOOP("Menu key or Shift+F10 in the predictions"),
        QT_TR_NOOP("Explain the day in Predict, or show it in the Daily tab"),
    ),
)

# ---- the first launch's welcome (ui/widgets/welcome_panel.py) --------------------------------
MENU_WELCOME = QT_TR_NOOP("What the first &launch did")
MENU_WELCOME_TIP = QT_TR_NOOP("The lab's four pipelines, what each did on the first launch, and the tab that shows it")
WELCOME_NAME = QT_TR_NOOP("What the first launch did")
WELCOME_TITLE = QT_TR_NOOP("<b>Welcome to the Iris lab.</b> The first launch ran its four pipelines for you:")
WELCOME_DISMISS = QT_TR_NOOP("Got it")
WELCOME_DISMISS_TIP = QT_TR_NOOP("Hide this; Help ▸ What the first launch did shows it again")
WELCOME_LINK_NAME = QT_TR_NOOP("Open the {tab} tab")
WELCOME_FEATURE = QT_TR_NOOP("<b>Feature pipeline</b> (backfill): stored the {flowers} of the bundled Iris data set.")
WELCOME_TRAINING = QT_TR_NOOP(
    "<b>Training pipeline</b>: trained a model on them, registered and activated it: {model}."
)
WELCOME_NO_MODEL = QT_TR_NOOP("<b>Training pipeline</b>: no model is active yet.")
WELCOME_DAILY = QT_TR_NOOP("<b>Daily feature pipeline</b>: generated {days}, one flower a day, {first} to {last}.")
WELCOME_NO_DAYS = QT_TR_NOOP("<b>Daily feature pipeline</b>: no day generated yet.")
WELCOME_INFERENCE = QT_TR_NOOP(
    "<b>Batch inference</b> predicted {predicted} with the active model; "
    "<b>the monitor</b> compares each with the flower's true variety."
)
WELCOME_RUNS = QT_TR_NOOP(
    "Every run of each pipeline is recorded, with its outcome, rows and duration; "
    "missed days are generated and predicted at each launch."
)

# ---- empty tabs (ui/widgets/empty_state.py): what fills the tab, and the button that does it ---
EMPTY_STATE_NAME = QT_TR_NOOP("{tab}: nothing here yet")
EMPTY_STORE_BUNDLED = QT_TR_NOOP("Store the bundled data set")
EMPTY_STORE_BUNDLED_TIP = QT_TR_NOOP("The feature pipeline's backfill: the 150 flowers of the Iris data set")
EMPTY_TRAIN_DEFAULT = QT_TR_NOOP("Train the default model")
EMPTY_TRAIN_DEFAULT_TIP = QT_TR_NOOP("K-nearest neighbours, k=5: trained in the background and activated")
EMPTY_CATCH_UP = QT_TR_NOOP("Catch up now")
EMPTY_CATCH_UP_TIP = QT_TR_NOOP("Generate and predict every missed day of the daily history")
EMPTY_EXPLORE = QT_TR_NOOP(
    "No flowers yet. The feature pipeline fills this tab: the 150 flowers of the bundled Iris data set, "
    "CSV files you import (File ▸ Import CSV…) and one generated flower a day."
)
EMPTY_TRAIN_NO_FLOWERS = QT_TR_NOOP(
    "Nothing to train on yet. The training pipeline learns from labelled flowers: the bundled data set "
    "and the files you import."
)
EMPTY_TRAIN_NO_MODEL = QT_TR_NOOP(
    "No model yet. The training pipeline fits one on the labelled flowers, registers it as a version "
    "and activates it; the settings on the left train others."
)
EMPTY_DAILY = QT_TR_NOOP(
    "No days yet. The daily feature pipeline generates one flower a day and batch inference predicts "
    "it with the active model; missed days are caught up at each launch."
)
EMPTY_HISTORY_NO_MODEL = QT_TR_NOOP(
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety. Predictions need a model first."
)
EMPTY_HISTORY_NO_FLOWERS = QT_TR_NOOP(
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety. Predictions need a model, and a model learns from labelled flowers first."
)
EMPTY_HISTORY_NO_DAYS = QT_TR_NOOP(
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety; a catch-up generates the days and predicts them."
)
EMPTY_PIPELINES = QT_TR_NOOP(
    "No pipeline has run yet. Each run of the four pipelines is listed here with its outcome, rows and "
    "duration; the first is the feature pipeline's backfill of the bundled data set."
)


# Every upper-case name above is served by __getattr__ in the user's language: the English literals
# move into _SOURCE (mypy still sees the names above, and checks every use of them).
_SOURCE = {name: value for name, value in globals().items() if name.isupper()}
for _name in _SOURCE:
    del globals()[_name]


def _translated(value: Any) -> Any:
    return tr(value) if isinstance(value, str) else tuple(_translated(item) for item in value)


def __getattr__(name: str) -> Any:
    try:
        return _translated(_SOURCE[name])
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
