"""The Explore tab's parts: the shared selection, data prepared for plotting, the fast
scatter item, the plots, the statistics, the table and the toolbar."""
