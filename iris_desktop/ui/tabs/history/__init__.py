"""The History tab's parts: the accuracy plot, the day panel, the table, the confusion matrix, drift and exports."""
