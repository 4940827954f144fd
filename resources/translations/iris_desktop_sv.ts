<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name></name>
    <message>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:,} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {count:,} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as &amp;table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the plot&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {rows:,} rows of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: data table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy every row as tab-separated text (a spreadsheet pastes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: nothing to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} flowers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV standard deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted {name} (share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrongly predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-day accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training flowers (density per cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily flowers (density per cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter-plot matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:,} flowers ({varieties}) in every pair of the four measurements{selected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter plot of {y} against {x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{y} against {x}: {count:,} flowers shown ({varieties}), {x} {x0:.1f} to {x1:.1f} cm, {y} {y0:.1f} to {y1:.1f} cm{selected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram of {feature} by variety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} in {width:.1f} cm bins, {count:,} flowers: {means}{selected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} mean {mean:.2f} cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily flowers from this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily flowers up to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every stored flower; rows in the selection are highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. petal_length &gt; 4.5 and variety = virginica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the flowers that meet a condition, combined with the selection by the mode: a measurement (sepal_length, sepal_width, petal_length, petal_width) compared with a number (&gt;, &gt;=, &lt;, &lt;=, =, !=) or variety = setosa, versicolor or virginica, joined by and / or, with brackets if need be. Enter selects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select where the condition holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mode}: {count:,} flowers where {condition}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not understood at character {position}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a condition, e.g. petal_length &gt; 4.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a measurement or “variety”, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{word}” is not a measurement (sepal_length, sepal_width, petal_length, petal_width or variety)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a comparison (&gt;, &gt;=, &lt;, &lt;=, =, !=) after “{field}”, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number after “{operator}”, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected setosa, versicolor or virginica, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a variety is compared with = or !=, not “{operator}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected “and”, “or” or the end, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected “)”, found {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not part of a condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} {operator} {value:g} cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variety {operator} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({inner})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select by ran&amp;ge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rectangle from the keyboard: the flowers whose two chosen measurements both lie between their minimum and maximum, combined with the selection by the mode. Enter in a value selects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First measurement of the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second measurement of the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest {feature} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest {feature} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the flowers in the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{x} {x0:.2f} to {x1:.2f} cm and {y} {y0:.2f} to {y1:.2f} cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision, recall and F1 per variety on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total:,} flowers, {right:,} predicted right ({share:.1%}){mistakes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:,} {actual} predicted {predicted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; mistaken: {mistakes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flowers counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k from {first} to {last}: best k {best} with cross-validated accuracy {best_cv:.1%} (training accuracy {best_train:.1%}){chosen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the form&apos;s k is {k}, cross-validated accuracy {cv:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The settings changed since: the curve is out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No curve computed yet: Compute the validation curve draws it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model v{version}&apos;s predicted variety over {x} and {y}, {others} held fixed; {count:,} flowers drawn ({varieties}){point}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the flower at {x:.1f}, {y:.1f} cm lies in the {variety} region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model: no regions to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} {value:.1f} cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second plot: vertical measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second plot: horizontal measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily flowers over {x} and {y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{generator} drawn over {stored:,} stored flowers and {days:,} daily flowers ({wrong:,} wrongly predicted){current}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the day shown: {x} {x_value:.1f} cm, {y} {y_value:.1f} cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (ellipses holding 95% of each variety&apos;s flowers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (each variety&apos;s box of bounds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} in millimetres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {probability:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model: no probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest training flowers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict: the flower&apos;s petal values move on the map with the sliders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model version shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only days of this variety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only days whose date starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model whose days are counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days:,} days from {first} to {last}, {right:,} predicted right ({share:.0%}); rolling {window}-day accuracy {rolling:.0%} on the last day{change}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; last change: model v{version} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; last generator change on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No predictions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift of the daily flowers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributions of the daily flowers against the training flowers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{daily:,} daily flowers against {training:,} training flowers: {verdicts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drift report yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s first rows, as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two versions&apos; settings and figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test confusion matrix of model v{version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, switching when it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark text on light backgrounds, whatever the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, whatever the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black and white text, stronger colours and thicker lines (also when the desktop asks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key the app answers to, tab by tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard. Tab and {back_tab} move between controls; {alt} with an underlined letter goes to that control or menu; {next_page} moves between the pages inside a tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Explore, Train, Daily, Predict, History or Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import flowers from a CSV file (a preview first; Enter imports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the whole history as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch up now: generate and predict every missed day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+F, Alt+P, Alt+V, Alt+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the File, Pipelines, View or Help menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plots take the focus like any control (a frame shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers behind the plot as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the numbers behind the plot (tab-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plot&apos;s menu: show as table, copy data, export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows, Page Up/Down, Home/End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select where: type a condition, e.g. petal_length &gt; 4.5 and variety = virginica, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select by range: two measurements and their smallest and largest values, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1 … Alt+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection mode: replace, add, intersect, remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+R, Alt+L, Alt+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse tool on the scatters: rectangle, lasso, pan and zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+J, Alt+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter on or off; reset the zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows with Shift in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select flowers row by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train with the settings shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the training or the validation curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate the version selected in the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left, Alt+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day before, the day after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the day in the History tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu key or Shift+F10 in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the day in Predict, or show it in History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows, Page Up/Down on a slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a measurement by 0.1 cm, 0.5 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number and Enter in a box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a measurement exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to your own sliders after explaining a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter in the predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the day in the Daily tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the selected day in the Predict tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu key or Shift+F10 in the predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain the day in Predict, or show it in the Daily tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the first &amp;launch did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab&apos;s four pipelines, what each did on the first launch, and the tab that shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the first launch did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to the Iris lab.&lt;/b&gt; The first launch ran its four pipelines for you:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this; Help ▸ What the first launch did shows it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the {tab} tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Feature pipeline&lt;/b&gt; (backfill): stored the {flowers} of the bundled Iris data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Training pipeline&lt;/b&gt;: trained a model on them, registered and activated it: {model}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Training pipeline&lt;/b&gt;: no model is active yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Daily feature pipeline&lt;/b&gt;: generated {days}, one flower a day, {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Daily feature pipeline&lt;/b&gt;: no day generated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch inference&lt;/b&gt; predicted {predicted} with the active model; &lt;b&gt;the monitor&lt;/b&gt; compares each with the flower&apos;s true variety.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run of each pipeline is recorded, with its outcome, rows and duration; missed days are generated and predicted at each launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tab}: nothing here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the bundled data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature pipeline&apos;s backfill: the 150 flowers of the Iris data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K-nearest neighbours, k=5: trained in the background and activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate and predict every missed day of the daily history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flowers yet. The feature pipeline fills this tab: the 150 flowers of the bundled Iris data set, CSV files you import (File ▸ Import CSV…) and one generated flower a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to train on yet. The training pipeline learns from labelled flowers: the bundled data set and the files you import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet. The training pipeline fits one on the labelled flowers, registers it as a version and activates it; the settings on the left train others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No days yet. The daily feature pipeline generates one flower a day and batch inference predicts it with the active model; missed days are caught up at each launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety. Predictions need a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety. Predictions need a model, and a model learns from labelled flowers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety; a catch-up generates the days and predicts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pipeline has run yet. Each run of the four pipelines is listed here with its outcome, rows and duration; the first is the feature pipeline&apos;s backfill of the bundled data set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window; the command line stays in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iris Desktop will be in {language} the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
