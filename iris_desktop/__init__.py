"""Iris Desktop: the serverless-ML Iris lab as an offline desktop app."""

__version__ = "0.1.0"
APP_NAME = "iris-desktop"
APP_DISPLAY_NAME = "Iris Desktop"
ORG_NAME = "Iris Desktop"
