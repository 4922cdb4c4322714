"""The desktop app (PySide6). The core (``annotator``) never imports this package.

Start it with :func:`ui.app.run_app` (``annotator gui PROJECT``). The window is
:class:`ui.mainwindow.MainWindow`; features plug in through ``ui.mainwindow.FEATURES``.
"""
