"""The words the accessibility work added: accessible names and descriptions, the plots'
text alternatives, the keyboard selection on Explore, the View menu and the list of
keyboard shortcuts. Each is a plain literal with named {placeholders} (filled with
str.format), written once, here, so that a translation can wrap each of them later.
"""

from __future__ import annotations

# ---- lists and counts -------------------------------------------------------------------
COUNT_OF = "{count:,} {name}"
LIST_SEPARATOR = ", "
NONE_SHOWN = "none"
SELECTED_PART = "; {count:,} selected"

# ---- any plot ---------------------------------------------------------------------------
SHOW_AS_TABLE = "Show as &table"
COPY_DATA = "&Copy data"
EXPORT_IMAGE = "&Export image…"
COPYING = "Copying the plot's data…"
COPIED = "Copied {rows:,} rows of data"
DATA_DIALOG_TITLE = "{title}: the data"
DATA_TABLE_NAME = "{title}: data table"
COPY_ALL = "&Copy all"
COPY_ALL_TIP = "Copy every row as tab-separated text (a spreadsheet pastes it)"
EMPTY_PLOT = "{name}: nothing to show yet."

# ---- columns of the plots' tables ---------------------------------------------------------
COLUMN_ID = "Id"
COLUMN_VARIETY = "Variety"
COLUMN_SELECTED = "Selected"
COLUMN_YES = "yes"
COLUMN_NO = "no"
COLUMN_FROM = "From (cm)"
COLUMN_TO = "To (cm)"
COLUMN_FLOWERS_OF = "{name} flowers"
COLUMN_K = "k"
COLUMN_TRAIN_ACCURACY = "Training accuracy"
COLUMN_CV_ACCURACY = "CV accuracy"
COLUMN_CV_SD = "CV standard deviation"
COLUMN_ACTUAL = "Actual"
COLUMN_PREDICTED = "Predicted"
COLUMN_PREDICTED_AS = "Predicted {name}"
COLUMN_SHARE_AS = "Predicted {name} (share)"
COLUMN_DAY = "Day"
COLUMN_WRONG = "Wrongly predicted"
COLUMN_PROBABILITY = "Probability"
COLUMN_CORRECT = "Correct"
COLUMN_ROLLING = "7-day accuracy"
COLUMN_LOW = "95% interval from"
COLUMN_HIGH = "95% interval to"
COLUMN_CUMULATIVE = "Cumulative accuracy"
COLUMN_MODEL = "Model"
COLUMN_FEATURE = "Measurement"
COLUMN_TRAINING_FLOWERS = "Training flowers (density per cm)"
COLUMN_DAILY_FLOWERS = "Daily flowers (density per cm)"

# ---- Explore ------------------------------------------------------------------------------
MATRIX_TITLE = "Scatter-plot matrix"
MATRIX_DESCRIPTION = "{count:,} flowers ({varieties}) in every pair of the four measurements{selected}."
SCATTER_TITLE = "Scatter plot"
SCATTER_NAME = "Scatter plot of {y} against {x}"
SCATTER_DESCRIPTION = (
    "{y} against {x}: {count:,} flowers shown ({varieties}), {x} {x0:.1f} to {x1:.1f} cm, "
    "{y} {y0:.1f} to {y1:.1f} cm{selected}."
)
DISTRIBUTION_TITLE = "Distribution"
DISTRIBUTION_NAME = "Histogram of {feature} by variety"
DISTRIBUTION_DESCRIPTION = "{feature} in {width:.1f} cm bins, {count:,} flowers: {means}{selected}."
MEAN_OF = "{name} mean {mean:.2f} cm"
DAYS_FROM_NAME = "Daily flowers from this day"
DAYS_TO_NAME = "Daily flowers up to this day"
EXPLORE_PAGES_NAME = "Explore views"
EXPLORE_TABLE_DESCRIPTION = "Every stored flower; rows in the selection are highlighted"

