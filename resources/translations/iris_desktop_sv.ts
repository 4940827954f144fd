<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name></name>
    <message>
        <source>{value}%</source>
        <translation>{value}&#xa0;%</translation>
    </message>
    <message>
        <source>{count:,} {name}</source>
        <translation>{count:,} {name}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
    <message>
        <source>; {count:,} selected</source>
        <translation>; {count:,} valda</translation>
    </message>
    <message>
        <source>Show as &amp;table</source>
        <translation>Visa som &amp;tabell</translation>
    </message>
    <message>
        <source>&amp;Copy data</source>
        <translation>&amp;Kopiera data</translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation>&amp;Exportera bild…</translation>
    </message>
    <message>
        <source>Copying the plot&apos;s data…</source>
        <translation>Kopierar diagrammets data…</translation>
    </message>
    <message>
        <source>Copied {rows:,} rows of data</source>
        <translation>Kopierade {rows:,} rader med data</translation>
    </message>
    <message>
        <source>{title}: the data</source>
        <translation>{title}: data</translation>
    </message>
    <message>
        <source>{title}: data table</source>
        <translation>{title}: datatabell</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>&amp;Kopiera alla</translation>
    </message>
    <message>
        <source>Copy every row as tab-separated text (a spreadsheet pastes it)</source>
        <translation>Kopiera alla rader som tabbavgränsad text (ett kalkylark kan klistra in den)</translation>
    </message>
    <message>
        <source>{name}: nothing to show yet.</source>
        <translation>{name}: inget att visa ännu.</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alla källor</translation>
    </message>
    <message>
        <source>Backfill: the bundled data set; Import: flowers from CSV files; Daily: one generated flower per day</source>
        <translation>Grundfyllning: det medföljande datasetet; Import: blommor från CSV-filer; Daglig: en genererad blomma per dag</translation>
    </message>
    <message>
        <source>All varieties</source>
        <translation>Alla sorter</translation>
    </message>
    <message>
        <source>Day&amp;s from</source>
        <translation>&amp;Dagar från</translation>
    </message>
    <message>
        <source>Show only daily flowers of these days</source>
        <translation>Visa bara dagliga blommor från de här dagarna</translation>
    </message>
    <message>
        <source>Selected &amp;only</source>
        <translation>&amp;Bara valda</translation>
    </message>
    <message>
        <source>Show only the selected flowers</source>
        <translation>Visa bara de valda blommorna</translation>
    </message>
    <message>
        <source>Sour&amp;ce:</source>
        <translation>K&amp;älla:</translation>
    </message>
    <message>
        <source>Var&amp;iety:</source>
        <translation>&amp;Sort:</translation>
    </message>
    <message>
        <source>Every stored flower</source>
        <translation>Alla lagrade blommor</translation>
    </message>
    <message>
        <source>Select rows to select those flowers in every plot; a brush on a plot shows here as highlighted rows</source>
        <translation>Markera rader för att välja de blommorna i alla diagram; ett urval i ett diagram visas här som markerade rader</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Exportera tabellen…</translation>
    </message>
    <message>
        <source>Save the rows shown (filtered and sorted) as CSV</source>
        <translation>Spara raderna som visas (filtrerade och sorterade) som CSV</translation>
    </message>
    <message>
        <source>Expor&amp;t selection…</source>
        <translation>Exportera &amp;urvalet…</translation>
    </message>
    <message>
        <source>Save the selected flowers as CSV</source>
        <translation>Spara de valda blommorna som CSV</translation>
    </message>
    <message>
        <source>Re&amp;move selected imported flowers…</source>
        <translation>Ta bort valda i&amp;mporterade blommor…</translation>
    </message>
    <message>
        <source>Delete the selected flowers that came from CSV imports (backfilled and daily flowers stay); asks first</source>
        <translation>Tar bort de valda blommor som kom från CSV-importer (grundfyllda och dagliga blommor blir kvar); frågar först</translation>
    </message>
    <message>
        <source>batch {batch}</source>
        <translation>omgång {batch}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>The flower&apos;s id in the store</source>
        <translation>Blommans id i databasen</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>Importomgång</translation>
    </message>
    <message>
        <source>The CSV file an imported flower came from</source>
        <translation>CSV-filen som en importerad blomma kom från</translation>
    </message>
    <message>
        <source>The day of a daily flower</source>
        <translation>Dagen för en daglig blomma</translation>
    </message>
    <message>
        <source>Showing {shown:,} of {flowers} · {selected:,} selected</source>
        <translation>Visar {shown:,} av {flowers} · {selected:,} valda</translation>
    </message>
    <message>
        <source>Showing {shown:,} of {flowers}</source>
        <translation>Visar {shown:,} av {flowers}</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>tabbar</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>kommatecken</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <source>spaces</source>
        <translation>blanksteg</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importera {file}</translation>
    </message>
    <message>
        <source>Varieties: {counts}</source>
        <translation>Sorter: {counts}</translation>
    </message>
    <message>
        <source>Before importing</source>
        <translation>Före importen</translation>
    </message>
    <message>
        <source>&amp;Values in {names} look like millimetres: divide them by 10</source>
        <translation>&amp;Värdena i {names} ser ut att vara millimeter: dela dem med 10</translation>
    </message>
    <message>
        <source>Import these &amp;values anyway</source>
        <translation>Importera dessa värden än&amp;då</translation>
    </message>
    <message>
        <source>This content was imported on {when} UTC as {name} ({flowers}): import it &amp;again</source>
        <translation>Det här innehållet importerades {when} UTC som {name} ({flowers}): importera det i&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;: {flowers}, {encoding}, separated by {separator}, {decimal}, {header}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;: {flowers}, {encoding}, avgränsade med {separator}, {decimal}, {header}.</translation>
    </message>
    <message>
        <source>decimal comma</source>
        <translation>decimalkomma</translation>
    </message>
    <message>
        <source>decimal point</source>
        <translation>decimalpunkt</translation>
    </message>
    <message>
        <source>with a header row</source>
        <translation>med en rubrikrad</translation>
    </message>
    <message>
        <source>no header row (read in the usual column order)</source>
        <translation>ingen rubrikrad (läst i den vanliga kolumnordningen)</translation>
    </message>
    <message>
        <source>variety</source>
        <translation>sort</translation>
    </message>
    <message>
        <source>Columns: {mapping}.</source>
        <translation>Kolumner: {mapping}.</translation>
    </message>
    <message>
        <source>Ignored: {columns}.</source>
        <translation>Ignorerade: {columns}.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Obs: {note}</translation>
    </message>
    <message>
        <source>Variety</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>The first {shown} of {rows} rows, as read</source>
        <translation>De första {shown} av {rows} raderna, som de lästes</translation>
    </message>
    <message>
        <source>&amp;Skip the {count} rows that repeat a stored flower (recommended: the same flower on both sides of a test split makes test accuracy meaningless)</source>
        <translation>&amp;Hoppa över de {count} rader som upprepar en lagrad blomma (rekommenderas: samma blomma på båda sidor om uppdelningen i tränings- och testmängd gör testets träffsäkerhet meningslös)</translation>
    </message>
    <message>
        <source>&amp;Keep them ({flowers} in all)</source>
        <translation>&amp;Behåll dem ({flowers} totalt)</translation>
    </message>
    <message>
        <source>⚠ {count} value(s) no iris has, e.g. line {line}: {column} = {value:g} cm (expected {low:g}–{high:g} cm).</source>
        <translation>⚠ {count} värde(n) som ingen iris har, t.ex. rad {line}: {column} = {value:g} cm (väntat {low:g}–{high:g} cm).</translation>
    </message>
    <message>
        <source>fix the units or accept the implausible values</source>
        <translation>rätta enheterna eller godta de orimliga värdena</translation>
    </message>
    <message>
        <source>tick “import it again” to add this content a second time</source>
        <translation>kryssa i ”importera det igen” för att lägga till innehållet en gång till</translation>
    </message>
    <message>
        <source>To import: {steps}.</source>
        <translation>För att importera: {steps}.</translation>
    </message>
    <message>
        <source>Every row repeats a stored flower: there is nothing new to import.</source>
        <translation>Varje rad upprepar en lagrad blomma: det finns inget nytt att importera.</translation>
    </message>
    <message>
        <source>Import will add {flowers} as one batch (File ▸ Remove an import… undoes it).</source>
        <translation>Importen lägger till {flowers} som en importomgång (Arkiv ▸ Ta bort en import… ångrar den).</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Vald</translation>
    </message>
    <message>
        <source>Standardised</source>
        <translation>Standardiserad</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Källor</translation>
    </message>
    <message>
        <source>Rows stored</source>
        <translation>Lagrade rader</translation>
    </message>
    <message>
        <source>Duplicates dropped</source>
        <translation>Borttagna dubbletter</translation>
    </message>
    <message>
        <source>Same data</source>
        <translation>Samma data</translation>
    </message>
    <message>
        <source>Retrained from</source>
        <translation>Omtränad från</translation>
    </message>
    <message>
        <source>Split seed / test fraction</source>
        <translation>Delningsfrö / testandel</translation>
    </message>
    <message>
        <source>Train / test rows</source>
        <translation>Tränings- / testrader</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Train accuracy</source>
        <translation>Träffsäkerhet (träning)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Compare model versions</source>
        <translation>Jämför modellversioner</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;Vänster:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;Höger:</translation>
    </message>
    <message>
        <source>Rows in bold differ. Test figures come from each version&apos;s own test split; with the same data, seed and test fraction the two were tested on the same flowers.</source>
        <translation>Rader i fetstil skiljer sig åt. Testsiffrorna kommer från varje versions egen testdelning; med samma data, frö och testandel testades de två på samma blommor.</translation>
    </message>
    <message>
        <source>v{version}: test confusion matrix ({count} flowers)</source>
        <translation>v{version}: förväxlingsmatris för testet ({count} blommor)</translation>
    </message>
    <message>
        <source>From (cm)</source>
        <translation>Från (cm)</translation>
    </message>
    <message>
        <source>To (cm)</source>
        <translation>Till (cm)</translation>
    </message>
    <message>
        <source>{name} flowers</source>
        <translation>{name}-blommor</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Neighbours k</source>
        <translation>Grannar k</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Träffsäkerhet på träningsdata</translation>
    </message>
    <message>
        <source>Cross-validated accuracy (± 1 sd)</source>
        <translation>Korsvaliderad träffsäkerhet (± 1 sa)</translation>
    </message>
    <message>
        <source>Validation curve: accuracy against the number of neighbours k</source>
        <translation>Valideringskurva: träffsäkerhet mot antalet grannar k</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} till {end}</translation>
    </message>
    <message>
        <source>the first day</source>
        <translation>den första dagen</translation>
    </message>
    <message>
        <source>Made by Iris Desktop {version} on {when}; days from {window}.</source>
        <translation>Skapad av Iris Desktop {version} {when}; dagar från {window}.</translation>
    </message>
    <message>
        <source>Iris lab report, {day}</source>
        <translation>Iris labbrapport, {day}</translation>
    </message>
    <message>
        <source>Iris lab report</source>
        <translation>Iris labbrapport</translation>
    </message>
    <message>
        <source>{count:,} flowers are stored: the bundled data set (backfill), imported files and one synthetic flower per day.</source>
        <translation>{count:,} blommor är lagrade: den medföljande datamängden (återfyllnad), importerade filer och en syntetisk blomma per dag.</translation>
    </message>
    <message>
        <source>1. The data (feature pipeline)</source>
        <translation>1. Data (feature-pipelinen)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alla</translation>
    </message>
    <message>
        <source>Scatter-plot matrix of every stored flower, coloured by variety</source>
        <translation>Spridningsdiagrammatris över alla lagrade blommor, färgade efter sort</translation>
    </message>
    <message>
        <source>2. The model (training pipeline)</source>
        <translation>2. Modellen (träningspipelinen)</translation>
    </message>
    <message>
        <source>No usable active model: {problem}.</source>
        <translation>Ingen användbar aktiv modell: {problem}.</translation>
    </message>
    <message>
        <source>No usable active model.</source>
        <translation>Ingen användbar aktiv modell.</translation>
    </message>
    <message>
        <source>Active: &lt;b&gt;{model}&lt;/b&gt;, trained on {train} flowers and tested on {test}: test accuracy {accuracy:.1%}, cross-validated {cv:.1%} ± {cv_sd:.1%}.</source>
        <translation>Aktiv: &lt;b&gt;{model}&lt;/b&gt;, tränad på {train} blommor och testad på {test}: träffsäkerhet på testmängden {accuracy:.1%}, med korsvalidering {cv:.1%} ± {cv_sd:.1%}.</translation>
    </message>
    <message>
        <source>Confusion matrix of the active model on its test flowers</source>
        <translation>Förväxlingsmatris för den aktiva modellen på dess testblommor</translation>
    </message>
    <message>
        <source>Cross-validated accuracy by k; best k = {k}.</source>
        <translation>Korsvaliderad träffsäkerhet per k; bästa k = {k}.</translation>
    </message>
    <message>
        <source>KNN validation curve: training and cross-validated accuracy by k</source>
        <translation>Valideringskurva för KNN: träffsäkerhet på träningsdata och med korsvalidering per k</translation>
    </message>
    <message>
        <source>v{version} (active)</source>
        <translation>v{version} (aktiv)</translation>
    </message>
    <message>
        <source>The registry</source>
        <translation>Registret</translation>
    </message>
    <message>
        <source>CV accuracy</source>
        <translation>Träffsäkerhet (KV)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algoritm</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Träffsäkerhet (test)</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Skapad (UTC)</translation>
    </message>
    <message>
        <source>3. The daily pipeline</source>
        <translation>3. Den dagliga pipelinen</translation>
    </message>
    <message>
        <source>No days yet: the daily pipeline has not made a flower in this window.</source>
        <translation>Inga dagar ännu: den dagliga pipelinen har inte skapat någon blomma i det här fönstret.</translation>
    </message>
    <message>
        <source>{days:,} days, from {first} to {last}. The days to come are made by {generator}.</source>
        <translation>{days:,} dagar, från {first} till {last}. Kommande dagar skapas av {generator}.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>The daily flowers over the stored ones; wrongly predicted days ringed</source>
        <translation>De dagliga blommorna över de lagrade; felpredikterade dagar inringade</translation>
    </message>
    <message>
        <source>4. The monitor (batch inference)</source>
        <translation>4. Övervakningen (batchinferens)</translation>
    </message>
    <message>
        <source>No days yet: nothing to monitor.</source>
        <translation>Inga dagar ännu: inget att övervaka.</translation>
    </message>
    <message>
        <source>{right:,} of {days:,} days predicted right ({share:.1%}); the last {window} days: {rolling:.0%}.</source>
        <translation>{right:,} av {days:,} dagar rätt predikterade ({share:.1%}); de senaste {window} dagarna: {rolling:.0%}.</translation>
    </message>
    <message>
        <source>v{version} from {day}</source>
        <translation>v{version} från {day}</translation>
    </message>
    <message>
        <source>Model changes: {changes}.</source>
        <translation>Modellbyten: {changes}.</translation>
    </message>
    <message>
        <source>Accuracy over time with its 95% interval; model and generator changes marked</source>
        <translation>Träffsäkerhet över tid med dess 95&#xa0;%-intervall; byten av modell och generator markerade</translation>
    </message>
    <message>
        <source>Confusion matrix over the window</source>
        <translation>Förväxlingsmatris över fönstret</translation>
    </message>
    <message>
        <source>Confusion matrix of the daily predictions in the window</source>
        <translation>Förväxlingsmatris för de dagliga prediktionerna i fönstret</translation>
    </message>
    <message>
        <source>Each measurement&apos;s distribution: daily flowers against the training flowers</source>
        <translation>Varje måtts fördelning: dagliga blommor mot träningsblommorna</translation>
    </message>
    <message>
        <source>5. The worst days, explained</source>
        <translation>5. De sämsta dagarna, förklarade</translation>
    </message>
    <message>
        <source>No day was predicted wrong in this window.</source>
        <translation>Ingen dag predikterades fel i det här fönstret.</translation>
    </message>
    <message>
        <source>The flower of {day}: as predicted and as it was</source>
        <translation>Blomman {day}: som predikterad och som den var</translation>
    </message>
    <message>
        <source>Day {day}: predicted {predicted}, actually {actual} ({verdict}), model v{version} ({when})</source>
        <translation>Dag {day}: predikterad {predicted}, egentligen {actual} ({verdict}), modell v{version} ({when})</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rätt</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>at the time</source>
        <translation>vid tillfället</translation>
    </message>
    <message>
        <source>asked for</source>
        <translation>efterfrågad</translation>
    </message>
    <message>
        <source>{feature} {change:+.2f} cm → {variety}</source>
        <translation>{feature} {change:+.2f} cm → {variety}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>nothing within the data range</source>
        <translation>inget inom dataområdet</translation>
    </message>
    <message>
        <source>Nearest stored flower (cm)</source>
        <translation>Närmaste lagrade blomma (cm)</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Avstånd</translation>
    </message>
    <message>
        <source>In its training data</source>
        <translation>I dess träningsdata</translation>
    </message>
    <message>
        <source>{measurements}. Probabilities: {probabilities}. What would have changed it, one measurement at a time: {changes}.</source>
        <translation>{measurements}. Sannolikheter: {probabilities}. Vad som skulle ha ändrat den, ett mått i taget: {changes}.</translation>
    </message>
    <message>
        <source>CV standard deviation</source>
        <translation>Standardavvikelse vid korsvalidering</translation>
    </message>
    <message>
        <source>Latest day</source>
        <translation>Senaste dagen</translation>
    </message>
    <message>
        <source>No predictions yet</source>
        <translation>Inga prediktioner ännu</translation>
    </message>
    <message>
        <source>Correct or wrong</source>
        <translation>Rätt eller fel</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Verklig</translation>
    </message>
    <message>
        <source>Show in &amp;Daily tab</source>
        <translation>Visa i fliken &amp;Dagligt</translation>
    </message>
    <message>
        <source>Open this day in the Daily tab</source>
        <translation>Öppna den här dagen i fliken Dagligt</translation>
    </message>
    <message>
        <source>Open Predict on this day&apos;s flower and the model that predicted it: its probabilities, the nearest stored flowers and what would have changed the prediction</source>
        <translation>Öppna Prediktera med den här dagens blomma och modellen som predikterade den: dess sannolikheter, de närmaste lagrade blommorna och vad som skulle ha ändrat prediktionen</translation>
    </message>
    <message>
        <source>&amp;Latest day</source>
        <translation>Senaste da&amp;gen</translation>
    </message>
    <message>
        <source>Back to the most recent day</source>
        <translation>Tillbaka till den senaste dagen</translation>
    </message>
    <message>
        <source>Selected day</source>
        <translation>Vald dag</translation>
    </message>
    <message>
        <source>They appear after the first catch-up (Pipelines ▸ Catch up now).</source>
        <translation>De visas efter den första upphämtningen (Pipelines ▸ Ta igen nu).</translation>
    </message>
    <message>
        <source>✓ Correct</source>
        <translation>✓ Rätt</translation>
    </message>
    <message>
        <source>✗ Wrong</source>
        <translation>✗ Fel</translation>
    </message>
    <message>
        <source>The prediction matched the flower&apos;s true variety</source>
        <translation>Prediktionen stämde med blommans sanna sort</translation>
    </message>
    <message>
        <source>The model said {predicted}; the flower was a {actual}</source>
        <translation>Modellen sa {predicted}; blomman var en {actual}</translation>
    </message>
    <message>
        <source>{variety} · {probability:.0%}</source>
        <translation>{variety} · {probability:.0%}</translation>
    </message>
    <message>
        <source>a typical {variety}</source>
        <translation>en typisk {variety}</translation>
    </message>
    <message>
        <source>the day&apos;s flower, as the model saw it</source>
        <translation>dagens blomma, som modellen såg den</translation>
    </message>
    <message>
        <source>the day&apos;s flower: sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm</source>
        <translation>dagens blomma: foderblad {sl:.1f} × {sw:.1f} cm, kronblad {pl:.1f} × {pw:.1f} cm</translation>
    </message>
    <message>
        <source>Predicted by {model}</source>
        <translation>Predikterad av {model}</translation>
    </message>
    <message>
        <source>Predicted by {model} (now: it never saw this day)</source>
        <translation>Predikterad av {model} (nu: den såg aldrig den här dagen)</translation>
    </message>
    <message>
        <source>Sepal L</source>
        <translation>Foderbl. L</translation>
    </message>
    <message>
        <source>Sepal W</source>
        <translation>Foderbl. B</translation>
    </message>
    <message>
        <source>Petal L</source>
        <translation>Kronbl. L</translation>
    </message>
    <message>
        <source>Petal W</source>
        <translation>Kronbl. B</translation>
    </message>
    <message>
        <source>{generator} #{id}</source>
        <translation>{generator} nr {id}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>inte registrerad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>The day (local calendar date)</source>
        <translation>Dagen (lokalt kalenderdatum)</translation>
    </message>
    <message>
        <source>The true variety (the one generated)</source>
        <translation>Den sanna sorten (den som genererades)</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predikterad</translation>
    </message>
    <message>
        <source>The prediction made for the day at the time</source>
        <translation>Prediktionen som gjordes för dagen vid tillfället</translation>
    </message>
    <message>
        <source>The model version that predicted it</source>
        <translation>Modellversionen som predikterade den</translation>
    </message>
    <message>
        <source>P</source>
        <comment>the probability column&apos;s header</comment>
        <translation>P</translation>
    </message>
    <message>
        <source>The probability the model gave its prediction</source>
        <translation>Sannolikheten som modellen gav sin prediktion</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rätt</translation>
    </message>
    <message>
        <source>✓ right, ✗ wrong</source>
        <translation>✓ rätt, ✗ fel</translation>
    </message>
    <message>
        <source>The generator that made the day</source>
        <translation>Generatorn som skapade dagen</translation>
    </message>
    <message>
        <source>Gen. sure</source>
        <translation>Gen. säker</translation>
    </message>
    <message>
        <source>How sure the day&apos;s own generator is of its variety (low: a hard day, where its varieties overlap)</source>
        <translation>Hur säker dagens egen generator är på sorten (lågt: en svår dag, där dess sorter överlappar)</translation>
    </message>
    <message>
        <source>Daily flowers</source>
        <translation>Dagliga blommor</translation>
    </message>
    <message>
        <source>&amp;Wrong predictions only</source>
        <translation>Bara felaktiga p&amp;rediktioner</translation>
    </message>
    <message>
        <source>List only the days whose prediction was wrong</source>
        <translation>Lista bara de dagar vars prediktion var fel</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} days</source>
        <translation>{shown:,} av {total:,} dagar</translation>
    </message>
    <message>
        <source>{total:,} days</source>
        <translation>{total:,} dagar</translation>
    </message>
    <message>
        <source>&amp;Explain in Predict</source>
        <translation>&amp;Förklara i Prediktera</translation>
    </message>
    <message>
        <source>Show in &amp;History</source>
        <translation>Visa i &amp;Historik</translation>
    </message>
    <message>
        <source>Predicted {name}</source>
        <translation>Predikterad som {name}</translation>
    </message>
    <message>
        <source>Predicted {name} (share)</source>
        <translation>Predikterad som {name} (andel)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Wrongly predicted</source>
        <translation>Fel predikterad</translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation>Bara fel</translation>
    </message>
    <message>
        <source>Correct only</source>
        <translation>Bara rätt</translation>
    </message>
    <message>
        <source>Show every day, or only the days the prediction was wrong / right</source>
        <translation>Visa varje dag, eller bara de dagar då prediktionen var fel / rätt</translation>
    </message>
    <message>
        <source>Any variety</source>
        <translation>Alla sorter</translation>
    </message>
    <message>
        <source>Only days whose flower was, or was predicted as, this variety</source>
        <translation>Bara dagar vars blomma var, eller predikterades som, den här sorten</translation>
    </message>
    <message>
        <source>Date, e.g. 2026-05</source>
        <translation>Datum, t.ex. 2026-05</translation>
    </message>
    <message>
        <source>Only the days whose date (YYYY-MM-DD) starts with this text</source>
        <translation>Bara de dagar vars datum (ÅÅÅÅ-MM-DD) börjar med den här texten</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>V&amp;isa:</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Prediktioner</translation>
    </message>
    <message>
        <source>The day of the daily flower</source>
        <translation>Den dagliga blommans dag</translation>
    </message>
    <message>
        <source>{feature} in cm</source>
        <translation>{feature} i cm</translation>
    </message>
    <message>
        <source>What the model predicted</source>
        <translation>Vad modellen predikterade</translation>
    </message>
    <message>
        <source>The flower&apos;s true variety</source>
        <translation>Blommans sanna sort</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Sannolikhet</translation>
    </message>
    <message>
        <source>The model&apos;s probability for its prediction</source>
        <translation>Modellens sannolikhet för sin prediktion</translation>
    </message>
    <message>
        <source>The model version that made the prediction</source>
        <translation>Modellversionen som gjorde prediktionen</translation>
    </message>
    <message>
        <source>Was the prediction right?</source>
        <translation>Var prediktionen rätt?</translation>
    </message>
    <message>
        <source>&amp;Explain the selected day in Predict</source>
        <translation>&amp;Förklara den valda dagen i Prediktera</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Träffsäkerhet</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Kumulativ</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Rätt</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95&#xa0;%-intervall</translation>
    </message>
    <message>
        <source>Model change</source>
        <translation>Modellbyte</translation>
    </message>
    <message>
        <source>Generator change</source>
        <translation>Generatorbyte</translation>
    </message>
    <message>
        <source>model v{version}</source>
        <translation>modell v{version}</translation>
    </message>
    <message>
        <source>From {day}: {model}</source>
        <translation>Från {day}: {model}</translation>
    </message>
    <message>
        <source>generator</source>
        <comment>the label of a line on the accuracy plot</comment>
        <translation>generator</translation>
    </message>
    <message>
        <source>From {day} the days are made by {generator}</source>
        <translation>Från {day} skapas dagarna av {generator}</translation>
    </message>
    <message>
        <source>✓ correct</source>
        <translation>✓ rätt</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ fel</translation>
    </message>
    <message>
        <source>Model v{version}</source>
        <translation>Modell v{version}</translation>
    </message>
    <message>
        <source>{model} (predicted now)</source>
        <translation>{model} (predikterad nu)</translation>
    </message>
    <message>
        <source>{date}
