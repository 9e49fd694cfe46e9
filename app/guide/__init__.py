"""The guide: Markdown under content/ -> typed model (app.guide.model). No flet here.

compile_guide(content_dir, shown=None) -> Guide   parse everything, collect problems
load_guide(content_dir, cache_dir=None) -> Guide  the same, via the compiled bundle
app.guide.query     phrases(...), checklist_items(...), stage(...)
app.guide.bundle    to_dict(guide), from_dict(d)
app.guide.checks    check(content_dir) -> Report, dump(...): values the CLI prints
app.guide.codes     every problem code and its severity (documented in content/README.md)
app.guide.search    build_index(guide), search(index, query) -> [Hit]
"""

from app.guide.cache import PARSER_VERSION, load_guide
from app.guide.compile import compile_guide

__all__ = ["PARSER_VERSION", "compile_guide", "load_guide"]