CONDITION_LABEL = "Select &where:"
CONDITION_PLACEHOLDER = "e.g. petal_length > 4.5 and variety = virginica"
CONDITION_TIP = (
    "Select the flowers that meet a condition, combined with the selection by the mode: "
    "a measurement (sepal_length, sepal_width, petal_length, petal_width) compared with a number "
    "(>, >=, <, <=, =, !=) or variety = setosa, versicolor or virginica, joined by and / or, "
    "with brackets if need be. Enter selects."
)
CONDITION_BUTTON = "Select"
CONDITION_BUTTON_NAME = "Select where the condition holds"
CONDITION_SELECTED = "{mode}: {count:,} flowers where {condition}"
CONDITION_ERROR = "Not understood at character {position}: {problem}"
CONDITION_EMPTY = "type a condition, e.g. petal_length > 4.5"
CONDITION_EXPECTED_FIELD = "expected a measurement or “variety”, found {found}"
CONDITION_UNKNOWN_FIELD = (
    "“{word}” is not a measurement (sepal_length, sepal_width, petal_length, petal_width or variety)"
)
CONDITION_EXPECTED_OPERATOR = "expected a comparison (>, >=, <, <=, =, !=) after “{field}”, found {found}"
CONDITION_EXPECTED_NUMBER = "expected a number after “{operator}”, found {found}"
CONDITION_EXPECTED_VARIETY = "expected setosa, versicolor or virginica, found {found}"
CONDITION_VARIETY_OPERATOR = "a variety is compared with = or !=, not “{operator}”"
CONDITION_EXPECTED_JOIN = "expected “and”, “or” or the end, found {found}"
CONDITION_EXPECTED_CLOSE = "expected “)”, found {found}"
CONDITION_THE_END = "the end"
CONDITION_QUOTED = "“{text}”"
CONDITION_UNKNOWN_CHARACTER = "“{text}” is not part of a condition"
CONDITION_COMPARE = "{feature} {operator} {value:g} cm"
CONDITION_IS_VARIETY = "variety {operator} {name}"
CONDITION_AND = " and "
CONDITION_OR = " or "
CONDITION_GROUP = "({inner})"

RANGE_LABEL = "Select by ran&ge:"
RANGE_TIP = (
    "A rectangle from the keyboard: the flowers whose two chosen measurements both lie between "
    "their minimum and maximum, combined with the selection by the mode. Enter in a value selects."
)
RANGE_AXIS_NAMES = ("First measurement of the range", "Second measurement of the range")
RANGE_LOW_NAME = "Smallest {feature} selected"
RANGE_HIGH_NAME = "Largest {feature} selected"
RANGE_TO = "to"
RANGE_AND = "and"
RANGE_BUTTON = "Select range"
RANGE_BUTTON_NAME = "Select the flowers in the range"
RANGE_DESCRIBED = "{x} {x0:.2f} to {x1:.2f} cm and {y} {y0:.2f} to {y1:.2f} cm"

# ---- Train --------------------------------------------------------------------------------
PER_VARIETY_NAME = "Precision, recall and F1 per variety on the test set"
TRAIN_PAGES_NAME = "Train views"
CONFUSION_TITLE = "Confusion matrix"
CONFUSION_DESCRIPTION = "{total:,} flowers, {right:,} predicted right ({share:.1%}){mistakes}."
CONFUSION_MISTAKE = "{count:,} {actual} predicted {predicted}"
CONFUSION_MISTAKES = "; mistaken: {mistakes}"
CONFUSION_NONE = "No flowers counted."
CURVE_TITLE = "Validation curve"
CURVE_DESCRIPTION = (
    "k from {first} to {last}: best k {best} with cross-validated accuracy {best_cv:.1%} "
    "(training accuracy {best_train:.1%}){chosen}."
)
CURVE_CHOSEN = "; the form's k is {k}, cross-validated accuracy {cv:.1%}"
CURVE_STALE = " The settings changed since: the curve is out of date."
CURVE_EMPTY = "No curve computed yet: Compute the validation curve draws it."
REGIONS_TITLE = "Decision regions"
REGIONS_DESCRIPTION = (
    "Model v{version}'s predicted variety over {x} and {y}, {others} held fixed; "
    "{count:,} flowers drawn ({varieties}){point}."
)
REGIONS_POINT = "; the flower at {x:.1f}, {y:.1f} cm lies in the {variety} region"
REGIONS_NO_MODEL = "No model: no regions to show."
REGIONS_HELD = "{feature} {value:.1f} cm"

