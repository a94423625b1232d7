"""Run-time configuration. Leave this file as it is."""

DEBUG = False


def set_debug(on):
    global DEBUG
    DEBUG = on
