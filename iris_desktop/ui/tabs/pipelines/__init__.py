"""The Pipelines tab: the lab's pipelines drawn as a flow with their last runs, Run now,
the run log, lineage, and the daily schedule in the system's scheduler."""