# ---- Daily --------------------------------------------------------------------------------
PAIR_Y_NAME = "Second plot: vertical measurement"
PAIR_X_NAME = "Second plot: horizontal measurement"
GENERATOR_TITLE = "Daily flowers over {x} and {y}"
GENERATOR_DESCRIPTION = (
    "{generator} drawn over {stored:,} stored flowers and {days:,} daily flowers "
    "({wrong:,} wrongly predicted){current}."
)
GENERATOR_CURRENT = "; the day shown: {x} {x_value:.1f} cm, {y} {y_value:.1f} cm"
GENERATOR_NONE = "No generator"
GENERATOR_SHAPES_NORMAL = "{name} (ellipses holding 95% of each variety's flowers)"
GENERATOR_SHAPES_BOX = "{name} (each variety's box of bounds)"

# ---- Predict ------------------------------------------------------------------------------
SLIDER_NAME = "{feature} in millimetres"
PROBABILITIES_TITLE = "Class probabilities"
PROBABILITIES_DESCRIPTION = "{parts}."
PROBABILITY_OF = "{name} {probability:.0%}"
PROBABILITIES_NONE = "No model: no probabilities."
NEIGHBOURS_NAME = "Nearest training flowers"
MAP_POINT_KEYS = "Predict: the flower's petal values move on the map with the sliders"

# ---- History -------------------------------------------------------------------------------
VERSION_BOX_NAME = "Model version shown"
VARIETY_FILTER_NAME = "Only days of this variety"
DATE_FILTER_NAME = "Only days whose date starts with"
CONFUSION_START_NAME = "First day counted"
CONFUSION_END_NAME = "Last day counted"
CONFUSION_VERSION_NAME = "Model whose days are counted"
HISTORY_PAGES_NAME = "History details"
ACCURACY_TITLE = "Accuracy over time"
ACCURACY_DESCRIPTION = (
    "{days:,} days from {first} to {last}, {right:,} predicted right ({share:.0%}); "
    "rolling {window}-day accuracy {rolling:.0%} on the last day{change}."
)
ACCURACY_CHANGE = "; last change: model v{version} on {day}"
ACCURACY_GENERATOR_CHANGE = "; last generator change on {day}"
ACCURACY_EMPTY = "No predictions yet."
DRIFT_TITLE = "Drift of the daily flowers"
DRIFT_NAME = "Distributions of the daily flowers against the training flowers"
DRIFT_DESCRIPTION = "{daily:,} daily flowers against {training:,} training flowers: {verdicts}."
DRIFT_VERDICT = "{feature} {level}"
DRIFT_EMPTY = "No drift report yet."

# ---- dialogs ---------------------------------------------------------------------------------
IMPORT_ROWS_NAME = "The file's first rows, as read"
BACKUPS_TABLE_NAME = "Backups, newest first"
COMPARE_TABLE_NAME = "The two versions' settings and figures"
COMPARE_MATRIX_NAME = "Test confusion matrix of model v{version}"

