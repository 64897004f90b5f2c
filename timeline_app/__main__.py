"""``python -m timeline_app`` and the ``timeline-app`` commands: the command line, as a process.

Only a process of its own holds the cycle collector off while it starts (see
:func:`timeline_app.startup_gc.hold_collection`); ``cli.main`` called in a test does not.
"""

import sys


def main() -> int:
    from .startup_gc import hold_collection

    hold_collection()
    from .cli import main as command_line

    return command_line()


if __name__ == "__main__":
    sys.exit(main())
