"""Iris Desktop: the serverless-ML Iris lab as an offline desktop app."""

__version__ = "0.2.0"
APP_NAME = "iris-desktop"
# The desktop entry's name (reverse-DNS) and QGuiApplication.desktopFileName: a Wayland
# compositor finds the window's icon through it.
APP_ID = "io.github.irisdesktop.IrisDesktop"
APP_DISPLAY_NAME = "Iris Desktop"
ORG_NAME = "Iris Desktop"