# ---- main window: tabs, View menu, Help ------------------------------------------------------
MAIN_TABS_NAME = "Tabs"
MENU_VIEW = "&View"
MENU_COLOURS = "&Colours"
COLOURS_SYSTEM = "Follow the &system"
COLOURS_LIGHT = "&Light"
COLOURS_DARK = "&Dark"
COLOURS_HIGH_CONTRAST = "&High contrast"
COLOURS_SYSTEM_TIP = "Light or dark as the desktop is, switching when it does"
COLOURS_LIGHT_TIP = "Dark text on light backgrounds, whatever the desktop"
COLOURS_DARK_TIP = "Light text on dark backgrounds, whatever the desktop"
COLOURS_HIGH_CONTRAST_TIP = "Black and white text, stronger colours and thicker lines (also when the desktop asks)"
MENU_SHORTCUTS = "&Keyboard shortcuts"
MENU_SHORTCUTS_TIP = "Every key the app answers to, tab by tab"
SHORTCUTS_TITLE = "Keyboard shortcuts"
SHORTCUTS_INTRO = (
    "Everything can be done from the keyboard. Tab and {back_tab} move between controls; {alt} with an "
    "underlined letter goes to that control or menu; {next_page} moves between the pages inside a tab."
)
SHORTCUTS_TABLE_NAME = "Keyboard shortcuts"
SHORTCUTS_COLUMNS = ("Where", "Keys", "What they do")
# (where, keys, what): the list in Help ▸ Keyboard shortcuts (and the README's table).
SHORTCUTS = (
    ("Window", "Ctrl+1 … Ctrl+6", "Go to Explore, Train, Daily, Predict, History or Pipelines"),
    ("Window", "Ctrl+O", "Import flowers from a CSV file (a preview first; Enter imports)"),
    ("Window", "Ctrl+E", "Export the whole history as CSV"),
    ("Window", "F5", "Catch up now: generate and predict every missed day"),
    ("Window", "F1", "This list of keyboard shortcuts"),
    ("Window", "Ctrl+Q", "Quit"),
    ("Window", "Alt+F, Alt+P, Alt+V, Alt+H", "Open the File, Pipelines, View or Help menu"),
    ("Any plot", "Tab", "Plots take the focus like any control (a frame shows it)"),
    ("Any plot", "Ctrl+T", "Show the numbers behind the plot as a table"),
    ("Any plot", "Ctrl+C", "Copy the numbers behind the plot (tab-separated)"),
    ("Any plot", "Menu key or Shift+F10", "The plot's menu: show as table, copy data, export image"),
    ("Any table", "Arrows, Page Up/Down, Home/End", "Move between rows"),
    ("Any table", "Shift+Arrows", "Select several rows"),
    ("Explore", "Alt+W", "Select where: type a condition, e.g. petal_length > 4.5 and variety = virginica, then Enter"),
    ("Explore", "Alt+G", "Select by range: two measurements and their smallest and largest values, then Enter"),
    ("Explore", "Alt+1 … Alt+4", "Selection mode: replace, add, intersect, remove"),
    ("Explore", "Esc", "Clear the selection"),
    ("Explore", "Alt+R, Alt+L, Alt+N", "Mouse tool on the scatters: rectangle, lasso, pan and zoom"),
    ("Explore", "Alt+J, Alt+0", "Jitter on or off; reset the zoom"),
    ("Explore", "Arrows with Shift in the table", "Select flowers row by row"),
    ("Train", "Ctrl+Return", "Train with the settings shown"),
    ("Train", "Esc", "Cancel the training or the validation curve"),
    ("Train", "Alt+A", "Activate the version selected in the registry"),
    ("Daily", "Alt+Left, Alt+Right", "The day before, the day after"),
    ("Daily", "Enter in the list", "Open the day in the History tab"),
    ("Daily", "Menu key or Shift+F10 in the list", "Explain the day in Predict, or show it in History"),
    ("Predict", "Arrows, Page Up/Down on a slider", "Change a measurement by 0.1 cm, 0.5 cm"),
    ("Predict", "A number and Enter in a box", "Set a measurement exactly"),
    ("Predict", "Alt+B", "Back to your own sliders after explaining a day"),
    ("History", "Enter in the predictions", "Open the day in the Daily tab"),
    ("History", "Alt+E", "Explain the selected day in the Predict tab"),
    ("History", "Menu key or Shift+F10 in the predictions", "Explain the day in Predict, or show it in the Daily tab"),
)