Predicted: {predicted} ({probability:.0%})
Actual: {actual} — {mark}
{model}</source>
        <translation>{date}
Predikterad: {predicted} ({probability:.0%})
Verklig: {actual} — {mark}
{model}</translation>
    </message>
    <message>
        <source>7-day accuracy</source>
        <translation>7-dagars träffsäkerhet</translation>
    </message>
    <message>
        <source>95% interval from</source>
        <translation>95-procentigt intervall från</translation>
    </message>
    <message>
        <source>95% interval to</source>
        <translation>95-procentigt intervall till</translation>
    </message>
    <message>
        <source>Cumulative accuracy</source>
        <translation>Kumulativ träffsäkerhet</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Training flowers (density per cm)</source>
        <translation>Träningsblommor (täthet per cm)</translation>
    </message>
    <message>
        <source>Daily flowers (density per cm)</source>
        <translation>Dagliga blommor (täthet per cm)</translation>
    </message>
    <message>
        <source>Scatter-plot matrix</source>
        <translation>Matris av spridningsdiagram</translation>
    </message>
    <message>
        <source>{count:,} flowers ({varieties}) in every pair of the four measurements{selected}.</source>
        <translation>{count:,} blommor ({varieties}) i varje par av de fyra måtten{selected}.</translation>
    </message>
    <message>
        <source>Scatter plot</source>
        <translation>Spridningsdiagram</translation>
    </message>
    <message>
        <source>Scatter plot of {y} against {x}</source>
        <translation>Spridningsdiagram över {y} mot {x}</translation>
    </message>
    <message>
        <source>{y} against {x}: {count:,} flowers shown ({varieties}), {x} {x0:.1f} to {x1:.1f} cm, {y} {y0:.1f} to {y1:.1f} cm{selected}.</source>
        <translation>{y} mot {x}: {count:,} blommor visas ({varieties}), {x} {x0:.1f} till {x1:.1f} cm, {y} {y0:.1f} till {y1:.1f} cm{selected}.</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Fördelning</translation>
    </message>
    <message>
        <source>Histogram of {feature} by variety</source>
        <translation>Histogram över {feature} per sort</translation>
    </message>
    <message>
        <source>{feature} in {width:.1f} cm bins, {count:,} flowers: {means}{selected}.</source>
        <translation>{feature} i klasser om {width:.1f} cm, {count:,} blommor: {means}{selected}.</translation>
    </message>
    <message>
        <source>{name} mean {mean:.2f} cm</source>
        <translation>{name} medelvärde {mean:.2f} cm</translation>
    </message>
    <message>
        <source>Daily flowers from this day</source>
        <translation>Dagliga blommor från och med den här dagen</translation>
    </message>
    <message>
        <source>Daily flowers up to this day</source>
        <translation>Dagliga blommor till och med den här dagen</translation>
    </message>
    <message>
        <source>Explore views</source>
        <translation>Vyer i Utforska</translation>
    </message>
    <message>
        <source>Every stored flower; rows in the selection are highlighted</source>
        <translation>Alla lagrade blommor; rader i urvalet är markerade</translation>
    </message>
    <message>
        <source>Select &amp;where:</source>
        <translation>Välj &amp;där:</translation>
    </message>
    <message>
        <source>e.g. petal_length &gt; 4.5 and variety = virginica</source>
        <translation>t.ex. petal_length &gt; 4.5 and variety = virginica</translation>
    </message>
    <message>
        <source>Select the flowers that meet a condition, combined with the selection by the mode: a measurement (sepal_length, sepal_width, petal_length, petal_width) compared with a number (&gt;, &gt;=, &lt;, &lt;=, =, !=) or variety = setosa, versicolor or virginica, joined by and / or, with brackets if need be. Enter selects.</source>
        <translation>Välj de blommor som uppfyller ett villkor, kombinerat med urvalet enligt läget: ett mått (sepal_length, sepal_width, petal_length, petal_width) jämfört med ett tal (&gt;, &gt;=, &lt;, &lt;=, =, !=) eller variety = setosa, versicolor eller virginica, sammanfogade med and / or, vid behov med parenteser. Enter väljer.</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Välj</translation>
    </message>
    <message>
        <source>Select where the condition holds</source>
        <translation>Välj där villkoret gäller</translation>
    </message>
    <message>
        <source>{mode}: {count:,} flowers where {condition}</source>
        <translation>{mode}: {count:,} blommor där {condition}</translation>
    </message>
    <message>
        <source>Not understood at character {position}: {problem}</source>
        <translation>Inte förstått vid tecken {position}: {problem}</translation>
    </message>
    <message>
        <source>type a condition, e.g. petal_length &gt; 4.5</source>
        <translation>skriv ett villkor, t.ex. petal_length &gt; 4.5</translation>
    </message>
    <message>
        <source>expected a measurement or “variety”, found {found}</source>
        <translation>väntade ett mått eller ”variety”, hittade {found}</translation>
    </message>
    <message>
        <source>“{word}” is not a measurement (sepal_length, sepal_width, petal_length, petal_width or variety)</source>
        <translation>”{word}” är inget mått (sepal_length, sepal_width, petal_length, petal_width eller variety)</translation>
    </message>
    <message>
        <source>expected a comparison (&gt;, &gt;=, &lt;, &lt;=, =, !=) after “{field}”, found {found}</source>
        <translation>väntade en jämförelse (&gt;, &gt;=, &lt;, &lt;=, =, !=) efter ”{field}”, hittade {found}</translation>
    </message>
    <message>
        <source>expected a number after “{operator}”, found {found}</source>
        <translation>väntade ett tal efter ”{operator}”, hittade {found}</translation>
    </message>
    <message>
        <source>expected setosa, versicolor or virginica, found {found}</source>
        <translation>väntade setosa, versicolor eller virginica, hittade {found}</translation>
    </message>
    <message>
        <source>a variety is compared with = or !=, not “{operator}”</source>
        <translation>en sort jämförs med = eller !=, inte ”{operator}”</translation>
    </message>
    <message>
        <source>expected “and”, “or” or the end, found {found}</source>
        <translation>väntade ”and”, ”or” eller slutet, hittade {found}</translation>
    </message>
    <message>
        <source>expected “)”, found {found}</source>
        <translation>väntade ”)”, hittade {found}</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>slutet</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>”{text}”</translation>
    </message>
    <message>
        <source>“{text}” is not part of a condition</source>
        <translation>”{text}” hör inte till ett villkor</translation>
    </message>
    <message>
        <source>{feature} {operator} {value:g} cm</source>
        <translation>{feature} {operator} {value:g} cm</translation>
    </message>
    <message>
        <source>variety {operator} {name}</source>
        <translation>sort {operator} {name}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> och </translation>
    </message>
    <message>
        <source> or </source>
        <translation> eller </translation>
    </message>
    <message>
        <source>({inner})</source>
        <translation>({inner})</translation>
    </message>
    <message>
        <source>Select by ran&amp;ge:</source>
        <translation>Välj efter &amp;intervall:</translation>
    </message>
    <message>
        <source>A rectangle from the keyboard: the flowers whose two chosen measurements both lie between their minimum and maximum, combined with the selection by the mode. Enter in a value selects.</source>
        <translation>En rektangel från tangentbordet: blommorna vars två valda mått båda ligger mellan sitt minsta och största värde, kombinerat med urvalet enligt läget. Enter i ett värde väljer.</translation>
    </message>
    <message>
        <source>First measurement of the range</source>
        <translation>Intervallets första mått</translation>
    </message>
    <message>
        <source>Second measurement of the range</source>
        <translation>Intervallets andra mått</translation>
    </message>
    <message>
        <source>Smallest {feature} selected</source>
        <translation>Minsta värde för {feature} som väljs</translation>
    </message>
    <message>
        <source>Largest {feature} selected</source>
        <translation>Största värde för {feature} som väljs</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>and</source>
        <translation>och</translation>
    </message>
    <message>
        <source>Select range</source>
        <translation>Välj intervall</translation>
    </message>
    <message>
        <source>Select the flowers in the range</source>
        <translation>Välj blommorna i intervallet</translation>
    </message>
    <message>
        <source>{x} {x0:.2f} to {x1:.2f} cm and {y} {y0:.2f} to {y1:.2f} cm</source>
        <translation>{x} {x0:.2f} till {x1:.2f} cm och {y} {y0:.2f} till {y1:.2f} cm</translation>
    </message>
    <message>
        <source>Precision, recall and F1 per variety on the test set</source>
        <translation>Precision, täckning och F1 per sort på testmängden</translation>
    </message>
    <message>
        <source>Train views</source>
        <translation>Vyer i Träna</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Läser in historiken…</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>Exportera &amp;tabell…</translation>
    </message>
    <message>
        <source>Save the predictions shown in the table (this view, filtered and sorted as shown) as CSV</source>
        <translation>Spara prediktionerna som visas i tabellen (den här vyn, filtrerad och sorterad som den visas) som CSV</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Förväxlingsmatris</translation>
    </message>
    <message>
        <source>The history could not be read: {error}</source>
        <translation>Historiken kunde inte läsas: {error}</translation>
    </message>
    <message>
        <source>Model v{version} cannot be shown: {error}</source>
        <translation>Modell v{version} kan inte visas: {error}</translation>
    </message>
    <message>
        <source>No predictions yet: the first catch-up makes them.</source>
        <translation>Inga prediktioner ännu: den första upphämtningen gör dem.</translation>
    </message>
    <message>
        <source>{days:,} days, {right:,} correct ({share:.1%}); last {window} days {rolling:.0%} (95% interval {low:.0%}–{high:.0%}, {counted} days)</source>
        <translation>{days:,} dagar, {right:,} rätt ({share:.1%}); senaste {window} dagarna {rolling:.0%} (95&#xa0;%-intervall {low:.0%}–{high:.0%}, {counted} dagar)</translation>
    </message>
    <message>
        <source>Model v{version}: {summary}. {days} it never saw, predicted now</source>
        <translation>Modell v{version}: {summary}. {days} som den aldrig såg, predikterade nu</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>Model v{version}: {summary}</source>
        <translation>Modell v{version}: {summary}</translation>
    </message>
    <message>
        <source>{error}. Showing the days as predicted at the time: {summary}</source>
        <translation>{error}. Visar dagarna som predikterat vid tillfället: {summary}</translation>
    </message>
    <message>
        <source>{total:,} flowers, {right:,} predicted right ({share:.1%}){mistakes}.</source>
        <translation>{total:,} blommor, {right:,} rätt predikterade ({share:.1%}){mistakes}.</translation>
    </message>
    <message>
        <source>{count:,} {actual} predicted {predicted}</source>
        <translation>{count:,} {actual} predikterade som {predicted}</translation>
    </message>
    <message>
        <source>; mistaken: {mistakes}</source>
        <translation>; förväxlade: {mistakes}</translation>
    </message>
    <message>
        <source>No flowers counted.</source>
        <translation>Inga blommor räknade.</translation>
    </message>
    <message>
        <source>Validation curve</source>
        <translation>Valideringskurva</translation>
    </message>
    <message>
        <source>k from {first} to {last}: best k {best} with cross-validated accuracy {best_cv:.1%} (training accuracy {best_train:.1%}){chosen}.</source>
        <translation>k från {first} till {last}: bästa k är {best} med träffsäkerheten {best_cv:.1%} vid korsvalidering (träffsäkerhet på träningsdata {best_train:.1%}){chosen}.</translation>
    </message>
    <message>
        <source>; the form&apos;s k is {k}, cross-validated accuracy {cv:.1%}</source>
        <translation>; formulärets k är {k}, träffsäkerhet vid korsvalidering {cv:.1%}</translation>
    </message>
    <message>
        <source> The settings changed since: the curve is out of date.</source>
        <translation> Inställningarna har ändrats sedan dess: kurvan är inaktuell.</translation>
    </message>
    <message>
        <source>No curve computed yet: Compute the validation curve draws it.</source>
        <translation>Ingen kurva beräknad ännu: Beräkna valideringskurvan ritar den.</translation>
    </message>
    <message>
        <source>Sepal &amp;length</source>
        <translation>Foderbladets &amp;längd</translation>
    </message>
    <message>
        <source>Sepal &amp;width</source>
        <translation>Foderbladets &amp;bredd</translation>
    </message>
    <message>
        <source>P&amp;etal length</source>
        <translation>Kronbladets lä&amp;ngd</translation>
    </message>
    <message>
        <source>Petal wi&amp;dth</source>
        <translation>Kronbladets br&amp;edd</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Ingen modell</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Prediktion</translation>
    </message>
    <message>
        <source>Decision regions</source>
        <translation>Beslutsområden</translation>
    </message>
    <message>
        <source>Coloured by the variety the model predicts for each petal length and width, with the sepal values held at the current flower&apos;s. Click to move the flower there.</source>
        <translation>Färgad efter den sort modellen predikterar för varje längd och bredd på kronbladet, med foderbladets värden fasthållna vid den aktuella blommans. Klicka för att flytta blomman dit.</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Ingen modell ännu</translation>
    </message>
    <message>
        <source>{model} · ⚠ saved with another scikit-learn</source>
        <translation>{model} · ⚠ sparad med en annan scikit-learn</translation>
    </message>
    <message>
        <source>The active model; choose another in Pipelines ▸ Active model and this tab follows.</source>
        <translation>Den aktiva modellen; välj en annan under Pipelines ▸ Aktiv modell så följer den här fliken med.</translation>
    </message>
    <message>
        <source>Nearest neighbours are shown for k-nearest-neighbour models. This model predicts from what it learnt, not from stored neighbours.</source>
        <translation>Närmaste grannar visas för modeller med k-närmaste grannar. Den här modellen predikterar utifrån det den har lärt sig, inte utifrån lagrade grannar.</translation>
    </message>
    <message>
        <source>Nearest neighbours are shown for k-nearest-neighbour models. There is no model yet.</source>
        <translation>Närmaste grannar visas för modeller med k-närmaste grannar. Det finns ingen modell ännu.</translation>
    </message>
    <message>
        <source>Train a model to see its decision regions.</source>
        <translation>Träna en modell för att se dess beslutsområden.</translation>
    </message>
    <message>
        <source>Dots: the model&apos;s {total} training flowers. Regions: its prediction with sepal length {length:.1f} cm and sepal width {width:.1f} cm held fixed.</source>
        <translation>Punkter: modellens {total} träningsblommor. Områden: dess prediktion med foderbladets längd {length:.1f} cm och foderbladets bredd {width:.1f} cm fasthållna.</translation>
    </message>
    <message>
        <source>Dots: a sample of {shown:,} of the model&apos;s {total:,} training flowers. Regions: its prediction with sepal length {length:.1f} cm and sepal width {width:.1f} cm held fixed.</source>
        <translation>Punkter: ett urval av {shown:,} av modellens {total:,} träningsblommor. Områden: dess prediktion med foderbladets längd {length:.1f} cm och foderbladets bredd {width:.1f} cm fasthållna.</translation>
    </message>
    <message>
        <source>Train a model to see a prediction.</source>
        <translation>Träna en modell för att se en prediktion.</translation>
    </message>
    <message>
        <source>Model v{version}&apos;s predicted variety over {x} and {y}, {others} held fixed; {count:,} flowers drawn ({varieties}){point}.</source>
        <translation>Den sort som modell v{version} predikterar över {x} och {y}, med {others} fasta; {count:,} blommor ritade ({varieties}){point}.</translation>
    </message>
    <message>
        <source>; the flower at {x:.1f}, {y:.1f} cm lies in the {variety} region</source>
        <translation>; blomman vid {x:.1f}, {y:.1f} cm ligger i området för {variety}</translation>
    </message>
    <message>
        <source>No model: no regions to show.</source>
        <translation>Ingen modell: inga områden att visa.</translation>
    </message>
    <message>
        <source>{feature} {value:.1f} cm</source>
        <translation>{feature} {value:.1f} cm</translation>
    </message>
    <message>
        <source>Second plot: vertical measurement</source>
        <translation>Andra diagrammet: lodrätt mått</translation>
    </message>
    <message>
        <source>Second plot: horizontal measurement</source>
        <translation>Andra diagrammet: vågrätt mått</translation>
    </message>
    <message>
        <source>Daily flowers over {x} and {y}</source>
        <translation>Dagliga blommor över {x} och {y}</translation>
    </message>
    <message>
        <source>{generator} drawn over {stored:,} stored flowers and {days:,} daily flowers ({wrong:,} wrongly predicted){current}.</source>
        <translation>{generator} ritad över {stored:,} lagrade blommor och {days:,} dagliga blommor ({wrong:,} fel predikterade){current}.</translation>
    </message>
    <message>
        <source>; the day shown: {x} {x_value:.1f} cm, {y} {y_value:.1f} cm</source>
        <translation>; den visade dagen: {x} {x_value:.1f} cm, {y} {y_value:.1f} cm</translation>
    </message>
    <message>
        <source>No generator</source>
        <translation>Ingen generator</translation>
    </message>
    <message>
        <source>{name} (ellipses holding 95% of each variety&apos;s flowers)</source>
        <translation>{name} (ellipser som rymmer 95&#xa0;% av varje sorts blommor)</translation>
    </message>
    <message>
        <source>{name} (each variety&apos;s box of bounds)</source>
        <translation>{name} (rutan mellan varje sorts gränser)</translation>
    </message>
    <message>
        <source>{feature} in millimetres</source>
        <translation>{feature} i millimeter</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>Klassannolikheter</translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation>{parts}.</translation>
    </message>
    <message>
        <source>{name} {probability:.0%}</source>
        <translation>{name} {probability:.0%}</translation>
    </message>
    <message>
        <source>No model: no probabilities.</source>
        <translation>Ingen modell: inga sannolikheter.</translation>
    </message>
    <message>
        <source>Nearest training flowers</source>
        <translation>Närmaste träningsblommor</translation>
    </message>
    <message>
        <source>Predict: the flower&apos;s petal values move on the map with the sliders</source>
        <translation>Prediktera: blommans kronbladsvärden flyttas på kartan med reglagen</translation>
    </message>
    <message>
        <source>Model version shown</source>
        <translation>Visad modellversion</translation>
    </message>
    <message>
        <source>Only days of this variety</source>
        <translation>Bara dagar med den här sorten</translation>
    </message>
    <message>
        <source>Only days whose date starts with</source>
        <translation>Bara dagar vars datum börjar med</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Hela tiden</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Datumintervall</translation>
    </message>
    <message>
        <source>Days of one model</source>
        <translation>Dagar för en modell</translation>
    </message>
    <message>
        <source>Which days the matrix counts</source>
        <translation>Vilka dagar matrisen räknar</translation>
    </message>
    <message>
        <source>First day counted</source>
        <translation>Första dagen som räknas</translation>
    </message>
    <message>
        <source>Last day counted</source>
        <translation>Sista dagen som räknas</translation>
    </message>
    <message>
        <source>Count the days this model version was in charge (as predicted at the time)</source>
        <translation>Räkna de dagar då den här modellversionen var i tjänst (som predikterat vid tillfället)</translation>
    </message>
    <message>
        <source>Sha&amp;res of each actual variety</source>
        <translation>And&amp;elar av varje verklig sort</translation>
    </message>
    <message>
        <source>Each row as percentages of that variety&apos;s flowers, instead of counts</source>
        <translation>Varje rad som procent av den sortens blommor, i stället för antal</translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation>Exportera &amp;bild…</translation>
    </message>
    <message>
        <source>Save the matrix as PNG or SVG</source>
        <translation>Spara matrisen som PNG eller SVG</translation>
    </message>
    <message>
        <source>Wi&amp;ndow:</source>
        <translation>Fö&amp;nster:</translation>
    </message>
    <message>
        <source>Days model v{version} was in charge</source>
        <translation>Dagar då modell v{version} var i tjänst</translation>
    </message>
    <message>
        <source>No predictions in this window.</source>
        <translation>Inga prediktioner i det här fönstret.</translation>
    </message>
    <message>
        <source>{days}, {right:,} correct ({share:.1%})</source>
        <translation>{days}, {right:,} rätt ({share:.1%})</translation>
    </message>
    <message>
        <source>{counted}. Never predicted here: {varieties}</source>
        <translation>{counted}. Aldrig predikterad här: {varieties}</translation>
    </message>
    <message>
        <source>Model whose days are counted</source>
        <translation>Modellen vars dagar räknas</translation>
    </message>
    <message>
        <source>History details</source>
        <translation>Detaljer i Historik</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Senaste 90 dagarna</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Senaste året</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Allt</translation>
    </message>
    <message>
        <source>Accuracy over time</source>
        <translation>Träffsäkerhet över tid</translation>
    </message>
    <message>
        <source>How many days the plot shows, following each new day (drag to pan, mouse wheel to zoom; choose again to come back)</source>
        <translation>Hur många dagar diagrammet visar, och följer varje ny dag (dra för att panorera, mushjulet för att zooma; välj igen för att komma tillbaka)</translation>
    </message>
    <message>
        <source>&amp;Span:</source>
        <translation>&amp;Omfång:</translation>
    </message>
    <message>
        <source>E&amp;xport image…</source>
        <translation>E&amp;xportera bild…</translation>
    </message>
    <message>
        <source>Save the accuracy plot as PNG or SVG</source>
        <translation>Spara diagrammet över träffsäkerhet som PNG eller SVG</translation>
    </message>
    <message>
        <source>Click a day to select it; double-click opens it in the Daily tab; right-click explains it in Predict.</source>
        <translation>Klicka på en dag för att välja den; dubbelklick öppnar den i fliken Dagligt; högerklick förklarar den i Prediktera.</translation>
    </message>
    <message>
        <source>{days:,} days from {first} to {last}, {right:,} predicted right ({share:.0%}); rolling {window}-day accuracy {rolling:.0%} on the last day{change}.</source>
        <translation>{days:,} dagar från {first} till {last}, {right:,} rätt predikterade ({share:.0%}); glidande träffsäkerhet över {window} dagar {rolling:.0%} den sista dagen{change}.</translation>
    </message>
    <message>
        <source>; last change: model v{version} on {day}</source>
        <translation>; senaste byte: modell v{version} den {day}</translation>
    </message>
    <message>
        <source>; last generator change on {day}</source>
        <translation>; senaste generatorbyte den {day}</translation>
    </message>
    <message>
        <source>No predictions yet.</source>
        <translation>Inga prediktioner ännu.</translation>
    </message>
    <message>
        <source>Drift of the daily flowers</source>
        <translation>Förskjutning hos de dagliga blommorna</translation>
    </message>
    <message>
        <source>Distributions of the daily flowers against the training flowers</source>
        <translation>Fördelningar för de dagliga blommorna jämfört med träningsblommorna</translation>
    </message>
    <message>
        <source>{daily:,} daily flowers against {training:,} training flowers: {verdicts}.</source>
        <translation>{daily:,} dagliga blommor jämfört med {training:,} träningsblommor: {verdicts}.</translation>
    </message>
    <message>
        <source>{feature} {level}</source>
        <translation>{feature} {level}</translation>
    </message>
    <message>
        <source>No drift report yet.</source>
        <translation>Ingen förskjutningsrapport ännu.</translation>
    </message>
    <message>
        <source>The file&apos;s first rows, as read</source>
        <translation>Filens första rader, som de lästes</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Säkerhetskopior, nyaste först</translation>
    </message>
    <message>
        <source>The two versions&apos; settings and figures</source>
        <translation>De två versionernas inställningar och värden</translation>
    </message>
    <message>
        <source>Test confusion matrix of model v{version}</source>
        <translation>Förväxlingsmatris på testmängden för modell v{version}</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Flikar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Färger</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Följ &amp;systemet</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Ljust</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Mörkt</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Hög kontrast</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, switching when it does</source>
        <translation>Ljust eller mörkt som skrivbordet, och byter när det byter</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds, whatever the desktop</source>
        <translation>Mörk text på ljus bakgrund, oavsett skrivbordet</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, whatever the desktop</source>
        <translation>Ljus text på mörk bakgrund, oavsett skrivbordet</translation>
    </message>
    <message>
        <source>Black and white text, stronger colours and thicker lines (also when the desktop asks)</source>
        <translation>Svart och vit text, starkare färger och tjockare linjer (även när skrivbordet ber om det)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>Every key the app answers to, tab by tab</source>
        <translation>Alla tangenter som appen svarar på, flik för flik</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard. Tab and {back_tab} move between controls; {alt} with an underlined letter goes to that control or menu; {next_page} moves between the pages inside a tab.</source>
        <translation>Allt kan göras från tangentbordet. Tab och {back_tab} flyttar mellan kontrollerna; {alt} med en understruken bokstav går till den kontrollen eller menyn; {next_page} flyttar mellan sidorna inuti en flik.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Vad de gör</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fönstret</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+6</source>
        <translation>Ctrl+1 … Ctrl+6</translation>
    </message>
    <message>
        <source>Go to Explore, Train, Daily, Predict, History or Pipelines</source>
        <translation>Gå till Utforska, Träna, Dagligt, Prediktera, Historik eller Pipelines</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Import flowers from a CSV file (a preview first; Enter imports)</source>
        <translation>Importera blommor från en CSV-fil (först en förhandsvisning; Enter importerar)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the whole history as CSV</source>
        <translation>Exportera hela historiken som CSV</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Catch up now: generate and predict every missed day</source>
        <translation>Ta igen nu: generera och prediktera alla missade dagar</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>Den här listan över kortkommandon</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Alt+F, Alt+P, Alt+V, Alt+H</source>
        <translation>Alt+F, Alt+P, Alt+V, Alt+H</translation>
    </message>
    <message>
        <source>Open the File, Pipelines, View or Help menu</source>
        <translation>Öppna menyn Arkiv, Pipelines, Visa eller Hjälp</translation>
    </message>
    <message>
        <source>Any plot</source>
        <translation>Varje diagram</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Plots take the focus like any control (a frame shows it)</source>
        <translation>Diagram tar fokus som vilken kontroll som helst (en ram visar det)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Show the numbers behind the plot as a table</source>
        <translation>Visa siffrorna bakom diagrammet som en tabell</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Copy the numbers behind the plot (tab-separated)</source>
        <translation>Kopiera siffrorna bakom diagrammet (tabbavgränsade)</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>Menytangenten eller Shift+F10</translation>
    </message>
    <message>
        <source>The plot&apos;s menu: show as table, copy data, export image</source>
        <translation>Diagrammets meny: visa som tabell, kopiera data, exportera bild</translation>
    </message>
    <message>
        <source>Any table</source>
        <translation>Varje tabell</translation>
    </message>
    <message>
        <source>Arrows, Page Up/Down, Home/End</source>
        <translation>Piltangenter, Page Up/Down, Home/End</translation>
    </message>
    <message>
        <source>Move between rows</source>
        <translation>Flytta mellan rader</translation>
    </message>
    <message>
        <source>Shift+Arrows</source>
        <translation>Shift+Piltangenter</translation>
    </message>
    <message>
        <source>Select several rows</source>
        <translation>Välj flera rader</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rektangel</translation>
    </message>
    <message>
        <source>Drag a rectangle on any scatter to select the flowers in it</source>
        <translation>Dra en rektangel i valfritt spridningsdiagram för att välja blommorna i den</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Draw a free shape on any scatter to select the flowers in it</source>
        <translation>Rita en fri form i valfritt spridningsdiagram för att välja blommorna i den</translation>
    </message>
    <message>
        <source>Pan/zoom</source>
        <translation>Panorera/zooma</translation>
    </message>
    <message>
        <source>Drag to move the plots; the wheel zooms either way</source>
        <translation>Dra för att flytta diagrammen; hjulet zoomar åt båda hållen</translation>
    </message>
    <message>
        <source>A new selection is added to the current one (or hold {shift} while dragging)</source>
        <translation>Ett nytt urval läggs till det nuvarande (eller håll ned {shift} medan du drar)</translation>
    </message>
    <message>
        <source>Keep only what is in both (or hold {ctrl} while dragging)</source>
        <translation>Behåll bara det som finns i båda (eller håll ned {ctrl} medan du drar)</translation>
    </message>
    <message>
        <source>A new selection is taken out of the current one (or hold {ctrl_shift} or {alt} while dragging)</source>
        <translation>Ett nytt urval tas bort från det nuvarande (eller håll ned {ctrl_shift} eller {alt} medan du drar)</translation>
    </message>
    <message>
        <source>A new selection replaces the current one</source>
        <translation>Ett nytt urval ersätter det nuvarande</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Utforska</translation>
    </message>
    <message>
        <source>Selection:</source>
        <translation>Urval:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Select nothing (Esc)</source>
        <translation>Välj ingenting (Esc)</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Spread flowers that share their measurements by up to ±0.045 cm, so stacked points show</source>
        <translation>Sprid ut blommor med samma mått med upp till ±0,045 cm, så att punkter som ligger på varandra syns</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Återställ zoomen</translation>
    </message>
    <message>
        <source>Show every flower in every plot again</source>
        <translation>Visa alla blommor i alla diagram igen</translation>
    </message>
    <message>
        <source>Show or hide the {name} flowers in every plot</source>
        <translation>Visa eller dölj blommorna av sorten {name} i alla diagram</translation>
    </message>
    <message>
        <source>Save a plot as PNG or SVG, or flowers as CSV</source>
        <translation>Spara ett diagram som PNG eller SVG, eller blommor som CSV</translation>
    </message>
    <message>
        <source>Alt+W</source>
        <translation>Alt+W</translation>
    </message>
    <message>
        <source>Select where: type a condition, e.g. petal_length &gt; 4.5 and variety = virginica, then Enter</source>
        <translation>Välj där: skriv ett villkor, t.ex. petal_length &gt; 4.5 and variety = virginica, och tryck sedan Enter</translation>
    </message>
    <message>
        <source>Alt+G</source>
        <translation>Alt+G</translation>
    </message>
    <message>
        <source>Select by range: two measurements and their smallest and largest values, then Enter</source>
        <translation>Välj efter intervall: två mått och deras minsta och största värden, och tryck sedan Enter</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+4</source>
        <translation>Alt+1 … Alt+4</translation>
    </message>
    <message>
        <source>Selection mode: replace, add, intersect, remove</source>
        <translation>Urvalsläge: ersätt, lägg till, snitt, ta bort</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Töm urvalet</translation>
    </message>
    <message>
        <source>Alt+R, Alt+L, Alt+N</source>
        <translation>Alt+R, Alt+L, Alt+N</translation>
    </message>
    <message>
        <source>Mouse tool on the scatters: rectangle, lasso, pan and zoom</source>
        <translation>Musverktyg i spridningsdiagrammen: rektangel, lasso, panorera och zooma</translation>
    </message>
    <message>
        <source>Alt+J, Alt+0</source>
        <translation>Alt+J, Alt+0</translation>
    </message>
    <message>
        <source>Jitter on or off; reset the zoom</source>
        <translation>Jitter på eller av; återställ zoomen</translation>
    </message>
    <message>
        <source>Arrows with Shift in the table</source>
        <translation>Piltangenter med Shift i tabellen</translation>
    </message>
    <message>
        <source>Select flowers row by row</source>
        <translation>Välj blommor rad för rad</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Träna</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Train with the settings shown</source>
        <translation>Träna med de visade inställningarna</translation>
    </message>
    <message>
        <source>Cancel the training or the validation curve</source>
        <translation>Avbryt träningen eller valideringskurvan</translation>
    </message>
    <message>
        <source>Alt+A</source>
        <translation>Alt+A</translation>
    </message>
    <message>
        <source>Activate the version selected in the registry</source>
        <translation>Aktivera den version som är vald i registret</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Dagligt</translation>
    </message>
    <message>
        <source>Alt+Left, Alt+Right</source>
        <translation>Alt+Vänster, Alt+Höger</translation>
    </message>
    <message>
        <source>The day before, the day after</source>
        <translation>Dagen före, dagen efter</translation>
    </message>
    <message>
        <source>Enter in the list</source>
        <translation>Enter i listan</translation>
    </message>
    <message>
        <source>Open the day in the History tab</source>
        <translation>Öppna dagen på fliken Historik</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10 in the list</source>
        <translation>Menytangenten eller Shift+F10 i listan</translation>
    </message>
    <message>
        <source>Explain the day in Predict, or show it in History</source>
        <translation>Förklara dagen i Prediktera, eller visa den i Historik</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Prediktera</translation>
    </message>
    <message>
        <source>Arrows, Page Up/Down on a slider</source>
        <translation>Piltangenter, Page Up/Down på ett reglage</translation>
    </message>
    <message>
        <source>Change a measurement by 0.1 cm, 0.5 cm</source>
        <translation>Ändra ett mått med 0,1 cm, 0,5 cm</translation>
    </message>
    <message>
        <source>A number and Enter in a box</source>
        <translation>Ett tal och Enter i en ruta</translation>
    </message>
    <message>
        <source>Set a measurement exactly</source>
        <translation>Ange ett mått exakt</translation>
    </message>
    <message>
        <source>Alt+B</source>
        <translation>Alt+B</translation>
    </message>
    <message>
        <source>Back to your own sliders after explaining a day</source>
        <translation>Tillbaka till dina egna reglage efter att ha förklarat en dag</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Enter in the predictions</source>
        <translation>Enter i prediktionerna</translation>
    </message>
    <message>
        <source>Open the day in the Daily tab</source>
        <translation>Öppna dagen på fliken Dagligt</translation>
    </message>
    <message>
        <source>Alt+E</source>
        <translation>Alt+E</translation>
    </message>
    <message>
        <source>Explain the selected day in the Predict tab</source>
        <translation>Förklara den valda dagen på fliken Prediktera</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10 in the predictions</source>
        <translation>Menytangenten eller Shift+F10 i prediktionerna</translation>
    </message>
    <message>
        <source>Explain the day in Predict, or show it in the Daily tab</source>
        <translation>Förklara dagen i Prediktera, eller visa den på fliken Dagligt</translation>
    </message>
    <message>
        <source>What the first &amp;launch did</source>
        <translation>Vad första &amp;starten gjorde</translation>
    </message>
    <message>
        <source>The lab&apos;s four pipelines, what each did on the first launch, and the tab that shows it</source>
        <translation>Labbets fyra pipelines, vad var och en gjorde vid första starten, och fliken som visar det</translation>
    </message>
    <message>
        <source>What the first launch did</source>
        <translation>Vad första starten gjorde</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to the Iris lab.&lt;/b&gt; The first launch ran its four pipelines for you:</source>
        <translation>&lt;b&gt;Välkommen till Iris-labbet.&lt;/b&gt; Första starten körde labbets fyra pipelines åt dig:</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Uppfattat</translation>
    </message>
    <message>
        <source>Hide this; Help ▸ What the first launch did shows it again</source>
        <translation>Dölj detta; Hjälp ▸ Vad första starten gjorde visar det igen</translation>
    </message>
    <message>
        <source>Open the {tab} tab</source>
        <translation>Öppna fliken {tab}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Feature pipeline&lt;/b&gt; (backfill): stored the {flowers} of the bundled Iris data set.</source>
        <translation>&lt;b&gt;Feature-pipelinen&lt;/b&gt; (återfyllnad): lagrade {flowers} från den medföljande Iris-datamängden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training pipeline&lt;/b&gt;: trained a model on them, registered and activated it: {model}.</source>
        <translation>&lt;b&gt;Träningspipelinen&lt;/b&gt;: tränade en modell på dem, registrerade och aktiverade den: {model}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training pipeline&lt;/b&gt;: no model is active yet.</source>
        <translation>&lt;b&gt;Träningspipelinen&lt;/b&gt;: ingen modell är aktiv ännu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Daily feature pipeline&lt;/b&gt;: generated {days}, one flower a day, {first} to {last}.</source>
        <translation>&lt;b&gt;Den dagliga feature-pipelinen&lt;/b&gt;: genererade {days}, en blomma om dagen, {first} till {last}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Daily feature pipeline&lt;/b&gt;: no day generated yet.</source>
        <translation>&lt;b&gt;Den dagliga feature-pipelinen&lt;/b&gt;: ingen dag genererad ännu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch inference&lt;/b&gt; predicted {predicted} with the active model; &lt;b&gt;the monitor&lt;/b&gt; compares each with the flower&apos;s true variety.</source>
        <translation>&lt;b&gt;Batchinferensen&lt;/b&gt; predikterade {predicted} med den aktiva modellen; &lt;b&gt;övervakningen&lt;/b&gt; jämför varje prediktion med blommans sanna sort.</translation>
    </message>
    <message>
        <source>Every run of each pipeline is recorded, with its outcome, rows and duration; missed days are generated and predicted at each launch.</source>
        <translation>Varje körning av varje pipeline registreras, med utfall, rader och varaktighet; missade dagar genereras och predikteras vid varje start.</translation>
    </message>
    <message>
        <source>{tab}: nothing here yet</source>
        <translation>{tab}: inget här ännu</translation>
    </message>
    <message>
        <source>Store the bundled data set</source>
        <translation>Lagra den medföljande datamängden</translation>
    </message>
    <message>
        <source>The feature pipeline&apos;s backfill: the 150 flowers of the Iris data set</source>
        <translation>Feature-pipelinens återfyllnad: Iris-datamängdens 150 blommor</translation>
    </message>
    <message>
        <source>Train the default model</source>
        <translation>Träna standardmodellen</translation>
    </message>
    <message>
        <source>K-nearest neighbours, k=5: trained in the background and activated</source>
        <translation>K-närmaste grannar, k=5: tränas i bakgrunden och aktiveras</translation>
    </message>
    <message>
        <source>Catch up now</source>
        <translation>Ta igen nu</translation>
    </message>
    <message>
        <source>Generate and predict every missed day of the daily history</source>
        <translation>Generera och prediktera alla missade dagar i den dagliga historiken</translation>
    </message>
    <message>
        <source>No flowers yet. The feature pipeline fills this tab: the 150 flowers of the bundled Iris data set, CSV files you import (File ▸ Import CSV…) and one generated flower a day.</source>
        <translation>Inga blommor ännu. Feature-pipelinen fyller den här fliken: de 150 blommorna i den medföljande Iris-datamängden, CSV-filer som du importerar (Arkiv ▸ Importera CSV…) och en genererad blomma om dagen.</translation>
    </message>
    <message>
        <source>Nothing to train on yet. The training pipeline learns from labelled flowers: the bundled data set and the files you import.</source>
        <translation>Inget att träna på ännu. Träningspipelinen lär sig av märkta blommor: den medföljande datamängden och filerna som du importerar.</translation>
    </message>
    <message>
        <source>No model yet. The training pipeline fits one on the labelled flowers, registers it as a version and activates it; the settings on the left train others.</source>
        <translation>Ingen modell ännu. Träningspipelinen anpassar en modell till de märkta blommorna, registrerar den som en version och aktiverar den; inställningarna till vänster tränar andra.</translation>
    </message>
    <message>
        <source>No days yet. The daily feature pipeline generates one flower a day and batch inference predicts it with the active model; missed days are caught up at each launch.</source>
        <translation>Inga dagar ännu. Den dagliga feature-pipelinen genererar en blomma om dagen och batchinferensen predikterar den med den aktiva modellen; missade dagar tas igen vid varje start.</translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety. Predictions need a model first.</source>
        <translation>Inget att övervaka ännu. Den här fliken är övervakningen: varje dags prediktion jämförd med blommans sanna sort. Prediktioner kräver först en modell.</translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety. Predictions need a model, and a model learns from labelled flowers first.</source>
        <translation>Inget att övervaka ännu. Den här fliken är övervakningen: varje dags prediktion jämförd med blommans sanna sort. Prediktioner kräver en modell, och en modell lär sig först av märkta blommor.</translation>
    </message>
    <message>
        <source>Nothing to monitor yet. This tab is the monitor: each day&apos;s prediction against the flower&apos;s true variety; a catch-up generates the days and predicts them.</source>
        <translation>Inget att övervaka ännu. Den här fliken är övervakningen: varje dags prediktion jämförd med blommans sanna sort; en upphämtning genererar dagarna och predikterar dem.</translation>
    </message>
    <message>
        <source>No pipeline has run yet. Each run of the four pipelines is listed here with its outcome, rows and duration; the first is the feature pipeline&apos;s backfill of the bundled data set.</source>
        <translation>Ingen pipeline har körts ännu. Varje körning av de fyra pipelines listas här med utfall, rader och varaktighet; den första är feature-pipelinens återfyllnad av den medföljande datamängden.</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Öppna &amp;datamapp</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Säkerhetskopiera…</translation>
    </message>
    <message>
        <source>Save the database and its model files as one archive</source>
        <translation>Spara databasen och dess modellfiler som ett arkiv</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Åte&amp;rställ från säkerhetskopia…</translation>
    </message>
    <message>
        <source>Replace the data with a backup&apos;s (the data now is backed up first)</source>
        <translation>Ersätt data med en säkerhetskopias (nuvarande data säkerhetskopieras först)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;About Iris Desktop</source>
        <translation>&amp;Om Iris Desktop</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Säkerhetskopiera</translation>
    </message>
    <message>
        <source>Iris Desktop backups</source>
        <translation>Säkerhetskopior av Iris Desktop</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Säkerhetskopierar…</translation>
    </message>
    <message>
        <source>Backed up the database and its model files to {dest}</source>
        <translation>Säkerhetskopierade databasen och dess modellfiler till {dest}</translation>
    </message>
    <message>
        <source>Restore</source>
        <comment>what failed</comment>
        <translation>Återställningen</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Återställer säkerhetskopian…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datamapp</translation>
    </message>
    <message>
        <source>No file manager could be started. Iris Desktop keeps its data in:

{folder}</source>
        <translation>Ingen filhanterare kunde startas. Iris Desktop har sina data i:

{folder}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Om {app}</translation>
    </message>
    <message>
        <source>&lt;p&gt;The serverless-ML Iris lab on your own machine, offline: a flower a day is generated and predicted, every missed day caught up at launch.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Serverless-ML-labbet om Iris på din egen dator, utan nätverk: en blomma om dagen genereras och predikteras, och varje missad dag tas igen vid start.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tabs: {tabs}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Flikar: {tabs}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Data: &lt;code&gt;{data}&lt;/code&gt;&lt;br&gt;Logs: &lt;code&gt;{logs}&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Data: &lt;code&gt;{data}&lt;/code&gt;&lt;br&gt;Loggar: &lt;code&gt;{logs}&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n missed day(s)</source>
        <translation>
            <numerusform>%n missad dag</numerusform>
            <numerusform>%n missade dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>Caught up {days} (from {first} to {last})</source>
        <translation>Tog igen {days} (från {first} till {last})</translation>
    </message>
    <message>
        <source>Caught up {days} ({first})</source>
        <translation>Tog igen {days} ({first})</translation>
    </message>
    <message>
        <source>Predicted {flowers}</source>
        <translation>Predikterade {flowers}</translation>
    </message>
    <message numerus="yes">
        <source>%n daily flower(s)</source>
        <translation>
            <numerusform>%n daglig blomma</numerusform>
            <numerusform>%n dagliga blommor</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Allt är aktuellt</translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s)</source>
        <translation>
            <numerusform>%n prediktion</numerusform>
            <numerusform>%n prediktioner</numerusform>
        </translation>
    </message>
    <message>
        <source>{text}; {predictions} pending: the active model cannot be used</source>
        <translation>{text}; {predictions} väntar: den aktiva modellen kan inte användas</translation>
    </message>
    <message>
        <source>{text}; {predictions} pending: no active model</source>
        <translation>{text}; {predictions} väntar: ingen aktiv modell</translation>
    </message>
    <message>
        <source>&amp;Catch up now</source>
        <translation>&amp;Ta igen nu</translation>
    </message>
    <message>
        <source>Generate and predict every missed day</source>
        <translation>Generera och prediktera varje missad dag</translation>
    </message>
    <message>
        <source>Catching up…</source>
        <translation>Tar igen…</translation>
    </message>
    <message>
        <source>The active model cannot be used</source>
        <translation>Den aktiva modellen kan inte användas</translation>
    </message>
    <message>
        <source>{reason}

The daily flowers were generated; their predictions wait for a usable model. Train one (Pipelines ▸ Train default model) or choose another (Pipelines ▸ Active model).</source>
        <translation>{reason}

De dagliga blommorna genererades; deras prediktioner väntar på en användbar modell. Träna en (Pipelines ▸ Träna standardmodellen) eller välj en annan (Pipelines ▸ Aktiv modell).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln dag</numerusform>
            <numerusform>%Ln dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>{days} not caught up yet: Pipelines ▸ Catch up now (F5)</source>
        <translation>{days} har inte tagits igen ännu: Pipelines ▸ Ta igen nu (F5)</translation>
    </message>
    <message>
        <source>Catch up more than a year?</source>
        <translation>Ta igen mer än ett år?</translation>
    </message>
    <message>
        <source>The last daily flower is from {last}: {days} have passed since. Catching up generates and predicts a flower for each of them (stored days are never changed).</source>
        <translation>Den senaste dagliga blomman är från {last}: {days} har gått sedan dess. Att ta igen genererar och predikterar en blomma för var och en av dem (lagrade dagar ändras aldrig).</translation>
    </message>
    <message>
        <source>Catch up {days}</source>
        <translation>Ta igen {days}</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
    <message>
        <source>Removing days after today…</source>
        <translation>Tar bort dagar efter i dag…</translation>
    </message>
    <message>
        <source>Removed {days} stored after today</source>
        <translation>Tog bort {days} lagrade efter i dag</translation>
    </message>
    <message>
        <source>{count} stored days lie after today</source>
        <translation>{count} lagrade dagar ligger efter i dag</translation>
    </message>
    <message>
        <source>Days stored after today</source>
        <translation>Dagar lagrade efter i dag</translation>
    </message>
    <message>
        <source>Remove them</source>
        <translation>Ta bort dem</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behåll dem</translation>
    </message>
    <message>
        <source>nothing new: the one row is already stored</source>
        <translation>inget nytt: den enda raden är redan lagrad</translation>
    </message>
    <message>
        <source>nothing new: all {rows} are already stored</source>
        <translation>inget nytt: alla {rows} är redan lagrade</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed {flowers}</source>
        <translation>Tog bort {flowers}</translation>
    </message>
    <message numerus="yes">
        <source>%n imported flower(s)</source>
        <translation>
            <numerusform>%n importerad blomma</numerusform>
            <numerusform>%n importerade blommor</numerusform>
        </translation>
    </message>
    <message>
        <source>{text}; model {versions} was trained on them and keep working as trained (retrain to leave them out)</source>
        <translation>{text}; modell {versions} tränades på dem och fungerar vidare som tränad (träna om för att utesluta dem)</translation>
    </message>
    <message>
        <source>{text}; models {versions} were trained on them and keep working as trained (retrain to leave them out)</source>
        <translation>{text}; modellerna {versions} tränades på dem och fungerar vidare som tränade (träna om för att utesluta dem)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importera CSV…</translation>
    </message>
    <message>
        <source>Add flowers from a CSV file: see what it holds first, then import all rows or none</source>
        <translation>Lägg till blommor från en CSV-fil: se först vad den innehåller, importera sedan alla rader eller ingen</translation>
    </message>
    <message>
        <source>&amp;Remove an import…</source>
        <translation>&amp;Ta bort en import…</translation>
    </message>
    <message>
        <source>Take the flowers of one import back out of the store</source>
        <translation>Ta ut blommorna från en import ur lagret igen</translation>
    </message>
    <message>
        <source>&amp;Backfill bundled data</source>
        <translation>&amp;Lagra medföljande data</translation>
    </message>
    <message>
        <source>Store the bundled 150 flowers (once)</source>
        <translation>Lagra de 150 medföljande blommorna (en gång)</translation>
    </message>
    <message>
        <source>Stored {flowers}</source>
        <translation>Lagrade {flowers}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundled flower(s)</source>
        <translation>
            <numerusform>%Ln medföljande blomma</numerusform>
            <numerusform>%Ln medföljande blommor</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundled data set was already stored</source>
        <translation>Den medföljande datamängden var redan lagrad</translation>
    </message>
    <message>
        <source>Storing the bundled data set…</source>
        <translation>Lagrar den medföljande datamängden…</translation>
    </message>
    <message>
        <source>Import flowers from CSV</source>
        <translation>Importera blommor från CSV</translation>
    </message>
    <message>
        <source>CSV and text files</source>
        <translation>CSV- och textfiler</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alla filer</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Läser {file}…</translation>
    </message>
    <message>
        <source>Read {flowers} from {file}: nothing imported yet</source>
        <translation>Läste {flowers} från {file}: inget importerat ännu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln flower(s)</source>
        <translation>
            <numerusform>%Ln blomma</numerusform>
            <numerusform>%Ln blommor</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of {file} cancelled: nothing was written</source>
        <translation>Importen av {file} avbröts: inget skrevs</translation>
    </message>
    <message>
        <source>{file}: {reason}; no batch was recorded</source>
        <translation>{file}: {reason}; ingen omgång registrerades</translation>
    </message>
    <message>
        <source>; skipped {rows} repeating stored flowers</source>
        <translation>; hoppade över {rows} som upprepar lagrade blommor</translation>
    </message>
    <message>
        <source>. The active model was trained before them: train a new one to include them (Pipelines ▸ Train default model, or the Train tab)</source>
        <translation>. Den aktiva modellen tränades före dem: träna en ny för att ta med dem (Pipelines ▸ Träna standardmodellen, eller fliken Träna)</translation>
    </message>
    <message>
        <source>Imported {flowers} from {file} ({counts}){skipped}{advice}</source>
        <translation>Importerade {flowers} från {file} ({counts}){skipped}{advice}</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importerar {file}…</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>what failed</comment>
        <translation>Importen</translation>
    </message>
    <message>
        <source>Reading the imports…</source>
        <translation>Läser importerna…</translation>
    </message>
    <message>
        <source>Remove an import</source>
        <translation>Ta bort en import</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>Inget har importerats ännu.</translation>
    </message>
    <message>
        <source>{file} · batch {id} · {time} UTC · {flowers}</source>
        <translation>{file} · omgång {id} · {time} UTC · {flowers}</translation>
    </message>
    <message>
        <source>Import to remove (its flowers only):</source>
        <translation>Import att ta bort (bara dess blommor):</translation>
    </message>
    <message>
        <source>Remove the {flowers} imported from {file} (batch {id})?</source>
        <translation>Ta bort de {flowers} som importerades från {file} (omgång {id})?</translation>
    </message>
    <message>
        <source>

Model(s) {versions} were trained on them; they keep working as trained (retrain to leave these flowers out).</source>
        <translation>

Modell(er) {versions} tränades på dem; de fungerar vidare som tränade (träna om för att utesluta de här blommorna).</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Removing batch {id}…</source>
        <translation>Tar bort omgång {id}…</translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation>&amp;Exportera historik…</translation>
    </message>
    <message>
        <source>Save every daily prediction (as predicted at the time) as CSV</source>
        <translation>Spara varje daglig prediktion (som den predikterades då) som CSV</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exportera historik</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV-filer</translation>
    </message>
    <message>
        <source>Exporting the history…</source>
        <translation>Exporterar historiken…</translation>
    </message>
    <message>
        <source>Exported {predictions} to {path}</source>
        <translation>Exporterade {predictions} till {path}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln prediction(s)</source>
        <translation>
            <numerusform>%Ln prediktion</numerusform>
            <numerusform>%Ln prediktioner</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Train default model</source>
        <translation>Träna &amp;standardmodellen</translation>
    </message>
    <message>
        <source>KNN, k=5, seed 42; activated</source>
        <translation>KNN, k=5, frö 42; aktiveras</translation>
    </message>
    <message>
        <source>&amp;Active model</source>
        <translation>&amp;Aktiv modell</translation>
    </message>
    <message>
        <source>Training the default model…</source>
        <translation>Tränar standardmodellen…</translation>
    </message>
    <message>
        <source>Retraining model v{version}…</source>
        <translation>Tränar om modell v{version}…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Tränar…</translation>
    </message>
    <message>
        <source>Trained and activated: {model}</source>
        <translation>Tränade och aktiverade: {model}</translation>
    </message>
    <message>
        <source>Trained and registered: {model}</source>
        <translation>Tränade och registrerade: {model}</translation>
    </message>
    <message>
        <source>Model v{version} is active; it predicted {flowers}</source>
        <translation>Modell v{version} är aktiv; den predikterade {flowers}</translation>
    </message>
    <message>
        <source>Model v{version} is active</source>
        <translation>Modell v{version} är aktiv</translation>
    </message>
    <message>
        <source>Activation</source>
        <comment>what failed</comment>
        <translation>Aktiveringen</translation>
    </message>
    <message>
        <source>Model v{version} was not activated</source>
        <translation>Modell v{version} aktiverades inte</translation>
    </message>
    <message>
        <source>The model cannot be used</source>
        <translation>Modellen kan inte användas</translation>
    </message>
    <message>
        <source>Activating model v{version}…</source>
        <translation>Aktiverar modell v{version}…</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>Inga modeller ännu</translation>
    </message>
    <message>
        <source>Model saved with another scikit-learn</source>
        <translation>Modellen sparades med en annan scikit-learn</translation>
    </message>
    <message>
        <source>Retrain now</source>
        <translation>Träna om nu</translation>
    </message>
    <message>
        <source>&amp;Schedule daily run…</source>
        <translation>Schemalägg &amp;daglig körning…</translation>
    </message>
    <message>
        <source>Run the daily catch-up every day from the system&apos;s scheduler, even when the app is closed</source>
        <translation>Kör den dagliga ikapphämtningen varje dag från systemets schemaläggare, även när appen är stängd</translation>
    </message>
    <message>
        <source>Run the daily pipeline even when the app is closed?</source>
        <translation>Köra den dagliga pipelinen även när appen är stängd?</translation>
    </message>
    <message>
        <source>{question}

Iris Desktop catches up every missed day when it starts. The system&apos;s scheduler can also run the daily catch-up every day with the app closed; you will see what it installs first (Pipelines ▸ Schedule daily run… does this at any time).</source>
        <translation>{question}

Iris Desktop tar igen varje missad dag när den startar. Systemets schemaläggare kan också köra den dagliga ikapphämtningen varje dag med appen stängd; du får först se vad den installerar (Pipelines ▸ Schemalägg daglig körning… gör detta när som helst).</translation>
    </message>
    <message>
        <source>Show the schedule…</source>
        <translation>Visa schemat…</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Export lab &amp;report…</source>
        <translation>Exportera &amp;labbrapport…</translation>
    </message>
    <message>
        <source>One HTML or PDF file to hand in: the data, the model, the daily pipeline, the monitor and the worst days explained</source>
        <translation>En HTML- eller PDF-fil att lämna in: data, modellen, den dagliga pipelinen, övervakningen och de sämsta dagarna förklarade</translation>
    </message>
    <message>
        <source>Gathering the lab report…</source>
        <translation>Sammanställer labbrapporten…</translation>
    </message>
    <message>
        <source>Wrote the lab report to {path}</source>
        <translation>Skrev labbrapporten till {path}</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>Rapporten kunde inte skrivas.</translation>
    </message>
    <message>
        <source>Lab report</source>
        <comment>what failed</comment>
        <translation>Labbrapporten</translation>
    </message>
    <message>
        <source>Lab report cancelled: nothing was written</source>
        <translation>Labbrapporten avbröts: inget skrevs</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>S&amp;ystemets språk</translation>
    </message>
    <message>
        <source>The language of the window; the command line stays in English</source>
        <translation>Fönstrets språk; kommandoraden förblir på engelska</translation>
    </message>
    <message>
        <source>Iris Desktop will be in {language} the next time it starts.</source>
        <translation>Iris Desktop visas på {language} nästa gång den startar.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The data folder cannot be used</source>
        <translation>Datamappen kan inte användas</translation>
    </message>
    <message>
        <source>{problem}.

Iris Desktop will close.</source>
        <translation>{problem}.

Iris Desktop stängs.</translation>
    </message>
    <message>
        <source>Iris Desktop is already running</source>
        <translation>Iris Desktop körs redan</translation>
    </message>
    <message>
        <source>Another Iris Desktop uses {folder} and did not answer.</source>
        <translation>En annan Iris Desktop använder {folder} och svarade inte.</translation>
    </message>
    <message>
        <source>Web page, self-contained</source>
        <translation>Webbsida, fristående</translation>
    </message>
    <message>
        <source>Export lab report</source>
        <translation>Exportera labbrapport</translation>
    </message>
    <message>
        <source>A .html file (one self-contained page, images inline) or a .pdf</source>
        <translation>En .html-fil (en fristående sida med bilderna inbäddade) eller en .pdf</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>B&amp;läddra…</translation>
    </message>
    <message>
        <source>Choose the report&apos;s file</source>
        <translation>Välj rapportens fil</translation>
    </message>
    <message>
        <source>From the &amp;first day</source>
        <translation>Från första &amp;dagen</translation>
    </message>
    <message>
        <source>&amp;Open in the browser when done</source>
        <translation>&amp;Öppna i webbläsaren när den är klar</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Frå&amp;n:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation>Rapportens förlopp</translation>
    </message>
    <message>
        <source>The data, the model, the daily pipeline, the monitor and the worst days explained.</source>
        <translation>Datan, modellen, den dagliga pipelinen, övervakningen och de sämsta dagarna förklarade.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The first day ({start}) is after the last ({end}).</source>
        <translation>Den första dagen ({start}) ligger efter den sista ({end}).</translation>
    </message>
    <message>
        <source>Say where to write the report.</source>
        <translation>Ange var rapporten ska skrivas.</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Skrev {path}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Avbrutet: ingenting skrevs.</translation>
    </message>
    <message>
        <source>daily</source>
        <comment>why a backup was made</comment>
        <translation>daglig</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>före en uppdatering</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>före en återställning</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>gjord för hand</translation>
    </message>
    <message>
        <source>{made} ({why}): {flowers}, {models}</source>
        <translation>{made} ({why}): {flowers}, {models}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln model(s)</source>
        <translation>
            <numerusform>%Ln modell</numerusform>
            <numerusform>%Ln modeller</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <source>Reading the backups in {folder}…</source>
        <translation>Läser säkerhetskopiorna i {folder}…</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gjord</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Flowers</source>
        <translation>Blommor</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modeller</translation>
    </message>
    <message>
        <source>The data you have now is backed up first (&quot;{reason}&quot;): restoring that one undoes this.</source>
        <translation>Den data du har nu säkerhetskopieras först (”{reason}”): att återställa den kopian ångrar det här.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Annan fil…</translation>
    </message>
    <message>
        <source>Choose the backup to restore; the newest is first.</source>
        <translation>Välj säkerhetskopian att återställa; den nyaste står först.</translation>
    </message>
    <message>
        <source>There is no backup in the backups folder yet (one is made each day the app or {command} runs). &quot;{other}&quot; restores one from elsewhere.</source>
        <translation>Det finns ingen säkerhetskopia i mappen för säkerhetskopior än (en görs varje dag som appen eller {command} körs). ”{other}” återställer en från annat håll.</translation>
    </message>
    <message>
        <source>the backup made {backup}</source>
        <translation>säkerhetskopian gjord {backup}</translation>
    </message>
    <message>
        <source>Replace the flowers, models and predictions with those of {what}?

The data you have now is backed up first.</source>
        <translation>Ersätta blommorna, modellerna och prediktionerna med dem i {what}?

Den data du har nu säkerhetskopieras först.</translation>
    </message>
    <message>
        <source>This backup was written by another Iris Desktop installation (or a version that did not record which): its flowers, models and history would replace yours.</source>
        <translation>Den här säkerhetskopian skrevs av en annan installation av Iris Desktop (eller av en version som inte registrerade vilken): dess blommor, modeller och historik skulle ersätta dina.</translation>
    </message>
    <message>
        <source>{problem}.

Nothing was changed. Iris Desktop will close.</source>
        <translation>{problem}.

Ingenting ändrades. Iris Desktop stängs.</translation>
    </message>
    <message>
        <source>Moving the damaged file aside…</source>
        <translation>Flyttar undan den skadade filen…</translation>
    </message>
    <message>
        <source>{problem}.

The data now is backed up first.</source>
        <translation>{problem}.

Den nuvarande datan säkerhetskopieras först.</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>Databasen kan inte användas</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Databasen kan inte öppnas</translation>
    </message>
    <message>
        <source>{problem}.

The damaged file was kept as {path}.</source>
        <translation>{problem}.

Den skadade filen sparades som {path}.</translation>
    </message>
    <message>
        <source>{problem}.

The damaged file was kept as {path}.

A new database was started; the bundled data set and a default model will be set up again. File ▸ Restore from backup… brings back a backup.</source>
        <translation>{problem}.

Den skadade filen sparades som {path}.

En ny databas startades; det medföljande datasetet och en standardmodell ställs in på nytt. Arkiv ▸ Återställ från säkerhetskopia… hämtar tillbaka en säkerhetskopia.</translation>
    </message>
    <message>
        <source>The database was damaged</source>
        <translation>Databasen var skadad</translation>
    </message>
    <message>
        <source>Restore the newest backup, {backup}?</source>
        <translation>Återställa den nyaste säkerhetskopian, {backup}?</translation>
    </message>
    <message>
        <source>Restore a backup?</source>
        <translation>Återställa en säkerhetskopia?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>Återställ inte</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>Letar efter säkerhetskopior…</translation>
    </message>
    <message>
        <source>No backup could be restored</source>
        <translation>Ingen säkerhetskopia kunde återställas</translation>
    </message>
    <message>
        <source>Restoring the newest backup…</source>
        <translation>Återställer den nyaste säkerhetskopian…</translation>
    </message>
    <message>
        <source>The database could not be recovered</source>
        <translation>Databasen kunde inte räddas</translation>
    </message>
    <message>
        <source>Backfill</source>
        <comment>what failed</comment>
        <translation>Lagringen av den medföljande datamängden</translation>
    </message>
    <message>
        <source>Backtest</source>
        <comment>what failed</comment>
        <translation>Bakåttestet</translation>
    </message>
    <message>
        <source>Backup</source>
        <comment>what failed</comment>
        <translation>Säkerhetskopieringen</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <comment>what failed</comment>
        <translation>Ikapphämtningen</translation>
    </message>
    <message>
        <source>Explain</source>
        <comment>what failed</comment>
        <translation>Förklaringen</translation>
    </message>
    <message>
        <source>Export</source>
        <comment>what failed</comment>
        <translation>Exporten</translation>
    </message>
    <message>
        <source>History</source>
        <comment>what failed</comment>
        <translation>Historiken</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>what failed</comment>
        <translation>Uppdateringen</translation>
    </message>
    <message>
        <source>Removal</source>
        <comment>what failed</comment>
        <translation>Borttagningen</translation>
    </message>
    <message>
        <source>Report</source>
        <comment>what failed</comment>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>Start-up</source>
        <comment>what failed</comment>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Training</source>
        <comment>what failed</comment>
        <translation>Träningen</translation>
    </message>
    <message>
        <source>{work}: what followed failed</source>
        <translation>{work}: det som följde misslyckades</translation>
    </message>
    <message>
        <source>Starting up…</source>
        <translation>Startar…</translation>
    </message>
    <message>
        <source>First run: stored the Iris data set, trained the default model and simulated {days} days of daily history ({first} to {last})</source>
        <translation>Första körningen: lagrade Iris-datamängden, tränade standardmodellen och simulerade {days} dagars daglig historik ({first} till {last})</translation>
    </message>
    <message>
        <source>Model files updated</source>
        <translation>Modellfilerna uppdaterades</translation>
    </message>
    <message>
        <source>The database needs attention</source>
        <translation>Databasen behöver åtgärdas</translation>
    </message>
    <message>
        <source>Start-up failed</source>
        <translation>Starten misslyckades</translation>
    </message>
    <message>
        <source>Forgetting the recovery notice…</source>
        <translation>Glömmer återställningsmeddelandet…</translation>
    </message>
    <message>
        <source>The recovery notice will not be shown again</source>
        <translation>Återställningsmeddelandet visas inte igen</translation>
    </message>
    <message>
        <source>The {tab} tab could not be built</source>
        <translation>Fliken {tab} kunde inte byggas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Pipelines</source>
        <translation>&amp;Pipelines</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>ingen filändelse</translation>
    </message>
    <message>
        <source>{file}: a report is written as .html or .pdf, not {suffix}</source>
        <translation>{file}: en rapport skrivs som .html eller .pdf, inte {suffix}</translation>
    </message>
    <message>
        <source>cannot write {file}: the folder {folder} does not exist</source>
        <translation>kan inte skriva {file}: mappen {folder} finns inte</translation>
    </message>
    <message>
        <source>cannot write {file}: {problem}</source>
        <translation>kan inte skriva {file}: {problem}</translation>
    </message>
    <message>
        <source>the PDF writer wrote nothing to {file}</source>
        <translation>PDF-skrivaren skrev ingenting till {file}</translation>
    </message>
    <message>
        <source>the report was cancelled; nothing was written</source>
        <translation>rapporten avbröts; ingenting skrevs</translation>
    </message>
    <message>
        <source>Drawing the report&apos;s pictures…</source>
        <translation>Ritar rapportens bilder…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Skriver rapporten…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Predicted: {variety}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Predikterad: {variety}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Actually: {variety}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Egentligen: {variety}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>{what} failed</source>
        <translation>{what} misslyckades</translation>
    </message>
    <message>
        <source>{message}

(This happened {times} times.)</source>
        <translation>{message}

(Det här hände {times} gånger.)</translation>
    </message>
    <message>
        <source>The app is still running. The details are also in the log ({log}).</source>
        <translation>Appen körs fortfarande. Detaljerna finns också i loggen ({log}).</translation>
    </message>
    <message>
        <source>{message}.

Quit and start Iris Desktop again: the damaged file is then moved aside and the newest backup offered. (File ▸ Restore from backup… restores one now.)</source>
        <translation>{message}.

Avsluta och starta Iris Desktop igen: den skadade filen flyttas då undan och den nyaste säkerhetskopian erbjuds. (Arkiv ▸ Återställ från säkerhetskopia… återställer en nu.)</translation>
    </message>
    <message>
        <source>Nothing was imported.

{message}</source>
        <translation>Inget importerades.

{message}</translation>
    </message>
    <message>
        <source>Waiting for another Iris Desktop process to finish writing…</source>
        <translation>Väntar på att en annan Iris Desktop-process ska skriva klart…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Kontrollerar databasen…</translation>
    </message>
    <message>
        <source>Updating the database (schema {old} to {new}; a backup is made first)…</source>
        <translation>Uppdaterar databasen (schema {old} till {new}; en säkerhetskopia görs först)…</translation>
    </message>
    <message>
        <source>Loading scikit-learn and plotting…</source>
        <translation>Läser in scikit-learn och diagramverktygen…</translation>
    </message>
    <message>
        <source>Importing {rows}…</source>
        <translation>Importerar {rows}…</translation>
    </message>
    <message>
        <source>Model v{version} was activated elsewhere</source>
        <translation>Modell v{version} aktiverades någon annanstans</translation>
    </message>
    <message>
        <source>The active model was removed elsewhere</source>
        <translation>Den aktiva modellen togs bort någon annanstans</translation>
    </message>
    <message>
        <source>model {versions} registered elsewhere</source>
        <translation>modell {versions} registrerades någon annanstans</translation>
    </message>
    <message>
        <source>the generator of the days to come was changed elsewhere</source>
        <translation>generatorn för kommande dagar ändrades någon annanstans</translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) added</source>
        <translation>
            <numerusform>%n prediktion tillagd</numerusform>
            <numerusform>%n prediktioner tillagda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) removed</source>
        <translation>
            <numerusform>%n prediktion borttagen</numerusform>
            <numerusform>%n prediktioner borttagna</numerusform>
        </translation>
    </message>
    <message>
        <source>{changes} (by another program)</source>
        <translation>{changes} (av ett annat program)</translation>
    </message>
    <message numerus="yes">
        <source>%n new daily flower(s)</source>
        <translation>
            <numerusform>%n ny daglig blomma</numerusform>
            <numerusform>%n nya dagliga blommor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flower(s) imported</source>
        <translation>
            <numerusform>%n blomma importerad</numerusform>
            <numerusform>%n blommor importerade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundled flower(s) stored</source>
        <translation>
            <numerusform>%n medföljande blomma lagrad</numerusform>
            <numerusform>%n medföljande blommor lagrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daily flower(s) removed</source>
        <translation>
            <numerusform>%n daglig blomma borttagen</numerusform>
            <numerusform>%n dagliga blommor borttagna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import flower(s) removed</source>
        <translation>
            <numerusform>%n importerad blomma borttagen</numerusform>
            <numerusform>%n importerade blommor borttagna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backfill flower(s) removed</source>
        <translation>
            <numerusform>%n återfylld blomma borttagen</numerusform>
            <numerusform>%n återfyllda blommor borttagna</numerusform>
        </translation>
    </message>
    <message>
        <source>the activation already running</source>
        <translation>aktiveringen som redan pågår</translation>
    </message>
    <message>
        <source>the backfill already running</source>
        <translation>återfyllnaden som redan pågår</translation>
    </message>
    <message>
        <source>the backtest already running</source>
        <translation>bakåttestet som redan pågår</translation>
    </message>
    <message>
        <source>the backup already running</source>
        <translation>säkerhetskopieringen som redan pågår</translation>
    </message>
    <message>
        <source>the catch-up already running</source>
        <translation>upphämtningen som redan pågår</translation>
    </message>
    <message>
        <source>the copy-data already running</source>
        <translation>kopieringen av data som redan pågår</translation>
    </message>
    <message>
        <source>the daily-settings already running</source>
        <translation>ändringen av de dagliga inställningarna som redan pågår</translation>
    </message>
    <message>
        <source>the export already running</source>
        <translation>exporten som redan pågår</translation>
    </message>
    <message>
        <source>the import already running</source>
        <translation>importen som redan pågår</translation>
    </message>
    <message>
        <source>the model-delete already running</source>
        <translation>borttagningen av en modell som redan pågår</translation>
    </message>
    <message>
        <source>the recovery-note already running</source>
        <translation>kvitteringen av återställningen som redan pågår</translation>
    </message>
    <message>
        <source>the removal already running</source>
        <translation>borttagningen som redan pågår</translation>
    </message>
    <message>
        <source>the report already running</source>
        <translation>labbrapporten som redan skapas</translation>
    </message>
    <message>
        <source>the start-up already running</source>
        <translation>starten som redan pågår</translation>
    </message>
    <message>
        <source>the training already running</source>
        <translation>träningen som redan pågår</translation>
    </message>
    <message>
        <source>the validation-curve already running</source>
        <translation>valideringskurvan som redan beräknas</translation>
    </message>
    <message>
        <source>the {lane} already running</source>
        <translation>{lane} som redan pågår</translation>
    </message>
    <message>
        <source>{task}: waiting for {running} ({count} waiting)</source>
        <translation>{task}: väntar på {running} ({count} väntar)</translation>
    </message>
    <message>
        <source>{task}: waiting for {running}</source>
        <translation>{task}: väntar på {running}</translation>
    </message>
    <message>
        <source>Cancelled: {task}</source>
        <translation>Avbrutet: {task}</translation>
    </message>
    <message>
        <source>Loading {tab}…</source>
        <translation>Läser in {tab}…</translation>
    </message>
    <message>
        <source>Stop the work in progress (what is done so far is kept only if it is whole)</source>
        <translation>Stoppa det pågående arbetet (det som hunnit göras behålls bara om det är helt)</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Läser in modellen…</translation>
    </message>
    <message>
        <source>The active model (Pipelines ▸ Train default model to make one)</source>
        <translation>Den aktiva modellen (Pipelines ▸ Träna standardmodellen skapar en)</translation>
    </message>
    <message>
        <source>Cancelling: {work}…</source>
        <translation>Avbryter: {work}…</translation>
    </message>
    <message>
        <source>No active model</source>
        <translation>Ingen aktiv modell</translation>
    </message>
    <message>
        <source>Active model v{version} · {algorithm}</source>
        <translation>Aktiv modell v{version} · {algorithm}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ingen ännu</translation>
    </message>
    <message>
        <source>✓ right:</source>
        <translation>✓ rätt:</translation>
    </message>
    <message>
        <source>✗ wrong:</source>
        <translation>✗ fel:</translation>
    </message>
    <message>
        <source>{verdict} {variety} · model v{version} · {probability:.0%}</source>
        <translation>{verdict} {variety} · modell v{version} · {probability:.0%}</translation>
    </message>
    <message>
        <source>no variety of it makes such a flower (a value was raised to 0.1 cm)</source>
        <translation>ingen av dess sorter ger en sådan blomma (ett värde höjdes till 0,1 cm)</translation>
    </message>
    <message>
        <source>{variety} {share:.0%}</source>
        <translation>{variety} {share:.0%}</translation>
    </message>
    <message>
        <source>{shares} · a hard day: its varieties overlap here</source>
        <translation>{shares} · en svår dag: dess sorter överlappar här</translation>
    </message>
    <message>
        <source>The day&apos;s flower</source>
        <translation>Dagens blomma</translation>
    </message>
    <message>
        <source>P(variety | flower) under the generator that made the day, the varieties drawn equally often: where its varieties overlap, even a perfect model is unsure</source>
        <translation>P(sort | blomma) under generatorn som skapade dagen, med sorterna dragna lika ofta: där dess sorter överlappar är även en perfekt modell osäker</translation>
    </message>
    <message>
        <source>Active model</source>
        <translation>Aktiv modell</translation>
    </message>
    <message>
        <source>Generator says</source>
        <translation>Generatorn säger</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}:</translation>
    </message>
    <message>
        <source>The variety the generator drew for this day: the true label</source>
        <translation>Sorten som generatorn drog för den här dagen: den sanna etiketten</translation>
    </message>
    <message>
        <source>The prediction made for this day when it was caught up (the monitor as it happened)</source>
        <translation>Prediktionen som gjordes för den här dagen när den togs igen (övervakningen som den skedde)</translation>
    </message>
    <message>
        <source>{date} · today</source>
        <translation>{date} · i dag</translation>
    </message>
    <message>
        <source>{date} · yesterday</source>
        <translation>{date} · i går</translation>
    </message>
    <message>
        <source>{value:.1f} cm</source>
        <translation>{value:.1f} cm</translation>
    </message>
    <message>
        <source>none yet: the active model has not caught up</source>
        <translation>ingen ännu: den aktiva modellen har inte tagit igen</translation>
    </message>
    <message>
        <source>none yet: no active model</source>
        <translation>ingen ännu: ingen aktiv modell</translation>
    </message>
    <message>
        <source>not recorded (stored before this version recorded generators, and no known generator makes it again)</source>
        <translation>inte registrerad (lagrad innan den här versionen registrerade generatorer, och ingen känd generator skapar den igen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{generator}&lt;/b&gt;, on {basis}</source>
        <translation>&lt;b&gt;{generator}&lt;/b&gt;, på {basis}</translation>
    </message>
    <message>
        <source>{generator} (the days to come use another)</source>
        <translation>{generator} (kommande dagar använder en annan)</translation>
    </message>
    <message>
        <source>▭ box: its bounds</source>
        <translation>▭ låda: dess gränser</translation>
    </message>
    <message>
        <source>◯ ellipse: 95 % of its flowers</source>
        <translation>◯ ellips: 95&#xa0;% av dess blommor</translation>
    </message>
    <message>
        <source>stored flowers</source>
        <translation>lagrade blommor</translation>
    </message>
    <message>
        <source>daily flowers</source>
        <translation>dagliga blommor</translation>
    </message>
    <message>
        <source>wrongly predicted</source>
        <translation>felaktigt predikterad</translation>
    </message>
    <message>
        <source>the day shown</source>
        <translation>den visade dagen</translation>
    </message>
    <message>
        <source>generator {shape}</source>
        <translation>generator {shape}</translation>
    </message>
    <message>
        <source>Generator and daily flowers over {x} and {y}</source>
        <translation>Generator och dagliga blommor över {x} och {y}</translation>
    </message>
    <message>
        <source>The generator, over the stored flowers</source>
        <translation>Generatorn, över de lagrade blommorna</translation>
    </message>
    <message>
        <source>The day&apos;s generator</source>
        <translation>Dagens generator</translation>
    </message>
    <message>
        <source>The days to come&apos;s generator</source>
        <translation>Kommande dagars generator</translation>
    </message>
    <message>
        <source>Draw the generator that made the day shown, or the one that will make the days not yet stored</source>
        <translation>Rita generatorn som skapade den visade dagen, eller den som ska skapa de dagar som ännu inte är lagrade</translation>
    </message>
    <message>
        <source>&amp;Generator drawn:</source>
        <translation>&amp;Generator som ritas:</translation>
    </message>
    <message>
        <source>Only the days it &amp;made</source>
        <translation>&amp;Bara dagarna den skapade</translation>
    </message>
    <message>
        <source>Draw only the daily flowers this generator made (days made by another generator are hidden)</source>
        <translation>Rita bara de dagliga blommor som den här generatorn skapade (dagar från en annan generator döljs)</translation>
    </message>
    <message>
        <source>The features of the second plot</source>
        <translation>Måtten i det andra diagrammet</translation>
    </message>
    <message>
        <source>Second plo&amp;t:</source>
        <translation>Andra diagra&amp;mmet:</translation>
    </message>
    <message>
        <source>Export p&amp;lot…</source>
        <translation>E&amp;xportera diagram…</translation>
    </message>
    <message>
        <source>Save a plot as PNG or SVG</source>
        <translation>Spara ett diagram som PNG eller SVG</translation>
    </message>
    <message>
        <source>Petal length × petal width…</source>
        <translation>Kronbladets längd × kronbladets bredd…</translation>
    </message>
    <message>
        <source>The second plot…</source>
        <translation>Det andra diagrammet…</translation>
    </message>
    <message>
        <source>Click a daily flower (◆) to show its day</source>
        <translation>Klicka på en daglig blomma (◆) för att visa dess dag</translation>
    </message>
    <message>
        <source>Petal length × petal width</source>
        <translation>Kronbladets längd × kronbladets bredd</translation>
    </message>
    <message>
        <source>SL</source>
        <translation>FL</translation>
    </message>
    <message>
        <source>SW</source>
        <translation>FB</translation>
    </message>
    <message>
        <source>PL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>PW</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Smallest value drawn (cm)</source>
        <translation>Minsta värde som dras (cm)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Largest value drawn (cm)</source>
        <translation>Största värde som dras (cm)</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Bredd</translation>
    </message>
    <message>
        <source>Max − min (cm): every value in it equally likely</source>
        <translation>Max − min (cm): varje värde däremellan lika sannolikt</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>The variety&apos;s mean (cm)</source>
        <translation>Sortens medelvärde (cm)</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>Standard deviation (cm)</source>
        <translation>Standardavvikelse (cm)</translation>
    </message>
    <message>
        <source>r {feature}</source>
        <translation>r {feature}</translation>
    </message>
    <message>
        <source>Correlation with {feature} (within the variety): the full covariance keeps flowers shaped like real ones</source>
        <translation>Korrelation med {feature} (inom sorten): den fullständiga kovariansen ger blommor formade som riktiga</translation>
    </message>
    <message>
        <source>Generator parameters</source>
        <translation>Generatorns parametrar</translation>
    </message>
    <message>
        <source>The generator of this day was not recorded.</source>
        <translation>Den här dagens generator registrerades inte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{generator}&lt;/b&gt;: made {made:,} of the {total:,} stored days; makes the days to come (from {day}).</source>
        <translation>&lt;b&gt;{generator}&lt;/b&gt;: skapade {made:,} av de {total:,} lagrade dagarna; skapar kommande dagar (från {day}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{generator}&lt;/b&gt;: made {made:,} of the {total:,} stored days.</source>
        <translation>&lt;b&gt;{generator}&lt;/b&gt;: skapade {made:,} av de {total:,} lagrade dagarna.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{generator}&lt;/b&gt;: has made no stored day yet; makes the days to come (from {day}).</source>
        <translation>&lt;b&gt;{generator}&lt;/b&gt;: har inte skapat någon lagrad dag ännu; skapar kommande dagar (från {day}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{generator}&lt;/b&gt;: has made no stored day yet.</source>
        <translation>&lt;b&gt;{generator}&lt;/b&gt;: har inte skapat någon lagrad dag ännu.</translation>
    </message>
    <message>
        <source>Not done: {error}</source>
        <translation>Inte gjort: {error}</translation>
    </message>
    <message>
        <source>Daily pipeline</source>
        <translation>Daglig pipeline</translation>
    </message>
    <message>
        <source>Changing the generator…</source>
        <translation>Byter generator…</translation>
    </message>
    <message>
        <source>Measuring the stored flowers…</source>
        <translation>Mäter de lagrade blommorna…</translation>
    </message>
    <message>
        <source>From {day} on, days are made by “{generator}”; the {stored:,} stored days keep the generator that made them.</source>
        <translation>Från och med {day} skapas dagarna av ”{generator}”; de {stored:,} lagrade dagarna behåller generatorn som skapade dem.</translation>
    </message>
    <message>
        <source>Extending the daily history…</source>
        <translation>Utökar den dagliga historiken…</translation>
    </message>
    <message>
        <source>Generating the days from {day}…</source>
        <translation>Genererar dagarna från {day}…</translation>
    </message>
    <message>
        <source>Stopped: the days stored so far stay, without a gap.</source>
        <translation>Stoppad: de dagar som hittills lagrats finns kvar, utan lucka.</translation>
    </message>
    <message>
        <source>Added {days:,} days from {first} to {last}</source>
        <translation>Lade till {days:,} dagar från {first} till {last}</translation>
    </message>
    <message>
        <source>No day to add</source>
        <translation>Ingen dag att lägga till</translation>
    </message>
    <message>
        <source>{added}, {predicted:,} predicted by model v{version}</source>
        <translation>{added}, {predicted:,} predikterade av modell v{version}</translation>
    </message>
    <message>
        <source>{added}; {pending:,} predictions pending (no usable active model)</source>
        <translation>{added}; {pending:,} prediktioner väntar (ingen användbar aktiv modell)</translation>
    </message>
    <message>
        <source>A multivariate normal per variety, fitted to the stored flowers with its full covariance: generated flowers keep the shape of real ones (long petals are wide). Values stay positive and are rounded to 0.1 cm, as measured.</source>
        <translation>En multivariat normalfördelning per sort, anpassad till de lagrade blommorna med full kovarians: genererade blommor behåller formen hos riktiga (långa kronblad är breda). Värdena förblir positiva och avrundas till 0,1 cm, som vid mätning.</translation>
    </message>
    <message>
        <source>Uniform within each variety&apos;s measured min-max box: every corner of the box is as likely as its centre, so it makes flowers no iris has.</source>
        <translation>Likformig inom varje sorts uppmätta min–max-låda: varje hörn av lådan är lika sannolikt som dess mitt, så den skapar blommor som ingen iris har.</translation>
    </message>
    <message>
        <source>Uniform within the original lab&apos;s hand-written per-variety bounds (their swapped arguments fixed). Versicolor and virginica boxes overlap widely.</source>
        <translation>Likformig inom det ursprungliga labbets handskrivna gränser per sort (med de omkastade argumenten rättade). Lådorna för versicolor och virginica överlappar mycket.</translation>
    </message>
    <message>
        <source>Generating and predicting the days before {day}</source>
        <translation>Genererar och predikterar dagarna före {day}</translation>
    </message>
    <message>
        <source>Generating and predicting the days after {day}</source>
        <translation>Genererar och predikterar dagarna efter {day}</translation>
    </message>
    <message>
        <source>Catching up to today</source>
        <translation>Tar igen fram till i dag</translation>
    </message>
    <message>
        <source>Measuring the stored flowers</source>
        <translation>Mäter de lagrade blommorna</translation>
    </message>
    <message>
        <source>Generator saved</source>
        <translation>Generatorn sparad</translation>
    </message>
    <message>
        <source>How the days not yet stored will be made. Stored days keep the generator that made them.</source>
        <translation>Hur de dagar som ännu inte är lagrade ska skapas. Lagrade dagar behåller generatorn som skapade dem.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Tillämpa</translation>
    </message>
    <message>
        <source>Use this generator from the next day not yet stored on (measured on the stored flowers now)</source>
        <translation>Använd den här generatorn från och med nästa dag som inte är lagrad (mätt på de lagrade blommorna nu)</translation>
    </message>
    <message>
        <source>The first day of the daily history. It can only move earlier: the days before the first stored one are made by the generator of the days to come and predicted by the active model. Stored days never change.</source>
        <translation>Den dagliga historikens första dag. Den kan bara flyttas tidigare: dagarna före den första lagrade skapas av generatorn för kommande dagar och predikteras av den aktiva modellen. Lagrade dagar ändras aldrig.</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Utöka</translation>
    </message>
    <message>
        <source>Generate and predict the days from this date to the first stored day</source>
        <translation>Generera och prediktera dagarna från det här datumet till den första lagrade dagen</translation>
    </message>
    <message>
        <source>Catch &amp;up now</source>
        <translation>Ta ig&amp;en nu</translation>
    </message>
    <message>
        <source>Generate and predict every missed day up to today (F5)</source>
        <translation>Generera och prediktera varje missad dag fram till i dag (F5)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Stop after the batch of days being stored (the days stored stay)</source>
        <translation>Stoppa efter omgången dagar som lagras nu (de lagrade dagarna finns kvar)</translation>
    </message>
    <message>
        <source>Generator for the days to &amp;come:</source>
        <translation>Generator för &amp;kommande dagar:</translation>
    </message>
    <message>
        <source>History &amp;starts on:</source>
        <translation>Historiken &amp;startar den:</translation>
    </message>
    <message>
        <source>Days to come (from {day}): &lt;b&gt;{generator}&lt;/b&gt;, on {basis}.</source>
        <translation>Kommande dagar (från {day}): &lt;b&gt;{generator}&lt;/b&gt;, på {basis}.</translation>
    </message>
    <message>
        <source>Days to come (from {day}): &lt;b&gt;{generator}&lt;/b&gt;.</source>
        <translation>Kommande dagar (från {day}): &lt;b&gt;{generator}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Re-fit</source>
        <translation>Anpassa om</translation>
    </message>
    <message>
        <source>◀ P&amp;revious day</source>
        <translation>◀ &amp;Föregående dag</translation>
    </message>
    <message>
        <source>The day before ({keys})</source>
        <translation>Dagen före ({keys})</translation>
    </message>
    <message>
        <source>&amp;Next day ▶</source>
        <translation>&amp;Nästa dag ▶</translation>
    </message>
    <message>
        <source>The day after ({keys})</source>
        <translation>Dagen efter ({keys})</translation>
    </message>
    <message>
        <source>Any day of the daily history</source>
        <translation>Valfri dag i den dagliga historiken</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>Today&apos;s flower (or the last one stored)</source>
        <translation>Dagens blomma (eller den senast lagrade)</translation>
    </message>
    <message>
        <source>Show in H&amp;istory</source>
        <translation>Visa i Hist&amp;orik</translation>
    </message>
    <message>
        <source>Open this day in the History tab (also: double-click a day in the list)</source>
        <translation>Öppna den här dagen i fliken Historik (även: dubbelklicka på en dag i listan)</translation>
    </message>
    <message>
        <source>Parameters of the generator drawn</source>
        <translation>Parametrar för generatorn som ritas</translation>
    </message>
    <message>
        <source>Saved the plot to {path}</source>
        <translation>Sparade diagrammet i {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Every daily flower</source>
        <translation>Alla dagliga blommor</translation>
    </message>
    <message>
        <source>Reading the daily history…</source>
        <translation>Läser den dagliga historiken…</translation>
    </message>
    <message>
        <source>No daily flower yet: “Catch up now” makes them</source>
        <translation>Ingen daglig blomma ännu: ”Ta igen nu” skapar dem</translation>
    </message>
    <message>
        <source>The history will start on {day}</source>
        <translation>Historiken börjar den {day}</translation>
    </message>
    <message>
        <source>The history was simulated from this day on ({days:,} days)</source>
        <translation>Historiken simulerades från och med den här dagen ({days:,} dagar)</translation>
    </message>
    <message>
        <source>{days:,} days since {day}</source>
        <translation>{days:,} dagar sedan {day}</translation>
    </message>
    <message>
        <source>No daily flower on {day}</source>
        <translation>Ingen daglig blomma den {day}</translation>
    </message>
    <message>
        <source>Sepal length</source>
        <translation>Foderbladets längd</translation>
    </message>
    <message>
        <source>Sepal width</source>
        <translation>Foderbladets bredd</translation>
    </message>
    <message>
        <source>Petal length</source>
        <translation>Kronbladets längd</translation>
    </message>
    <message>
        <source>Petal width</source>
        <translation>Kronbladets bredd</translation>
    </message>
    <message>
        <source>Multivariate normal (fitted)</source>
        <translation>Multivariat normalfördelning (anpassad)</translation>
    </message>
    <message>
        <source>Measured bounds (uniform)</source>
        <translation>Uppmätta gränser (likformig)</translation>
    </message>
    <message>
        <source>Original lab&apos;s bounds (uniform)</source>
        <translation>Ursprungliga labbets gränser (likformig)</translation>
    </message>
    <message>
        <source>Gaussian (earlier version)</source>
        <translation>Gaussisk (tidigare version)</translation>
    </message>
    <message>
        <source>the original lab&apos;s per-variety bounds (uniform)</source>
        <translation>det ursprungliga labbets gränser per sort (likformig)</translation>
    </message>
    <message>
        <source>uniform within per-variety bounds measured on {basis}</source>
        <translation>likformig inom gränser per sort uppmätta på {basis}</translation>
    </message>
    <message>
        <source>a per-variety multivariate normal (full covariance) fitted to {basis}</source>
        <translation>en multivariat normalfördelning per sort (full kovarians) anpassad till {basis}</translation>
    </message>
    <message>
        <source>a per-variety Gaussian fitted to {basis} (earlier version: values below 0.1 cm raised to 0.1)</source>
        <translation>en gaussisk fördelning per sort anpassad till {basis} (tidigare version: värden under 0,1 cm höjdes till 0,1)</translation>
    </message>
    <message>
        <source>the stored data</source>
        <translation>de lagrade data</translation>
    </message>
    <message>
        <source>the {stored} stored flowers</source>
        <translation>de {stored} lagrade blommorna</translation>
    </message>
    <message>
        <source>the bundled Iris set&apos;s {extra} flowers (none stored yet)</source>
        <translation>den medföljande Iris-mängdens {extra} blommor (inga lagrade ännu)</translation>
    </message>
    <message>
        <source>the {stored} stored flowers and the bundled set&apos;s {extra} {names} (none stored)</source>
        <translation>de {stored} lagrade blommorna och den medföljande mängdens {extra} {names} (inga lagrade)</translation>
    </message>
    <message>
        <source>{feature} (cm)</source>
        <translation>{feature} (cm)</translation>
    </message>
    <message>
        <source>dddd dd MMMM yyyy</source>
        <comment>Qt date format</comment>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <source>{first} {first_value:.1f} cm · {second} {second_value:.1f} cm</source>
        <translation>{first} {first_value:.1f} cm · {second} {second_value:.1f} cm</translation>
    </message>
    <message>
        <source>Flower #{id} · {variety}</source>
        <translation>Blomma nr {id} · {variety}</translation>
    </message>
    <message>
        <source>Source: import</source>
        <translation>Källa: import</translation>
    </message>
    <message>
        <source>Source: import batch {batch} ({name})</source>
        <translation>Källa: importomgång {batch} ({name})</translation>
    </message>
    <message>
        <source>Source: import batch {batch}</source>
        <translation>Källa: importomgång {batch}</translation>
    </message>
    <message>
        <source>Source: backfill (the bundled data set)</source>
        <translation>Källa: grundfyllning (det medföljande datasetet)</translation>
    </message>
    <message>
        <source>Source: daily · day {day}</source>
        <translation>Källa: daglig · dag {day}</translation>
    </message>
    <message>
        <source>The measurement whose distribution is shown</source>
        <translation>Måttet vars fördelning visas</translation>
    </message>
    <message>
        <source>Width of each histogram bin (the diagonal of the scatter matrix too). Measurements have one decimal, so 0.1 cm is the finest useful width.</source>
        <translation>Bredden på varje klass i histogrammet (även på spridningsdiagrammatrisens diagonal). Måtten har en decimal, så 0,1 cm är den minsta användbara bredden.</translation>
    </message>
    <message>
        <source>&amp;Density curve</source>
        <translation>&amp;Täthetskurva</translation>
    </message>
    <message>
        <source>A smooth estimate of each variety&apos;s distribution (Gaussian kernel, Scott&apos;s bandwidth), scaled to the histogram&apos;s counts</source>
        <translation>En utjämnad skattning av varje sorts fördelning (gaussisk kärna, Scotts bandbredd), skalad till histogrammets antal</translation>
    </message>
    <message>
        <source>Feat&amp;ure:</source>
        <translation>M&amp;ått:</translation>
    </message>
    <message>
        <source>&amp;Bin width:</source>
        <translation>&amp;Klassbredd:</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Urval</translation>
    </message>
    <message>
        <source>Scatter &amp;matrix as PNG or SVG…</source>
        <translation>Spridningsdiagram&amp;matris som PNG eller SVG…</translation>
    </message>
    <message>
        <source>&amp;Scatter plot as PNG or SVG…</source>
        <translation>&amp;Spridningsdiagram som PNG eller SVG…</translation>
    </message>
    <message>
        <source>&amp;Distributions as PNG or SVG…</source>
        <translation>&amp;Fördelningar som PNG eller SVG…</translation>
    </message>
    <message>
        <source>&amp;Table as CSV…</source>
        <translation>&amp;Tabellen som CSV…</translation>
    </message>
    <message>
        <source>S&amp;election as CSV…</source>
        <translation>&amp;Urvalet som CSV…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
    <message>
        <source>Nothing to export: no flower is selected</source>
        <translation>Inget att exportera: ingen blomma är vald</translation>
    </message>
    <message>
        <source>Nothing to export: no flower is shown</source>
        <translation>Inget att exportera: ingen blomma visas</translation>
    </message>
    <message>
        <source>Export flowers as CSV</source>
        <translation>Exportera blommor som CSV</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-fil</translation>
    </message>
    <message>
        <source>Saved {flowers} to {path}</source>
        <translation>Sparade {flowers} i {path}</translation>
    </message>
    <message>
        <source>Saving flowers as CSV…</source>
        <translation>Sparar blommor som CSV…</translation>
    </message>
    <message>
        <source>The measurement along the horizontal axis</source>
        <translation>Måttet längs den vågräta axeln</translation>
    </message>
    <message>
        <source>The measurement along the vertical axis</source>
        <translation>Måttet längs den lodräta axeln</translation>
    </message>
    <message>
        <source>Sw&amp;ap</source>
        <translation>By&amp;t</translation>
    </message>
    <message>
        <source>Swap the X and Y measurements</source>
        <translation>Byt plats på X- och Y-måtten</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <source>&amp;Y:</source>
        <translation>&amp;Y:</translation>
    </message>
    <message>
        <source>None of the selected flowers was imported</source>
        <translation>Ingen av de valda blommorna är importerad</translation>
    </message>
    <message>
        <source>Checking the selected flowers…</source>
        <translation>Kontrollerar de valda blommorna…</translation>
    </message>
    <message>
        <source>Remove {flowers} from the store?</source>
        <translation>Ta bort {flowers} från databasen?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported flower(s)</source>
        <translation>
            <numerusform>%Ln importerad blomma</numerusform>
            <numerusform>%Ln importerade blommor</numerusform>
        </translation>
    </message>
    <message>
        <source>Models {names} were trained on them and keep working as trained (retrain to leave them out).</source>
        <translation>Modellerna {names} tränades på dem och fortsätter att fungera som de tränades (träna om för att utesluta dem).</translation>
    </message>
    <message>
        <source>Model {names} was trained on them and keep working as trained (retrain to leave them out).</source>
        <translation>Modellen {names} tränades på dem och fortsätter att fungera som den tränades (träna om för att utesluta dem).</translation>
    </message>
    <message>
        <source>Backfilled and daily flowers are not touched. This cannot be undone.</source>
        <translation>Grundfyllda och dagliga blommor påverkas inte. Det här kan inte ångras.</translation>
    </message>
    <message>
        <source>Remove imported flowers</source>
        <translation>Ta bort importerade blommor</translation>
    </message>
    <message>
        <source>Removing imported flowers…</source>
        <translation>Tar bort importerade blommor…</translation>
    </message>
    <message>
        <source>Scatter-plot matrix of the four measurements</source>
        <translation>Spridningsdiagrammatris över de fyra måtten</translation>
    </message>
    <message>
        <source>{x} {x0:.2f}–{x1:.2f} cm and {y} {y0:.2f}–{y1:.2f} cm</source>
        <translation>{x} {x0:.2f}–{x1:.2f} cm och {y} {y0:.2f}–{y1:.2f} cm</translation>
    </message>
    <message>
        <source>a lasso on {x} × {y}</source>
        <translation>ett lasso på {x} × {y}</translation>
    </message>
    <message>
        <source>count</source>
        <comment>statistic</comment>
        <translation>antal</translation>
    </message>
    <message>
        <source>mean</source>
        <comment>statistic</comment>
        <translation>medel</translation>
    </message>
    <message>
        <source>std</source>
        <comment>statistic</comment>
        <translation>std</translation>
    </message>
    <message>
        <source>min</source>
        <comment>statistic</comment>
        <translation>min</translation>
    </message>
    <message>
        <source>25%</source>
        <comment>statistic</comment>
        <translation>25&#xa0;%</translation>
    </message>
    <message>
        <source>50%</source>
        <comment>statistic</comment>
        <translation>50&#xa0;%</translation>
    </message>
    <message>
        <source>75%</source>
        <comment>statistic</comment>
        <translation>75&#xa0;%</translation>
    </message>
    <message>
        <source>max</source>
        <comment>statistic</comment>
        <translation>max</translation>
    </message>
    <message>
        <source>Standard deviation (n − 1)</source>
        <translation>Standardavvikelse (n − 1)</translation>
    </message>
    <message>
        <source>First quartile</source>
        <translation>Första kvartilen</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Third quartile</source>
        <translation>Tredje kvartilen</translation>
    </message>
    <message>
        <source>St&amp;atistics of:</source>
        <translation>Stat&amp;istik för:</translation>
    </message>
    <message>
        <source>All flowers</source>
        <translation>Alla blommor</translation>
    </message>
    <message>
        <source>Statistics per variety: {title}</source>
        <translation>Statistik per sort: {title}</translation>
    </message>
    <message>
        <source>Drag on any scatter to select flowers: {shift} adds, {ctrl} intersects, {ctrl_shift} removes; Esc clears. Hover a point to see it.</source>
        <translation>Dra i valfritt spridningsdiagram för att välja blommor: {shift} lägger till, {ctrl} tar snittet, {ctrl_shift} tar bort; Esc rensar. Håll pekaren över en punkt för att se den.</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Spridning</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>Fördelningar</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>There are no flowers yet.</source>
        <translation>Det finns inga blommor än.</translation>
    </message>
    <message>
        <source>{count:,} of {flowers} selected ({parts}). Mode: {mode}. Esc clears.</source>
        <translation>{count:,} av {flowers} valda ({parts}). Läge: {mode}. Esc rensar.</translation>
    </message>
    <message>
        <source>{mode}: {flowers} with {shape}</source>
        <translation>{mode}: {flowers} med {shape}</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Intersect</source>
        <translation>Snitt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>backfill</source>
        <comment>source of a flower</comment>
        <translation>grundfyllning</translation>
    </message>
    <message>
        <source>import</source>
        <comment>source of a flower</comment>
        <translation>import</translation>
    </message>
    <message>
        <source>daily</source>
        <comment>source of a flower</comment>
        <translation>daglig</translation>
    </message>
    <message>
        <source>Backfill</source>
        <comment>source of a flower</comment>
        <translation>Grundfyllning</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>source of a flower</comment>
        <translation>Import</translation>
    </message>
    <message>
        <source>Daily</source>
        <comment>source of a flower</comment>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>There is no active model, so there are no training flowers to compare the daily flowers with.</source>
        <translation>Det finns ingen aktiv modell, så det finns inga träningsblommor att jämföra de dagliga blommorna med.</translation>
    </message>
    <message>
        <source>No flowers are stored yet.</source>
        <translation>Inga blommor är lagrade ännu.</translation>
    </message>
    <message>
        <source>too few days</source>
        <translation>för få dagar</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>stable (tiny difference)</source>
        <translation>stabil (liten skillnad)</translation>
    </message>
    <message>
        <source>shifted somewhat</source>
        <translation>något förskjuten</translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>förskjuten</translation>
    </message>
    <message>
        <source>Too few daily flowers ({count}) to judge.</source>
        <translation>För få dagliga blommor ({count}) för att bedöma.</translation>
    </message>
    <message>
        <source>No clear change: the daily flowers&apos; {name} looks like the training flowers&apos; (median {current:.2f} cm against {reference:.2f} cm).</source>
        <translation>Ingen tydlig förändring: {name} hos de dagliga blommorna liknar träningsblommornas (median {current:.2f} cm mot {reference:.2f} cm).</translation>
    </message>
    <message>
        <source>A small difference (median {current:.2f} cm against {reference:.2f} cm): real, but too small to matter.</source>
        <translation>En liten skillnad (median {current:.2f} cm mot {reference:.2f} cm): verklig, men för liten för att spela roll.</translation>
    </message>
    <message>
        <source>Drifted: the daily flowers&apos; {name} is {direction} the training flowers&apos; (median {current:.2f} cm against {reference:.2f} cm).</source>
        <translation>Förskjuten: {name} hos de dagliga blommorna är {direction} träningsblommornas (median {current:.2f} cm mot {reference:.2f} cm).</translation>
    </message>
    <message>
        <source>Shifted somewhat: the daily flowers&apos; {name} is {direction} the training flowers&apos; (median {current:.2f} cm against {reference:.2f} cm).</source>
        <translation>Något förskjuten: {name} hos de dagliga blommorna är {direction} träningsblommornas (median {current:.2f} cm mot {reference:.2f} cm).</translation>
    </message>
    <message>
        <source>Drifted: daily {variety} flowers&apos; {name} is {direction} in training (median {current:.2f} cm against {reference:.2f} cm).</source>
        <translation>Förskjuten: {name} hos dagliga {variety}-blommor är {direction} i träningen (median {current:.2f} cm mot {reference:.2f} cm).</translation>
    </message>
    <message>
        <source>Shifted somewhat: daily {variety} flowers&apos; {name} is {direction} in training (median {current:.2f} cm against {reference:.2f} cm).</source>
        <translation>Något förskjuten: {name} hos dagliga {variety}-blommor är {direction} i träningen (median {current:.2f} cm mot {reference:.2f} cm).</translation>
    </message>
    <message>
        <source>larger than</source>
        <translation>större än</translation>
    </message>
    <message>
        <source>smaller than</source>
        <translation>mindre än</translation>
    </message>
    <message>
        <source>more spread out than</source>
        <translation>mer utspridd än</translation>
    </message>
    <message>
        <source>more bunched together than</source>
        <translation>mer samlad än</translation>
    </message>
    <message>
        <source>shaped differently from</source>
        <translation>annorlunda formad än</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} och {last}</translation>
    </message>
    <message>
        <source>{flowers} in this window: at least {needed} are needed to compare them with {model}&apos;s training flowers.</source>
        <translation>{flowers} i det här fönstret: minst {needed} behövs för att jämföra dem med träningsblommorna för {model}.</translation>
    </message>
    <message>
        <source>The daily flowers have drifted from {model}&apos;s training flowers ({features}): the data changed, so errors now may come from the data (the daily generator), not from the model.</source>
        <translation>De dagliga blommorna har förskjutits från träningsblommorna för {model} ({features}): data har ändrats, så fel nu kan komma från data (den dagliga generatorn), inte från modellen.</translation>
    </message>
    <message>
        <source>The daily flowers differ somewhat from {model}&apos;s training flowers ({features}): worth watching, not yet a drift.</source>
        <translation>De dagliga blommorna skiljer sig något från träningsblommorna för {model} ({features}): värt att hålla ögonen på, ännu ingen förskjutning.</translation>
    </message>
    <message>
        <source>The daily flowers look like {model}&apos;s training flowers: errors come from the model or from varieties that overlap, not from a change in the data.</source>
        <translation>De dagliga blommorna liknar träningsblommorna för {model}: fel kommer från modellen eller från sorter som överlappar, inte från en förändring i data.</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Senaste 365 dagarna</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alla dagar</translation>
    </message>
    <message>
        <source>Which daily flowers to compare with the model&apos;s training flowers</source>
        <translation>Vilka dagliga blommor som ska jämföras med modellens träningsblommor</translation>
    </message>
    <message>
        <source>Daily flowers &amp;of:</source>
        <translation>Dagliga blommor f&amp;rån:</translation>
    </message>
    <message>
        <source>Export ima&amp;ge…</source>
        <translation>Exportera bi&amp;ld…</translation>
    </message>
    <message>
        <source>Save the four distributions as PNG or SVG</source>
        <translation>Spara de fyra fördelningarna som PNG eller SVG</translation>
    </message>
    <message>
        <source>{model}&apos;s training flowers ({count})</source>
        <translation>träningsblommorna för {model} ({count})</translation>
    </message>
    <message>
        <source>daily flowers ({count})</source>
        <translation>dagliga blommor ({count})</translation>
    </message>
    <message>
        <source>{feature}: &lt;b&gt;{level}&lt;/b&gt; · KS {ks:.2f} (p {p}) · PSI {psi:.2f}</source>
        <translation>{feature}: &lt;b&gt;{level}&lt;/b&gt; · KS {ks:.2f} (p {p}) · PSI {psi:.2f}</translation>
    </message>
    <message>
        <source>{feature}: &lt;b&gt;{level}&lt;/b&gt;</source>
        <translation>{feature}: &lt;b&gt;{level}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>KS: the largest gap between the two cumulative distributions (its p-value: how likely a gap that large is by chance). PSI: how much the shares in ten bins moved; above 0.25 is a large shift.</source>
        <translation>KS: det största avståndet mellan de två kumulativa fördelningarna (dess p-värde: hur troligt ett så stort avstånd är av en slump). PSI: hur mycket andelarna i tio intervall har flyttats; över 0,25 är en stor förskjutning.</translation>
    </message>
    <message>
        <source>&lt; {smallest}</source>
        <translation>&lt; {smallest}</translation>
    </message>
    <message>
        <source>Export the predictions shown</source>
        <translation>Exportera de visade prediktionerna</translation>
    </message>
    <message>
        <source>Exporting the table…</source>
        <translation>Exporterar tabellen…</translation>
    </message>
    <message>
        <source>Exported {count:,} predictions to {path}</source>
        <translation>Exporterade {count:,} prediktioner till {path}</translation>
    </message>
    <message>
        <source>&amp;As predicted at the time</source>
        <translation>&amp;Som predikterat vid tillfället</translation>
    </message>
    <message>
        <source>Each day&apos;s first prediction: what the monitor showed that day</source>
        <translation>Varje dags första prediktion: vad övervakningen visade den dagen</translation>
    </message>
    <message>
        <source>By &amp;model:</source>
        <translation>Enligt &amp;modell:</translation>
    </message>
    <message>
        <source>What one model version predicts for every day, even days before it existed</source>
        <translation>Vad en modellversion predikterar för varje dag, även dagar innan den fanns</translation>
    </message>
    <message>
        <source>The model version whose predictions are shown</source>
        <translation>Modellversionen vars prediktioner visas</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vy:</translation>
    </message>
    <message>
        <source>{model} (active)</source>
        <translation>{model} (aktiv)</translation>
    </message>
    <message>
        <source>a generator not recorded</source>
        <translation>en generator som inte registrerats</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <comment>Qt date format</comment>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>Qt date format</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <comment>Qt date format</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>Backfill of the bundled data set, and CSV imports</source>
        <translation>Återfyllnad av den medföljande datamängden, och CSV-importer</translation>
    </message>
    <message>
        <source>Run the backfill now</source>
        <translation>Kör återfyllnaden nu</translation>
    </message>
    <message>
        <source>Store the bundled 150 flowers (nothing to do once stored); File ▸ Import CSV adds more</source>
        <translation>Lagra de 150 medföljande blommorna (inget att göra när de väl är lagrade); Arkiv ▸ Importera CSV lägger till fler</translation>
    </message>
    <message>
        <source>Data in: progress</source>
        <translation>Indata: förlopp</translation>
    </message>
    <message>
        <source>Cancel the data in run</source>
        <translation>Avbryt indatakörningen</translation>
    </message>
    <message>
        <source>One synthetic flower a day: the catch-up makes every missed day (and predicts it)</source>
        <translation>En syntetisk blomma om dagen: ikapptagningen skapar varje missad dag (och predikterar den)</translation>
    </message>
    <message>
        <source>Run the daily catch-up now</source>
        <translation>Kör den dagliga ikapptagningen nu</translation>
    </message>
    <message>
        <source>Generate and predict every missed day up to today</source>
        <translation>Generera och prediktera varje missad dag fram till i dag</translation>
    </message>
    <message>
        <source>Daily flowers: progress</source>
        <translation>Dagliga blommor: förlopp</translation>
    </message>
    <message>
        <source>Cancel the daily flowers run</source>
        <translation>Avbryt körningen av dagliga blommor</translation>
    </message>
    <message>
        <source>Train, evaluate and register a model; activate it and predict every day</source>
        <translation>Träna, utvärdera och registrera en modell; aktivera den och prediktera varje dag</translation>
    </message>
    <message>
        <source>Run the training now</source>
        <translation>Kör träningen nu</translation>
    </message>
    <message>
        <source>Train again with the active model&apos;s settings (the default model if there is none)</source>
        <translation>Träna igen med den aktiva modellens inställningar (standardmodellen om det inte finns någon)</translation>
    </message>
    <message>
        <source>Training: progress</source>
        <translation>Träning: förlopp</translation>
    </message>
    <message>
        <source>Cancel the training run</source>
        <translation>Avbryt träningskörningen</translation>
    </message>
    <message>
        <source>Batch inference: the active model predicts every daily flower it has not seen</source>
        <translation>Batchinferens: den aktiva modellen predikterar varje daglig blomma den inte har sett</translation>
    </message>
    <message>
        <source>Run the batch inference now</source>
        <translation>Kör batchinferensen nu</translation>
    </message>
    <message>
        <source>Predict every daily flower the active model has not predicted yet</source>
        <translation>Prediktera varje daglig blomma som den aktiva modellen inte har predikterat ännu</translation>
    </message>
    <message>
        <source>Inference: progress</source>
        <translation>Inferens: förlopp</translation>
    </message>
    <message>
        <source>Cancel the inference run</source>
        <translation>Avbryt inferenskörningen</translation>
    </message>
    <message>
        <source>Data in</source>
        <translation>Indata</translation>
    </message>
    <message>
        <source>Training</source>
        <comment>the title of the flow&apos;s training box</comment>
        <translation>Träning</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inferens</translation>
    </message>
    <message>
        <source>No run recorded</source>
        <translation>Ingen körning registrerad</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Kör nu</translation>
    </message>
    <message>
        <source>Last run: {started} · {pipeline} · by {trigger}</source>
        <translation>Senaste körning: {started} · {pipeline} · av {trigger}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{outcome}&lt;/b&gt; in {duration}</source>
        <translation>&lt;b&gt;{outcome}&lt;/b&gt; på {duration}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{outcome}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{outcome}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Övervakning</translation>
    </message>
    <message>
        <source>Each day&apos;s prediction against the flower&apos;s true variety</source>
        <translation>Varje dags prediktion mot blommans sanna sort</translation>
    </message>
    <message>
        <source>Open in Histor&amp;y</source>
        <translation>&amp;Öppna i Historik</translation>
    </message>
    <message>
        <source>The latest day in the History tab</source>
        <translation>Den senaste dagen i fliken Historik</translation>
    </message>
    <message>
        <source>{predictions:,} predictions of {days:,} daily flowers</source>
        <translation>{predictions:,} prediktioner av {days:,} dagliga blommor</translation>
    </message>
    <message>
        <source>Latest day: {day}</source>
        <translation>Senaste dag: {day}</translation>
    </message>
    <message>
        <source>No daily flower yet</source>
        <translation>Ingen daglig blomma ännu</translation>
    </message>
    <message>
        <source>Active model: v{version}</source>
        <translation>Aktiv modell: v{version}</translation>
    </message>
    <message>
        <source>Run the daily catch-up every day from the system&apos;s scheduler, app closed</source>
        <translation>Kör den dagliga ikapptagningen varje dag från systemets schemaläggare, med appen stängd</translation>
    </message>
    <message>
        <source>then</source>
        <translation>sedan</translation>
    </message>
    <message>
        <source>no run recorded</source>
        <translation>ingen körning registrerad</translation>
    </message>
    <message>
        <source>the {pipeline} run {id} of {when} (by {trigger}, {outcome})</source>
        <translation>körning {id} av {pipeline} {when} (av {trigger}, {outcome})</translation>
    </message>
    <message>
        <source>There is no model v{version} (deleted?).</source>
        <translation>Det finns ingen modell v{version} (borttagen?).</translation>
    </message>
    <message>
        <source>&lt;b&gt;v{version}&lt;/b&gt; {algorithm}, registered {when} (active)</source>
        <translation>&lt;b&gt;v{version}&lt;/b&gt; {algorithm}, registrerad {when} (aktiv)</translation>
    </message>
    <message>
        <source>&lt;b&gt;v{version}&lt;/b&gt; {algorithm}, registered {when}</source>
        <translation>&lt;b&gt;v{version}&lt;/b&gt; {algorithm}, registrerad {when}</translation>
    </message>
    <message>
        <source>Trained on {rows:,} flowers from {sources} (split seed {seed}, {held_out:.0%} held out for the test)</source>
        <translation>Tränad på {rows:,} blommor från {sources} (delningsfrö {seed}, {held_out:.0%} undantagna för testet)</translation>
    </message>
    <message>
        <source>#{id} {file} ({rows:,} rows, {when})</source>
        <translation>nr {id} {file} ({rows:,} rader, {when})</translation>
    </message>
    <message>
        <source>Import batches: {batches}</source>
        <translation>Importomgångar: {batches}</translation>
    </message>
    <message>
        <source>Import batches: none stored then (or removed since)</source>
        <translation>Importomgångar: inga lagrade då (eller borttagna sedan dess)</translation>
    </message>
    <message>
        <source>Daily flowers: {days:,} days, {first} to {last}</source>
        <translation>Dagliga blommor: {days:,} dagar, {first} till {last}</translation>
    </message>
    <message>
        <source>Daily flowers: none stored then</source>
        <translation>Dagliga blommor: inga lagrade då</translation>
    </message>
    <message>
        <source>Settings of v{version}, trained again</source>
        <translation>Inställningarna från v{version}, tränad igen</translation>
    </message>
    <message>
        <source>Made by {run}</source>
        <translation>Skapad i {run}</translation>
    </message>
    <message>
        <source>No daily flower is stored for {day}.</source>
        <translation>Ingen daglig blomma är lagrad för {day}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{day}&lt;/b&gt;: a {variety} flower</source>
        <translation>&lt;b&gt;{day}&lt;/b&gt;: en blomma av sorten {variety}</translation>
    </message>
    <message>
        <source>Not predicted yet (no usable active model when it was made)</source>
        <translation>Inte predikterad ännu (ingen användbar aktiv modell när den skapades)</translation>
    </message>
    <message>
        <source>Model v{version} predicted {predicted} ({probability:.0%}, right) on {when}, in {run}</source>
        <translation>Modell v{version} predikterade {predicted} ({probability:.0%}, rätt) {when}, i {run}</translation>
    </message>
    <message>
        <source>Model v{version} predicted {predicted} ({probability:.0%}, wrong) on {when}, in {run}</source>
        <translation>Modell v{version} predikterade {predicted} ({probability:.0%}, fel) {when}, i {run}</translation>
    </message>
    <message>
        <source>Import batch #{id} has been removed.</source>
        <translation>Importomgång nr {id} har tagits bort.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import batch #{id}&lt;/b&gt; {file}: {rows:,} rows imported {when}, {remaining:,} still stored&lt;br&gt;Models trained on it: {models}</source>
        <translation>&lt;b&gt;Importomgång nr {id}&lt;/b&gt; {file}: {rows:,} rader importerade {when}, {remaining:,} fortfarande lagrade&lt;br&gt;Modeller tränade på den: {models}</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Härkomst</translation>
    </message>
    <message>
        <source>The flowers this model was trained on</source>
        <translation>Blommorna som den här modellen tränades på</translation>
    </message>
    <message>
        <source>Model whose training data is shown</source>
        <translation>Modell vars träningsdata visas</translation>
    </message>
    <message>
        <source>Which model predicted this day, and in which run</source>
        <translation>Vilken modell som predikterade den här dagen, och i vilken körning</translation>
    </message>
    <message>
        <source>Day whose predictions are shown</source>
        <translation>Dag vars prediktioner visas</translation>
    </message>
    <message>
        <source>Pick a model, or select a run of it in the log</source>
        <translation>Välj en modell, eller markera en körning av den i loggen</translation>
    </message>
    <message>
        <source>Pick a day</source>
        <translation>Välj en dag</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>Da&amp;g:</translation>
    </message>
    <message>
        <source>v{version} {algorithm} (active)</source>
        <translation>v{version} {algorithm} (aktiv)</translation>
    </message>
    <message>
        <source>All pipelines</source>
        <translation>Alla pipelines</translation>
    </message>
    <message>
        <source>Only the runs of this pipeline</source>
        <translation>Bara körningarna av den här pipelinen</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Vilket utfall som helst</translation>
    </message>
    <message>
        <source>Failed or interrupted</source>
        <translation>Misslyckade eller avbrutna</translation>
    </message>
    <message>
        <source>Only the runs that ended this way</source>
        <translation>Bara körningarna som slutade så här</translation>
    </message>
    <message>
        <source>Text in the message, e.g. import</source>
        <translation>Text i meddelandet, t.ex. import</translation>
    </message>
    <message>
        <source>Only the runs whose pipeline, trigger, model or message holds this text</source>
        <translation>Bara körningarna vars pipeline, startare, modell eller meddelande innehåller den här texten</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportera CSV…</translation>
    </message>
    <message>
        <source>Save the runs shown as a CSV file</source>
        <translation>Spara körningarna som visas som en CSV-fil</translation>
    </message>
    <message>
        <source>&amp;Runs of:</source>
        <translation>&amp;Körningar av:</translation>
    </message>
    <message>
        <source>Run log, newest first</source>
        <translation>Körlogg, nyaste först</translation>
    </message>
    <message>
        <source>The selected run, its message in full</source>
        <translation>Den markerade körningen, med hela meddelandet</translation>
    </message>
    <message>
        <source>Select a run to see it in full, and its lineage</source>
        <translation>Markera en körning för att se den i sin helhet, och dess härkomst</translation>
    </message>
    <message>
        <source>{shown:,} runs</source>
        <translation>{shown:,} körningar</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} runs</source>
        <translation>{shown:,} av {total:,} körningar</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startad</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Startad av</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Rows in</source>
        <translation>Rader in</translation>
    </message>
    <message>
        <source>Rows out</source>
        <translation>Rader ut</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Ikapptagningen</translation>
    </message>
    <message>
        <source>Training with the settings of v{version}…</source>
        <translation>Tränar med inställningarna från v{version}…</translation>
    </message>
    <message>
        <source>No active model: run the training first.</source>
        <translation>Ingen aktiv modell: kör träningen först.</translation>
    </message>
    <message>
        <source>Predicting with v{version}…</source>
        <translation>Predikterar med v{version}…</translation>
    </message>
    <message>
        <source>{outcome}: {error}</source>
        <translation>{outcome}: {error}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>pågår</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>inget att göra</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbröts oväntat</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>återfyllnad</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>catch-up</source>
        <translation>ikapptagning</translation>
    </message>
    <message>
        <source>extend-history</source>
        <translation>historikutökning</translation>
    </message>
    <message>
        <source>training</source>
        <translation>träning</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>aktivering</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>säkerhetskopiering</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>återställning</translation>
    </message>
    <message>
        <source>recovery</source>
        <translation>återhämtning</translation>
    </message>
    <message>
        <source>import-removal</source>
        <translation>importborttagning</translation>
    </message>
    <message>
        <source>model-deletion</source>
        <translation>modellborttagning</translation>
    </message>
    <message>
        <source>future-days-removal</source>
        <translation>borttagning av framtida dagar</translation>
    </message>
    <message>
        <source>app</source>
        <translation>appen</translation>
    </message>
    <message>
        <source>cli</source>
        <translation>kommandoraden</translation>
    </message>
    <message>
        <source>scheduler</source>
        <translation>schemaläggaren</translation>
    </message>
    <message>
        <source>first-run</source>
        <translation>första starten</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>dagliga</translation>
    </message>
    <message>
        <source>Backfill: store the bundled data set</source>
        <translation>Återfyllnad: lagra den medföljande datamängden</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>Importera en CSV-fil</translation>
    </message>
    <message>
        <source>Daily catch-up: generate the missed days&apos; flowers and predict them</source>
        <translation>Daglig ikapptagning: generera de missade dagarnas blommor och prediktera dem</translation>
    </message>
    <message>
        <source>Daily generation: extend the history back</source>
        <translation>Daglig generering: förläng historiken bakåt</translation>
    </message>
    <message>
        <source>Training: train and register a model</source>
        <translation>Träning: träna och registrera en modell</translation>
    </message>
    <message>
        <source>Activation: make a model the active one and predict every day with it</source>
        <translation>Aktivering: gör en modell till den aktiva och prediktera varje dag med den</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopieringen</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Återställ från en säkerhetskopia</translation>
    </message>
    <message>
        <source>Recovery: the database was started anew where an earlier one was (store/recovery_notes.py)</source>
        <translation>Återhämtning: databasen startades på nytt där en tidigare fanns (store/recovery_notes.py)</translation>
    </message>
    <message>
        <source>Delete a model version</source>
        <translation>Ta bort en modellversion</translation>
    </message>
    <message>
        <source>Remove days stored after today</source>
        <translation>Ta bort dagar lagrade efter i dag</translation>
    </message>
    <message>
        <source>{ms:.0f} ms</source>
        <translation>{ms:.0f} ms</translation>
    </message>
    <message>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} min {seconds:02d} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <source>no rows counted</source>
        <translation>inga rader räknade</translation>
    </message>
    <message>
        <source>{rows_in} read, {rows_out} written</source>
        <translation>{rows_in} lästa, {rows_out} skrivna</translation>
    </message>
    <message>
        <source>Started {started} by {trigger}, ended {ended} ({duration})</source>
        <translation>Startad {started} av {trigger}, avslutad {ended} ({duration})</translation>
    </message>
    <message>
        <source>Started {started} by {trigger}</source>
        <translation>Startad {started} av {trigger}</translation>
    </message>
    <message>
        <source>Run {id}: {pipeline}, {outcome}</source>
        <translation>Körning {id}: {pipeline}, {outcome}</translation>
    </message>
    <message>
        <source>Rows: {rows}</source>
        <translation>Rader: {rows}</translation>
    </message>
    <message>
        <source>Model: v{version}</source>
        <translation>Modell: v{version}</translation>
    </message>
    <message>
        <source>Import batch: {id}</source>
        <translation>Importomgång: {id}</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(inget meddelande)</translation>
    </message>
    <message>
        <source>The scheduled catch-up of {due} did not run (no scheduled run is recorded)</source>
        <translation>Den schemalagda ikapptagningen {due} kördes inte (ingen schemalagd körning är registrerad)</translation>
    </message>
    <message>
        <source>The scheduled catch-up of {due} did not run (the last scheduled run started {last})</source>
        <translation>Den schemalagda ikapptagningen {due} kördes inte (den senaste schemalagda körningen startade {last})</translation>
    </message>
    <message>
        <source>Not scheduled: the app catches up each day it is started.</source>
        <translation>Inte schemalagd: appen tar igen varje dag den startas.</translation>
    </message>
    <message>
        <source>Scheduled: {scheduler} {name} ({where})</source>
        <translation>Schemalagd: {scheduler} {name} ({where})</translation>
    </message>
    <message>
        <source>Every day at {time}</source>
        <translation>Varje dag kl. {time}</translation>
    </message>
    <message>
        <source>Not a daily time</source>
        <translation>Ingen daglig tid</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiverad</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <source>Last started by the system: {when}</source>
        <translation>Senast startad av systemet: {when}</translation>
    </message>
    <message>
        <source>Next run: {when}</source>
        <translation>Nästa körning: {when}</translation>
    </message>
    <message>
        <source>Warning: {missed}.</source>
        <translation>Varning: {missed}.</translation>
    </message>
    <message>
        <source>Schedule the daily run</source>
        <translation>Schemalägg den dagliga körningen</translation>
    </message>
    <message>
        <source>Run the daily catch-up every day from the system&apos;s scheduler, even when Iris Desktop is closed: it generates and predicts the missed days of {folder}, and records its runs as the scheduler&apos;s.</source>
        <translation>Kör den dagliga ikapptagningen varje dag från systemets schemaläggare, även när Iris Desktop är stängt: den genererar och predikterar de missade dagarna i {folder} och registrerar sina körningar som schemaläggarens.</translation>
    </message>
    <message>
        <source>Time of day of the daily run</source>
        <translation>Klockslag för den dagliga körningen</translation>
    </message>
    <message>
        <source>Every day &amp;at:</source>
        <translation>Varje dag &amp;kl.:</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Schemaläggare</translation>
    </message>
    <message>
        <source>Which of the system&apos;s schedulers runs it</source>
        <translation>Vilken av systemets schemaläggare som kör den</translation>
    </message>
    <message>
        <source>The system&apos;s own</source>
        <translation>Systemets egen</translation>
    </message>
    <message>
        <source>&amp;Scheduler:</source>
        <translation>&amp;Schemaläggare:</translation>
    </message>
    <message>
        <source>What installing does:</source>
        <translation>Vad installationen gör:</translation>
    </message>
    <message>
        <source>What installing writes and runs</source>
        <translation>Vad installationen skriver och kör</translation>
    </message>
    <message>
        <source>Reading the schedule…</source>
        <translation>Läser schemat…</translation>
    </message>
    <message>
        <source>The schedule as the system has it</source>
        <translation>Schemat som systemet har det</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installera</translation>
    </message>
    <message>
        <source>Write and enable what is shown above</source>
        <translation>Skriv och aktivera det som visas ovan</translation>
    </message>
    <message>
        <source>Take the schedule out of the system&apos;s scheduler</source>
        <translation>Ta bort schemat från systemets schemaläggare</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} misslyckades: {error}</translation>
    </message>
    <message>
        <source>Reading the schedule</source>
        <translation>Läsningen av schemat</translation>
    </message>
    <message>
        <source>Cannot be installed with this scheduler: {problem}</source>
        <translation>Kan inte installeras med den här schemaläggaren: {problem}</translation>
    </message>
    <message>
        <source>Choose another scheduler, or run `iris-desktop schedule install --backend …`.</source>
        <translation>Välj en annan schemaläggare, eller kör `iris-desktop schedule install --backend …`.</translation>
    </message>
    <message>
        <source>What installing does ({scheduler}, in {where}):</source>
        <translation>Vad installationen gör ({scheduler}, i {where}):</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Installerar…</translation>
    </message>
    <message>
        <source>Installing the daily schedule…</source>
        <translation>Installerar det dagliga schemat…</translation>
    </message>
    <message>
        <source>Scheduled the daily run</source>
        <translation>Schemalade den dagliga körningen</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Schemaläggningen</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Tar bort…</translation>
    </message>
    <message>
        <source>Removing the daily schedule…</source>
        <translation>Tar bort det dagliga schemat…</translation>
    </message>
    <message>
        <source>Removed the daily schedule</source>
        <translation>Tog bort det dagliga schemat</translation>
    </message>
    <message>
        <source>Nothing to remove</source>
        <translation>Inget att ta bort</translation>
    </message>
    <message>
        <source>Removing the schedule</source>
        <translation>Borttagningen av schemat</translation>
    </message>
    <message>
        <source>Missed scheduled run</source>
        <translation>Missad schemalagd körning</translation>
    </message>
    <message>
        <source>Reading the run log</source>
        <translation>Läsningen av körloggen</translation>
    </message>
    <message>
        <source>Lineage</source>
        <comment>the step in “{what} failed”</comment>
        <translation>Härkomsten</translation>
    </message>
    <message>
        <source>Not scheduled: the app catches up each day it is started</source>
        <translation>Inte schemalagd: appen tar igen varje dag den startas</translation>
    </message>
    <message>
        <source>Next run: {when} ({scheduler})</source>
        <translation>Nästa körning: {when} ({scheduler})</translation>
    </message>
    <message>
        <source>Scheduled ({scheduler}), next run not known</source>
        <translation>Schemalagd ({scheduler}), nästa körning okänd</translation>
    </message>
    <message>
        <source>{missed}. The app caught up on start; Pipelines ▸ Schedule daily run… shows the schedule.</source>
        <translation>{missed}. Appen tog igen vid start; Pipelines ▸ Schemalägg daglig körning… visar schemat.</translation>
    </message>
    <message>
        <source>The schedule could not be read: {error}</source>
        <translation>Schemat kunde inte läsas: {error}</translation>
    </message>
    <message>
        <source>Export the runs shown</source>
        <translation>Exportera körningarna som visas</translation>
    </message>
    <message>
        <source>Exporting the run log…</source>
        <translation>Exporterar körloggen…</translation>
    </message>
    <message>
        <source>Exported {count:,} runs to {path}</source>
        <translation>Exporterade {count:,} körningar till {path}</translation>
    </message>
    <message>
        <source>Day {day}: predicted {predicted}, actually {actual} (right), model v{version} (at the time)</source>
        <translation>Dag {day}: predikterad {predicted}, faktiskt {actual} (rätt), modell v{version} (den som användes då)</translation>
    </message>
    <message>
        <source>Day {day}: predicted {predicted}, actually {actual} (wrong), model v{version} (at the time)</source>
        <translation>Dag {day}: predikterad {predicted}, faktiskt {actual} (fel), modell v{version} (den som användes då)</translation>
    </message>
    <message>
        <source>Day {day}: predicted {predicted}, actually {actual} (right), model v{version} (asked for)</source>
        <translation>Dag {day}: predikterad {predicted}, faktiskt {actual} (rätt), modell v{version} (den som efterfrågades)</translation>
    </message>
    <message>
        <source>Day {day}: predicted {predicted}, actually {actual} (wrong), model v{version} (asked for)</source>
        <translation>Dag {day}: predikterad {predicted}, faktiskt {actual} (fel), modell v{version} (den som efterfrågades)</translation>
    </message>
    <message>
        <source>&amp;Back to my sliders</source>
        <translation>Tillbaka till &amp;mina reglage</translation>
    </message>
    <message>
        <source>Leave this day: the sliders and the model you had before</source>
        <translation>Lämna den här dagen: reglagen och modellen du hade innan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Day {day}&lt;/b&gt;, actually {variety}: explaining…</source>
        <translation>&lt;b&gt;Dag {day}&lt;/b&gt;, faktiskt {variety}: förklarar…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Day {day}&lt;/b&gt;: explaining…</source>
        <translation>&lt;b&gt;Dag {day}&lt;/b&gt;: förklarar…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{mark} {headline}&lt;/b&gt;&lt;br&gt;The sliders hold the day&apos;s flower and the model v{version}: move them to see what would change the prediction.</source>
        <translation>&lt;b&gt;{mark} {headline}&lt;/b&gt;&lt;br&gt;Reglagen visar dagens blomma och modell v{version}: flytta dem för att se vad som skulle ändra prediktionen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Day {day} cannot be explained:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Dag {day} kan inte förklaras:&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>none within the data range</source>
        <translation>ingen inom dataområdet</translation>
    </message>
    <message>
        <source>{change:+.2f} cm → {variety}</source>
        <translation>{change:+.2f} cm → {variety}</translation>
    </message>
    <message>
        <source>Measured (cm)</source>
        <translation>Uppmätt (cm)</translation>
    </message>
    <message>
        <source>Change that flips it</source>
        <translation>Ändring som vänder den</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Betydelse</translation>
    </message>
    <message>
        <source>The smallest move of this measurement alone (the others held) that changes the prediction, searched within the stored flowers&apos; range</source>
        <translation>Den minsta ändringen av bara detta mått (de andra fasthållna) som ändrar prediktionen, sökt inom de lagrade blommornas område</translation>
    </message>
    <message>
        <source>Accuracy the model loses on its test flowers when this measurement is shuffled (permutation importance)</source>
        <translation>Den träffsäkerhet modellen förlorar på sina testblommor när detta mått blandas om (permutationsbetydelse)</translation>
    </message>
    <message>
        <source>{feature} {value:.1f}</source>
        <translation>{feature} {value:.1f}</translation>
    </message>
    <message>
        <source>{feature}: {value:.1f} cm</source>
        <translation>{feature}: {value:.1f} cm</translation>
    </message>
    <message>
        <source>What would change the prediction</source>
        <translation>Vad som skulle ändra prediktionen</translation>
    </message>
    <message>
        <source>What would change the prediction, one measurement at a time</source>
        <translation>Vad som skulle ändra prediktionen, ett mått i taget</translation>
    </message>
    <message>
        <source>Importance: the accuracy the model loses on its test flowers when that measurement is shuffled.</source>
        <translation>Betydelse: den träffsäkerhet modellen förlorar på sina testblommor när det måttet blandas om.</translation>
    </message>
    <message>
        <source>This model has no test flowers to measure its feature importances on.</source>
        <translation>Den här modellen har inga testblommor att mäta måttens betydelse på.</translation>
    </message>
    <message>
        <source>{probability:.0%} probability. ⚠ Outside the training data: treat it with care</source>
        <translation>{probability:.0%} sannolikhet. ⚠ Utanför träningsdata: tolka med försiktighet</translation>
    </message>
    <message>
        <source>{probability:.0%} probability</source>
        <translation>{probability:.0%} sannolikhet</translation>
    </message>
    <message>
        <source>{probability:.0%} probability: {votes} of the {k} nearest training flowers are {variety}. ⚠ Outside the training data: treat it with care</source>
        <translation>{probability:.0%} sannolikhet: {votes} av de {k} närmaste träningsblommorna är {variety}. ⚠ Utanför träningsdata: tolka med försiktighet</translation>
    </message>
    <message>
        <source>{probability:.0%} probability: {votes} of the {k} nearest training flowers are {variety}</source>
        <translation>{probability:.0%} sannolikhet: {votes} av de {k} närmaste träningsblommorna är {variety}</translation>
    </message>
    <message>
        <source>{feature}: 0.1 cm steps; arrows ±0.1 cm, Page Up/Down ±0.5 cm.</source>
        <translation>{feature}: steg om 0,1 cm; piltangenter ±0,1 cm, Page Up/Down ±0,5 cm.</translation>
    </message>
    <message>
        <source>{feature}: 0.1 cm steps; arrows ±0.1 cm, Page Up/Down ±0.5 cm. The model was trained on {low:.1f}–{high:.1f} cm; any length above 0 is allowed, values outside that range are flagged.</source>
        <translation>{feature}: steg om 0,1 cm; piltangenter ±0,1 cm, Page Up/Down ±0,5 cm. Modellen tränades på {low:.1f}–{high:.1f} cm; alla längder över 0 är tillåtna, värden utanför det området markeras.</translation>
    </message>
    <message>
        <source>⚠ outside the training data ({low:.1f}–{high:.1f} cm)</source>
        <translation>⚠ utanför träningsdata ({low:.1f}–{high:.1f} cm)</translation>
    </message>
    <message>
        <source>trained on {low:.1f}–{high:.1f} cm</source>
        <translation>tränad på {low:.1f}–{high:.1f} cm</translation>
    </message>
    <message>
        <source>Sepal
