"""Sub-commands of ``kobankyo``: each module has ``register(subparsers)``.

A sub-command's ``func(args) -> int`` returns the exit status; errors the user can act on are
printed in Japanese to stderr (exit 2), never as a traceback.
"""