# ---- the first launch's welcome (ui/widgets/welcome_panel.py) --------------------------------
MENU_WELCOME = "What the first &launch did"
MENU_WELCOME_TIP = "The lab's four pipelines, what each did on the first launch, and the tab that shows it"
WELCOME_NAME = "What the first launch did"
WELCOME_TITLE = "<b>Welcome to the Iris lab.</b> The first launch ran its four pipelines for you:"
WELCOME_DISMISS = "Got it"
WELCOME_DISMISS_TIP = "Hide this; Help ▸ What the first launch did shows it again"
WELCOME_LINK_NAME = "Open the {tab} tab"
WELCOME_FEATURE = "<b>Feature pipeline</b> (backfill): stored the {flowers} of the bundled Iris data set."
WELCOME_TRAINING = "<b>Training pipeline</b>: trained a model on them, registered and activated it: {model}."
WELCOME_NO_MODEL = "<b>Training pipeline</b>: no model is active yet."
WELCOME_DAILY = "<b>Daily feature pipeline</b>: generated {days}, one flower a day, {first} to {last}."
WELCOME_NO_DAYS = "<b>Daily feature pipeline</b>: no day generated yet."
WELCOME_INFERENCE = (
    "<b>Batch inference</b> predicted {predicted} with the active model; "
    "<b>the monitor</b> compares each with the flower's true variety."
)
WELCOME_RUNS = (
    "Every run of each pipeline is recorded, with its outcome, rows and duration; "
    "missed days are generated and predicted at each launch."
)

# ---- empty tabs (ui/widgets/empty_state.py): what fills the tab, and the button that does it ---
EMPTY_STATE_NAME = "{tab}: nothing here yet"
EMPTY_STORE_BUNDLED = "Store the bundled data set"
EMPTY_STORE_BUNDLED_TIP = "The feature pipeline's backfill: the 150 flowers of the Iris data set"
EMPTY_TRAIN_DEFAULT = "Train the default model"
EMPTY_TRAIN_DEFAULT_TIP = "K-nearest neighbours, k=5: trained in the background and activated"
EMPTY_CATCH_UP = "Catch up now"
EMPTY_CATCH_UP_TIP = "Generate and predict every missed day of the daily history"
EMPTY_EXPLORE = (
    "No flowers yet. The feature pipeline fills this tab: the 150 flowers of the bundled Iris data set, "
    "CSV files you import (File ▸ Import CSV…) and one generated flower a day."
)
EMPTY_TRAIN_NO_FLOWERS = (
    "Nothing to train on yet. The training pipeline learns from labelled flowers: the bundled data set "
    "and the files you import."
)
EMPTY_TRAIN_NO_MODEL = (
    "No model yet. The training pipeline fits one on the labelled flowers, registers it as a version "
    "and activates it; the settings on the left train others."
)
EMPTY_DAILY = (
    "No days yet. The daily feature pipeline generates one flower a day and batch inference predicts "
    "it with the active model; missed days are caught up at each launch."
)
EMPTY_HISTORY_NO_MODEL = (
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety. Predictions need a model first."
)
EMPTY_HISTORY_NO_FLOWERS = (
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety. Predictions need a model, and a model learns from labelled flowers first."
)
EMPTY_HISTORY_NO_DAYS = (
    "Nothing to monitor yet. This tab is the monitor: each day's prediction against the flower's "
    "true variety; a catch-up generates the days and predicts them."
)
EMPTY_PIPELINES = (
    "No pipeline has run yet. Each run of the four pipelines is listed here with its outcome, rows and "
    "duration; the first is the feature pipeline's backfill of the bundled data set."
)