length</source>
        <translation>Foderbl.
längd</translation>
    </message>
    <message>
        <source>Sepal
width</source>
        <translation>Foderbl.
bredd</translation>
    </message>
    <message>
        <source>Petal
length</source>
        <translation>Kronbl.
längd</translation>
    </message>
    <message>
        <source>Petal
width</source>
        <translation>Kronbl.
bredd</translation>
    </message>
    <message>
        <source>Distance
(standardised)</source>
        <translation>Avstånd
(standardiserat)</translation>
    </message>
    <message>
        <source>Distance
({unit})</source>
        <translation>Avstånd
({unit})</translation>
    </message>
    <message>
        <source>In training
data</source>
        <translation>I tränings-
data</translation>
    </message>
    <message>
        <source>Was the model fitted on this flower? (No: a test flower, or stored after it was trained)</source>
        <translation>Anpassades modellen på den här blomman? (Nej: en testblomma, eller lagrad efter att modellen tränades)</translation>
    </message>
    <message>
        <source>There is no trained model yet, so there is nothing to predict with. The flower below still follows the sliders.</source>
        <translation>Det finns ingen tränad modell ännu, så det finns inget att prediktera med. Blomman nedan följer ändå reglagen.</translation>
    </message>
    <message>
        <source>&amp;Train the default model</source>
        <translation>&amp;Träna standardmodellen</translation>
    </message>
    <message>
        <source>Nearest training flowers (cm)</source>
        <translation>Närmaste träningsblommor (cm)</translation>
    </message>
    <message>
        <source>Nearest stored flowers (cm)</source>
        <translation>Närmaste lagrade blommor (cm)</translation>
    </message>
    <message>
        <source> · it predicted the day</source>
        <translation> · den predikterade dagen</translation>
    </message>
    <message>
        <source> · as History shows it</source>
        <translation> · som Historik visar den</translation>
    </message>
    <message>
        <source>something went wrong (see the details)</source>
        <translation>något gick fel (se detaljerna)</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Förklaringen</translation>
    </message>
    <message>
        <source>Set&amp;osa mean</source>
        <translation>Set&amp;osa (medel)</translation>
    </message>
    <message>
        <source>Versi&amp;color mean</source>
        <translation>Versi&amp;color (medel)</translation>
    </message>
    <message>
        <source>Vir&amp;ginica mean</source>
        <translation>Vir&amp;ginica (medel)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Förval</translation>
    </message>
    <message>
        <source>The average {variety} flower of the model&apos;s training data</source>
        <translation>Den genomsnittliga blomman av sorten {variety} i modellens träningsdata</translation>
    </message>
    <message>
        <source>Toda&amp;y&apos;s flower</source>
        <translation>&amp;Dagens blomma</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Åte&amp;rställ</translation>
    </message>
    <message>
        <source>Back to the average flower of all the data</source>
        <translation>Tillbaka till genomsnittsblomman för alla data</translation>
    </message>
    <message>
        <source>The average {variety} of the {count} stored flowers.</source>
        <translation>Genomsnittet för {variety} bland de {count} lagrade blommorna.</translation>
    </message>
    <message>
        <source>The average {variety} of the {count} model v{version}&apos;s training flowers.</source>
        <translation>Genomsnittet för {variety} bland modell v{version}:s {count} träningsblommor.</translation>
    </message>
    <message>
        <source>Today&apos;s flower ({day}) was generated as a {variety}.</source>
        <translation>Dagens blomma ({day}) genererades som {variety}.</translation>
    </message>
    <message>
        <source>Today&apos;s daily flower</source>
        <translation>Dagens dagliga blomma</translation>
    </message>
    <message>
        <source>There is no daily flower for today yet (it appears after the catch-up)</source>
        <translation>Det finns ingen daglig blomma för i dag ännu (den kommer efter ikapptagningen)</translation>
    </message>
    <message>
        <source>Model v{version}: there are no daily flowers yet to backtest on.</source>
        <translation>Modell v{version}: det finns inga dagliga blommor ännu att bakåttesta på.</translation>
    </message>
    <message>
        <source>Model v{version} predicts {right} of the {count} daily flowers ({first} to {last}) right: {accuracy:.1%}. On its own test set it scored {test:.1%}.</source>
        <translation>Modell v{version} predikterar {right} av de {count} dagliga blommorna ({first} till {last}) rätt: {accuracy:.1%}. På sin egen testmängd fick den {test:.1%}.</translation>
    </message>
    <message>
        <source>Model v{version} predicts {right} of the {count} daily flowers ({first} to {last}) right: {accuracy:.1%}.</source>
        <translation>Modell v{version} predikterar {right} av de {count} dagliga blommorna ({first} till {last}) rätt: {accuracy:.1%}.</translation>
    </message>
    <message>
        <source>Backtest of model v{version}</source>
        <translation>Bakåttest av modell v{version}</translation>
    </message>
    <message>
        <source>The daily flowers are drawn from per-variety distributions that overlap for versicolor and virginica, so part of any model&apos;s misses here comes from the generator, not the model. Nothing is stored by a backtest.</source>
        <translation>De dagliga blommorna dras ur fördelningar per sort som överlappar för versicolor och virginica, så en del av varje modells missar här kommer från generatorn, inte från modellen. Ett bakåttest lagrar ingenting.</translation>
    </message>
    <message>
        <source>k-nearest neighbours</source>
        <translation>k-närmaste grannar</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Logistisk regression</translation>
    </message>
    <message>
        <source>Decision tree</source>
        <translation>Beslutsträd</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>Slumpskog</translation>
    </message>
    <message>
        <source>SVM (RBF kernel)</source>
        <translation>SVM (RBF-kärna)</translation>
    </message>
    <message>
        <source>Neighbours (k)</source>
        <translation>Grannar (k)</translation>
    </message>
    <message>
        <source>How many of the nearest training flowers vote; an odd k avoids ties</source>
        <translation>Hur många av de närmaste träningsblommorna som röstar; ett udda k undviker oavgjort</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Vikter</translation>
    </message>
    <message>
        <source>uniform: one vote each; distance: nearer flowers count more</source>
        <translation>likformig: en röst var; avstånd: närmare blommor väger tyngre</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Avståndsmått</translation>
    </message>
    <message>
        <source>How distance between two flowers is measured</source>
        <translation>Hur avståndet mellan två blommor mäts</translation>
    </message>
    <message>
        <source>Minkowski p</source>
        <translation>Minkowski-p</translation>
    </message>
    <message>
        <source>The power of the Minkowski distance: 1 = Manhattan, 2 = Euclidean</source>
        <translation>Exponenten i minkowskiavståndet: 1 = manhattan, 2 = euklidiskt</translation>
    </message>
    <message>
        <source>C (inverse regularisation)</source>
        <translation>C (invers regularisering)</translation>
    </message>
    <message>
        <source>Smaller C: stronger regularisation, smoother boundaries</source>
        <translation>Mindre C: starkare regularisering, jämnare gränser</translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation>Högsta antal iterationer</translation>
    </message>
    <message>
        <source>The solver stops after this many iterations</source>
        <translation>Lösaren stannar efter så här många iterationer</translation>
    </message>
    <message>
        <source>Max depth</source>
        <translation>Största djup</translation>
    </message>
    <message>
        <source>How many questions deep the tree may grow (no limit: until leaves are pure)</source>
        <translation>Hur många frågor djupt trädet får växa (ingen gräns: tills löven är rena)</translation>
    </message>
    <message>
        <source>Min samples per leaf</source>
        <translation>Minsta antal exempel per löv</translation>
    </message>
    <message>
        <source>Every leaf keeps at least this many training flowers</source>
        <translation>Varje löv behåller minst så här många träningsblommor</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>How the quality of a split is measured</source>
        <translation>Hur kvaliteten på en uppdelning mäts</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Träd</translation>
    </message>
    <message>
        <source>How many trees vote</source>
        <translation>Hur många träd som röstar</translation>
    </message>
    <message>
        <source>How deep each tree may grow (no limit: until leaves are pure)</source>
        <translation>Hur djupt varje träd får växa (ingen gräns: tills löven är rena)</translation>
    </message>
    <message>
        <source>Smaller C: a softer margin, smoother boundaries</source>
        <translation>Mindre C: en mjukare marginal, jämnare gränser</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>The kernel&apos;s reach: scale uses the data&apos;s variance, auto 1 / features</source>
        <translation>Kärnans räckvidd: scale använder datas varians, auto 1 / antalet mått</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>likformig</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>avstånd</translation>
    </message>
    <message>
        <source>euclidean</source>
        <translation>euklidiskt</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>entropi</translation>
    </message>
    <message>
        <source>max iter={value}</source>
        <translation>max iter={value}</translation>
    </message>
    <message>
        <source>depth={value}</source>
        <translation>djup={value}</translation>
    </message>
    <message>
        <source>leaf={value}</source>
        <translation>löv={value}</translation>
    </message>
    <message>
        <source>trees={value}</source>
        <translation>träd={value}</translation>
    </message>
    <message>
        <source>uniform-weighted</source>
        <translation>likformigt viktad</translation>
    </message>
    <message>
        <source>distance-weighted</source>
        <translation>avståndsviktad</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>filen saknas</translation>
    </message>
    <message>
        <source>file altered</source>
        <translation>filen är ändrad</translation>
    </message>
    <message>
        <source>file outside the models folder</source>
        <translation>filen ligger utanför modellmappen</translation>
    </message>
    <message>
        <source>file unreadable</source>
        <translation>filen går inte att läsa</translation>
    </message>
    <message>
        <source>needs retraining</source>
        <translation>behöver tränas om</translation>
    </message>
    <message>
        <source>Loading the training data</source>
        <translation>Läser in träningsdata</translation>
    </message>
    <message>
        <source>Fitting the final model</source>
        <translation>Anpassar den slutliga modellen</translation>
    </message>
    <message>
        <source>Evaluating on the test set</source>
        <translation>Utvärderar på testmängden</translation>
    </message>
    <message>
        <source>Saving to the registry</source>
        <translation>Sparar i registret</translation>
    </message>
    <message>
        <source>Validation curve done</source>
        <translation>Valideringskurvan är klar</translation>
    </message>
    <message>
        <source>Cross-validation fold {fold} of {folds}</source>
        <translation>Korsvalidering, veck {fold} av {folds}</translation>
    </message>
    <message>
        <source>Validation curve: fold {fold} of {folds}</source>
        <translation>Valideringskurva: veck {fold} av {folds}</translation>
    </message>
    <message>
        <source>standardised</source>
        <translation>standardiserad</translation>
    </message>
    <message>
        <source>raw cm</source>
        <translation>råa cm</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ingen gräns</translation>
    </message>
    <message>
        <source>retrained from v{version}</source>
        <translation>omtränad från v{version}</translation>
    </message>
    <message>
        <source>same data as {versions}</source>
        <translation>samma data som {versions}</translation>
    </message>
    <message>
        <source>saved with scikit-learn {saved} (this is {current})</source>
        <translation>sparad med scikit-learn {saved} (här finns {current})</translation>
    </message>
    <message>
        <source>Registered model v{version}</source>
        <translation>Registrerade modell v{version}</translation>
    </message>
    <message>
        <source>Compute the va&amp;lidation curve</source>
        <translation>Beräkna valideringsk&amp;urvan</translation>
    </message>
    <message>
        <source>Train and cross-validated accuracy for k = 1 to 30 with the other settings as they are (on the training flowers only)</source>
        <translation>Tränings- och korsvaliderad träffsäkerhet för k = 1 till 30 med övriga inställningar som de är (bara på träningsblommorna)</translation>
    </message>
    <message>
        <source>Stop computing the curve</source>
        <translation>Sluta beräkna kurvan</translation>
    </message>
    <message>
        <source>Save the curve as PNG or SVG</source>
        <translation>Spara kurvan som PNG eller SVG</translation>
    </message>
    <message>
        <source>Compute the curve to see how accuracy changes with k. Click the plot to set k.</source>
        <translation>Beräkna kurvan för att se hur träffsäkerheten ändras med k. Klicka i diagrammet för att välja k.</translation>
    </message>
    <message>
        <source>The validation curve shows how k, the number of neighbours, trades training accuracy for cross-validated accuracy. Choose k-nearest neighbours to use it.</source>
        <translation>Valideringskurvan visar hur k, antalet grannar, byter träningsträffsäkerhet mot korsvaliderad träffsäkerhet. Välj k-närmaste grannar för att använda den.</translation>
    </message>
    <message>
        <source>The settings changed since this curve was computed: compute it again.</source>
        <translation>Inställningarna har ändrats sedan kurvan beräknades: beräkna den igen.</translation>
    </message>
    <message>
        <source>Computing the validation curve…</source>
        <translation>Beräknar valideringskurvan…</translation>
    </message>
    <message>
        <source>The curve could not be computed: {error}</source>
        <translation>Kurvan kunde inte beräknas: {error}</translation>
    </message>
    <message>
        <source>k set to {k}</source>
        <translation>k satt till {k}</translation>
    </message>
    <message>
        <source>k = {first} to {last} on the {rows} training flowers, {folds}-fold cross-validation. Best k: {best} (CV accuracy {cv:.1%}, the star). Click the plot to set k. Training accuracy far above CV means the model learns the training flowers by heart (small k).</source>
        <translation>k = {first} till {last} på de {rows} träningsblommorna, korsvalidering med {folds} veck. Bästa k: {best} (KV-träffsäkerhet {cv:.1%}, stjärnan). Klicka i diagrammet för att välja k. Träningsträffsäkerhet långt över KV betyder att modellen lär sig träningsblommorna utantill (litet k).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbrutet.</translation>
    </message>
    <message>
        <source>The kind of classifier to train</source>
        <translation>Den sorts klassificerare som ska tränas</translation>
    </message>
    <message>
        <source>Al&amp;gorithm:</source>
        <translation>Al&amp;goritm:</translation>
    </message>
    <message>
        <source>{help} (default {value})</source>
        <translation>{help} (standard {value})</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>{help} At most {maximum} with these data and folds.</source>
        <translation>{help} Högst {maximum} med dessa data och veck.</translation>
    </message>
    <message>
        <source>{help} (only with {parameter} {value})</source>
        <translation>{help} (bara med {parameter} {value})</translation>
    </message>
    <message>
        <source>{tip} (Esc)</source>
        <translation>{tip} (Esc)</translation>
    </message>
    <message>
        <source>dots: test flowers; shading: the predicted variety (paler where the model hesitates)</source>
        <translation>punkter: testblommor; skuggning: den predikterade sorten (blekare där modellen tvekar)</translation>
    </message>
    <message>
        <source>dots: training flowers; shading: the predicted variety (paler where the model hesitates)</source>
        <translation>punkter: träningsblommor; skuggning: den predikterade sorten (blekare där modellen tvekar)</translation>
    </message>
    <message>
        <source>The feature across</source>
        <translation>Måttet längs den vågräta axeln</translation>
    </message>
    <message>
        <source>The feature up</source>
        <translation>Måttet längs den lodräta axeln</translation>
    </message>
    <message>
        <source>&amp;Across:</source>
        <translation>V&amp;ågrätt:</translation>
    </message>
    <message>
        <source>&amp;Up:</source>
        <translation>&amp;Uppåt:</translation>
    </message>
    <message>
        <source>Export imag&amp;e…</source>
        <translation>E&amp;xportera bild…</translation>
    </message>
    <message>
        <source>Save the map as PNG or SVG</source>
        <translation>Spara kartan som PNG eller SVG</translation>
    </message>
    <message>
        <source>Select a version to see its decision regions.</source>
        <translation>Välj en version för att se dess beslutsområden.</translation>
    </message>
    <message>
        <source>Computing the regions of model v{version}…</source>
        <translation>Beräknar områdena för modell v{version}…</translation>
    </message>
    <message>
        <source>Model v{version}: dots are its {count} test flowers. Regions: its prediction with {first} and {second} held at the training means.</source>
        <translation>Modell v{version}: punkterna är dess {count} testblommor. Områden: dess prediktion med {first} och {second} fasthållna vid träningsmedelvärdena.</translation>
    </message>
    <message>
        <source>Model v{version}: dots are its {count} training flowers (this file keeps no test flowers). Regions: its prediction with {first} and {second} held at the training means.</source>
        <translation>Modell v{version}: punkterna är dess {count} träningsblommor (den här filen sparar inga testblommor). Områden: dess prediktion med {first} och {second} fasthållna vid träningsmedelvärdena.</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>A&amp;ktivera</translation>
    </message>
    <message>
        <source>Make the selected version the active model: Predict, the daily predictions and History use it from now on</source>
        <translation>Gör den valda versionen till aktiv modell: Prediktera, de dagliga prediktionerna och Historik använder den från och med nu</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Jämför…</translation>
    </message>
    <message>
        <source>Show two versions side by side: select two rows, or one to compare with the active model</source>
        <translation>Visa två versioner sida vid sida: välj två rader, eller en att jämföra med den aktiva modellen</translation>
    </message>
    <message>
        <source>Bac&amp;ktest…</source>
        <translation>&amp;Bakåttesta…</translation>
    </message>
    <message>
        <source>Predict every stored daily flower with the selected version, now (nothing is stored)</source>
        <translation>Prediktera varje lagrad daglig blomma med den valda versionen, nu (inget lagras)</translation>
    </message>
    <message>
        <source>Exp&amp;ort…</source>
        <translation>Exp&amp;ortera…</translation>
    </message>
    <message>
        <source>Write the selected version&apos;s file and a JSON model card to a folder</source>
        <translation>Skriv den valda versionens fil och ett modellkort i JSON till en mapp</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <source>Delete the selected version, its file and its predictions</source>
        <translation>Ta bort den valda versionen, dess fil och dess prediktioner</translation>
    </message>
    <message>
        <source>&amp;Retrain</source>
        <translation>Träna o&amp;m</translation>
    </message>
    <message>
        <source>Train the selected version again with its own settings on today&apos;s data</source>
        <translation>Träna den valda versionen igen med dess egna inställningar på dagens data</translation>
    </message>
    <message>
        <source>Reading the registry…</source>
        <translation>Läser registret…</translation>
    </message>
    <message>
        <source>No models yet: train one.</source>
        <translation>Inga modeller ännu: träna en.</translation>
    </message>
    <message>
        <source>{versions}; ⚠ {problems} with a warning (hover it; Retrain or Delete)</source>
        <translation>{versions}; ⚠ {problems} med en varning (håll muspekaren över den; Träna om eller Ta bort)</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versioner</numerusform>
        </translation>
    </message>
    <message>
        <source>The active model cannot be deleted: activate another version first</source>
        <translation>Den aktiva modellen kan inte tas bort: aktivera en annan version först</translation>
    </message>
    <message>
        <source>Recommended: {warnings}. {tip}</source>
        <translation>Rekommenderas: {warnings}. {tip}</translation>
    </message>
    <message>
        <source>Backtesting model v{version}…</source>
        <translation>Bakåttestar modell v{version}…</translation>
    </message>
    <message>
        <source>Backtest failed</source>
        <translation>Bakåttestet misslyckades</translation>
    </message>
    <message>
        <source>Export model v{version} to a folder</source>
        <translation>Exportera modell v{version} till en mapp</translation>
    </message>
    <message>
        <source>Exported model v{version}: {file} and {card} in {folder}</source>
        <translation>Exporterade modell v{version}: {file} och {card} i {folder}</translation>
    </message>
    <message>
        <source>Exporting model v{version}…</source>
        <translation>Exporterar modell v{version}…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>The active model cannot be deleted</source>
        <translation>Den aktiva modellen kan inte tas bort</translation>
    </message>
    <message>
        <source>Model v{version} is the active model. Activate another version first, then delete it.</source>
        <translation>Modell v{version} är den aktiva modellen. Aktivera en annan version först och ta sedan bort den.</translation>
    </message>
    <message>
        <source>Delete model v{version}, its file and its {predictions}? This cannot be undone.</source>
        <translation>Ta bort modell v{version}, dess fil och dess {predictions}? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Deleted model v{version} and its {predictions}</source>
        <translation>Tog bort modell v{version} och dess {predictions}</translation>
    </message>
    <message>
        <source>Deleting model v{version}…</source>
        <translation>Tar bort modell v{version}…</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Inte borttagen</translation>
    </message>
    <message>
        <source>{mean:.1%} ± {sd:.1%}</source>
        <translation>{mean:.1%} ± {sd:.1%}</translation>
    </message>
    <message>
        <source>● active</source>
        <translation>● aktiv</translation>
    </message>
    <message>
        <source>The active model: Predict, the daily predictions and History use it</source>
        <translation>Den aktiva modellen: Prediktera, de dagliga prediktionerna och Historik använder den</translation>
    </message>
    <message>
        <source>Version numbers are never reused</source>
        <translation>Versionsnummer återanvänds aldrig</translation>
    </message>
    <message>
        <source>Key parameters</source>
        <translation>Viktiga parametrar</translation>
    </message>
    <message>
        <source>The main hyper-parameters, others when not at their default; standardised or raw cm</source>
        <translation>De viktigaste hyperparametrarna, andra när de inte har sitt standardvärde; standardiserad eller råa cm</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>Träffs. (test)</translation>
    </message>
    <message>
        <source>Accuracy on the held-out test flowers</source>
        <translation>Träffsäkerhet på de undantagna testblommorna</translation>
    </message>
    <message>
        <source>CV acc.</source>
        <translation>Träffs. (KV)</translation>
    </message>
    <message>
        <source>Cross-validated accuracy on the training flowers: mean ± standard deviation</source>
        <translation>Korsvaliderad träffsäkerhet på träningsblommorna: medelvärde ± standardavvikelse</translation>
    </message>
    <message>
        <source>Train / test</source>
        <translation>Träning / test</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Dubbletter</translation>
    </message>
    <message>
        <source>Identical flowers dropped before the split, so none is on both sides</source>
        <translation>Identiska blommor borttagna före delningen, så att ingen hamnar på båda sidor</translation>
    </message>
    <message>
        <source>Retrained from another version; trained on the same rows as earlier versions</source>
        <translation>Omtränad från en annan version; tränad på samma rader som tidigare versioner</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Varningar</translation>
    </message>
    <message>
        <source>A file missing or altered cannot be used: retrain it or delete it. A file saved by another scikit-learn may predict differently: retraining is advised.</source>
        <translation>En fil som saknas eller är ändrad kan inte användas: träna om eller ta bort den. En fil sparad med en annan scikit-learn kan prediktera annorlunda: omträning rekommenderas.</translation>
    </message>
    <message>
        <source>Model v{version} was {warning}; retraining is advised.</source>
        <translation>Modell v{version} är {warning}; omträning rekommenderas.</translation>
    </message>
    <message>
        <source>Model registry</source>
        <translation>Modellregister</translation>
    </message>
    <message>
        <source>{mean:.1%} ± {sd:.1%} ({folds} folds)</source>
        <translation>{mean:.1%} ± {sd:.1%} ({folds} veck)</translation>
    </message>
    <message>
        <source>The test set is small: {count} flowers, so one flower is {points:.1f} points of test accuracy. The cross-validated figure ({cv}, on the {train} training flowers) is the steadier estimate.</source>
        <translation>Testmängden är liten: {count} blommor, så en blomma motsvarar {points:.1f} procentenheter av testträffsäkerheten. Den korsvaliderade siffran ({cv}, på de {train} träningsblommorna) är den stabilare skattningen.</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Ingen modell vald</translation>
    </message>
    <message>
        <source>Mean ± standard deviation of the accuracy over the cross-validation folds of the training flowers</source>
        <translation>Medelvärde ± standardavvikelse för träffsäkerheten över korsvalideringens veck av träningsblommorna</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Täckning</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Stöd</translation>
    </message>
    <message>
        <source>Normal&amp;ised: shares of each actual variety</source>
        <translation>&amp;Normaliserad: andelar av varje faktisk sort</translation>
    </message>
    <message>
        <source>Each row as percentages of that variety&apos;s test flowers, instead of counts</source>
        <translation>Varje rad i procent av den sortens testblommor, i stället för antal</translation>
    </message>
    <message>
        <source>Save the confusion matrix as PNG or SVG</source>
        <translation>Spara förväxlingsmatrisen som PNG eller SVG</translation>
    </message>
    <message>
        <source>Per variety, on the test set:</source>
        <translation>Per sort, på testmängden:</translation>
    </message>
    <message>
        <source>Confusion matrix (test set; rows actual):</source>
        <translation>Förväxlingsmatris (testmängd; rader faktisk sort):</translation>
    </message>
    <message>
        <source>Select a version in the registry below, or train one, to see its results.</source>
        <translation>Välj en version i registret nedan, eller träna en, för att se dess resultat.</translation>
    </message>
    <message>
        <source>Trained on {train} flowers and tested on {test}, of {stored} stored ({sources}); {dropped} so none is on both sides. Split seed {seed}.</source>
        <translation>Tränad på {train} blommor och testad på {test}, av {stored} lagrade ({sources}); {dropped} så att ingen hamnar på båda sidor. Delningsfrö {seed}.</translation>
    </message>
    <message numerus="yes">
        <source>%n identical flower(s) dropped</source>
        <translation>
            <numerusform>%n identisk blomma borttagen</numerusform>
            <numerusform>%n identiska blommor borttagna</numerusform>
        </translation>
    </message>
    <message>
        <source>Trained on {train} flowers and tested on {test}, of {stored} stored ({sources}). Split seed {seed}.</source>
        <translation>Tränad på {train} blommor och testad på {test}, av {stored} lagrade ({sources}). Delningsfrö {seed}.</translation>
    </message>
    <message>
        <source>B&amp;undled data set</source>
        <translation>Medföljande &amp;datamängd</translation>
    </message>
    <message>
        <source>Imported &amp;batches</source>
        <translation>&amp;Importerade omgångar</translation>
    </message>
    <message>
        <source>Dail&amp;y flowers</source>
        <translation>Dag&amp;liga blommor</translation>
    </message>
    <message>
        <source>The 150 flowers of the classic data set, stored on first run</source>
        <translation>De 150 blommorna i den klassiska datamängden, lagrade vid första körningen</translation>
    </message>
    <message>
        <source>Flowers imported from CSV files</source>
        <translation>Blommor importerade från CSV-filer</translation>
    </message>
    <message>
        <source>The generated daily flowers (their varieties come from the generator&apos;s overlapping ranges: training on them teaches the generator, not nature)</source>
        <translation>De genererade dagliga blommorna (deras sorter kommer från generatorns överlappande intervall: att träna på dem lär ut generatorn, inte naturen)</translation>
    </message>
    <message>
        <source>&amp;Standardise features</source>
        <translation>&amp;Standardisera måtten</translation>
    </message>
    <message>
        <source>Scale each measurement to mean 0 and standard deviation 1 (fitted on the training flowers) before the model sees it</source>
        <translation>Skala varje mått till medelvärde 0 och standardavvikelse 1 (anpassat på träningsblommorna) innan modellen ser det</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Träningsdata</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Källor:</translation>
    </message>
    <message>
        <source>The share of the flowers held out to test the model (stratified by variety)</source>
        <translation>Andelen blommor som hålls undan för att testa modellen (stratifierat efter sort)</translation>
    </message>
    <message>
        <source>Seeds the train/test split, the CV folds and random models: the same seed gives the same model</source>
        <translation>Fröet för delningen i träning/test, korsvalideringens veck och slumpmässiga modeller: samma frö ger samma modell</translation>
    </message>
    <message>
        <source>Cross-validation folds of the training flowers</source>
        <translation>Korsvalideringens veck av träningsblommorna</translation>
    </message>
    <message>
        <source>Test fractio&amp;n:</source>
        <translation>T&amp;estandel:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Frö:</translation>
    </message>
    <message>
        <source>&amp;CV folds:</source>
        <translation>KV-ve&amp;ck:</translation>
    </message>
    <message>
        <source>{source} ({count:,})</source>
        <translation>{source} ({count:,})</translation>
    </message>
    <message>
        <source>Cross-validation folds of the training flowers: at most {maximum}, the number of {variety} flowers in the training split</source>
        <translation>Korsvalideringens veck av träningsblommorna: högst {maximum}, antalet blommor av sorten {variety} i träningsdelen</translation>
    </message>
    <message>
        <source>{rows:,} flowers; {dropped}: {train:,} to train on, {test:,} to test.</source>
        <translation>{rows:,} blommor; {dropped}: {train:,} att träna på, {test:,} att testa.</translation>
    </message>
    <message>
        <source>{rows:,} flowers: {train:,} to train on, {test:,} to test.</source>
        <translation>{rows:,} blommor: {train:,} att träna på, {test:,} att testa.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Validation curve (KNN)</source>
        <translation>Valideringskurva (KNN)</translation>
    </message>
    <message>
        <source>Activate &amp;when trained</source>
        <translation>Aktivera när den är tr&amp;änad</translation>
    </message>
    <message>
        <source>Make the new version the active model at once (Predict, the daily predictions and History follow); otherwise it is only registered</source>
        <translation>Gör den nya versionen till aktiv modell direkt (Prediktera, de dagliga prediktionerna och Historik följer med); annars registreras den bara</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>T&amp;räna</translation>
    </message>
    <message>
        <source>Train with these settings in the background and register a new version ({keys})</source>
        <translation>Träna med de här inställningarna i bakgrunden och registrera en ny version ({keys})</translation>
    </message>
    <message>
        <source>Stop the training: no version is kept</source>
        <translation>Avbryt träningen: ingen version sparas</translation>
    </message>
    <message>
        <source>A training is running: wait for it or cancel it.</source>
        <translation>En träning pågår: vänta på den eller avbryt den.</translation>
    </message>
    <message>
        <source>Registered {model} and made it active.</source>
        <translation>Registrerade {model} och gjorde den aktiv.</translation>
    </message>
    <message>
        <source>Registered {model}.</source>
        <translation>Registrerade {model}.</translation>
    </message>
    <message>
        <source>Cancelled: no version was registered.</source>
        <translation>Avbrutet: ingen version registrerades.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Träningen misslyckades: {error}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>{model} · active</source>
        <translation>{model} · aktiv</translation>
    </message>
    <message>
        <source>Model v{version} cannot be loaded: {problem}.</source>
        <translation>Modell v{version} kan inte läsas in: {problem}.</translation>
    </message>
    <message>
        <source>The image was not saved</source>
        <translation>Bilden sparades inte</translation>
    </message>
    <message>
        <source>{share:.0%} ({count})</source>
        <translation>{share:.0%} ({count})</translation>
    </message>
    <message>
        <source>This flower</source>
        <translation>Den här blomman</translation>
    </message>
    <message>
        <source>Decision regions over {x} and {y}</source>
        <translation>Beslutsområden över {x} och {y}</translation>
    </message>
    <message>
        <source>{dots} &amp;nbsp;○&amp;nbsp;nearest neighbours &amp;nbsp;★&amp;nbsp;this flower (coloured by its prediction)</source>
        <translation>{dots} &amp;nbsp;○&amp;nbsp;närmaste grannar &amp;nbsp;★&amp;nbsp;den här blomman (färgad efter sin prediktion)</translation>
    </message>
    <message>
        <source>Flower drawn to scale</source>
        <translation>Blomma ritad i skala</translation>
    </message>
    <message>
        <source>No flower</source>
        <translation>Ingen blomma</translation>
    </message>
    <message>
        <source>Sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm</source>
        <translation>Foderblad {sl:.1f} × {sw:.1f} cm, kronblad {pl:.1f} × {pw:.1f} cm</translation>
    </message>
    <message>
        <source>Sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm, coloured as {variety}</source>
        <translation>Foderblad {sl:.1f} × {sw:.1f} cm, kronblad {pl:.1f} × {pw:.1f} cm, färgad som {variety}</translation>
    </message>
    <message>
        <source>{cm} cm</source>
        <translation>{cm} cm</translation>
    </message>
    <message>
        <source>sepal {sl:.1f} × {sw:.1f} cm · petal {pl:.1f} × {pw:.1f} cm</source>
        <translation>foderblad {sl:.1f} × {sw:.1f} cm · kronblad {pl:.1f} × {pw:.1f} cm</translation>
    </message>
    <message>
        <source>k={k}, distance-weighted</source>
        <translation>k={k}, avståndsviktad</translation>
    </message>
    <message>
        <source>max depth {depth}</source>
        <translation>maxdjup {depth}</translation>
    </message>
    <message>
        <source>max depth unlimited</source>
        <translation>obegränsat djup</translation>
    </message>
    <message>
        <source>{count} trees</source>
        <translation>{count} träd</translation>
    </message>
    <message>
        <source>{detail}, standardised</source>
        <translation>{detail}, standardiserad</translation>
    </message>
    <message>
        <source>Model v{version} · {name} ({detail}) · test accuracy {accuracy:.1%}</source>
        <translation>Modell v{version} · {name} ({detail}) · träffsäkerhet på testmängden {accuracy:.1%}</translation>
    </message>
    <message>
        <source>Model v{version} · {name} ({detail})</source>
        <translation>Modell v{version} · {name} ({detail})</translation>
    </message>
    <message>
        <source>Model v{version} · {name} · test accuracy {accuracy:.1%}</source>
        <translation>Modell v{version} · {name} · träffsäkerhet på testmängden {accuracy:.1%}</translation>
    </message>
    <message>
        <source>Model v{version} · {name}</source>
        <translation>Modell v{version} · {name}</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-bild</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG-ritning</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>kunde inte skriva {path}</translation>
    </message>
    <message>
        <source>Export {name}</source>
        <translation>Exportera {name}</translation>
    </message>
    <message>
        <source>Database recovery notice</source>
        <translation>Meddelande om återställd databas</translation>
    </message>
    <message>
        <source>I have &amp;seen this</source>
        <translation>Jag har &amp;sett detta</translation>
    </message>
    <message>
        <source>Stop showing this notice (the command line stops mentioning it too)</source>
        <translation>Sluta visa det här meddelandet (kommandoraden slutar också nämna det)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database was recovered&lt;/b&gt;: {note}.</source>
        <translation>&lt;b&gt;Databasen återställdes&lt;/b&gt;: {note}.</translation>
    </message>
    <message>
        <source>{tab} ›</source>
        <translation>{tab} ›</translation>
    </message>
</context>
</TS>
