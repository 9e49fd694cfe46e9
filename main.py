"""Entry point that `flet build apk|ipa|web` packages (it wants main.py at the app root).

The app itself is app/main.py; `flet run app/main.py` and `python -m app` also work.
"""

from app.main import main, run

__all__ = ["main"]

if __name__ == "__main__":
    run()
