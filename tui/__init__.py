"""bilat's user-facing side: the command line and the Textual dashboard."""
