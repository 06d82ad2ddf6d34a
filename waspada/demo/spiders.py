"""Named spiders for the demo sources, so `scrapy crawl teraskaltara_demo` finds them.

Scrapy finds spiders by name in SPIDER_MODULES; the demo sources have no file in
crawlers/spiders/ (they are not real outlets), so this module defines one class per demo outlet
on its platform's base spider. Add it for a run with
`-s SPIDER_MODULES=crawlers.spiders,waspada.demo.spiders` (waspada.demo.server.SPIDER_MODULES).
"""

from __future__ import annotations

from crawlers.spiders.base import PLATFORMS
from waspada.demo.scenario import default_scenario


def _spider_class(name: str, platform: str) -> type:
    base = PLATFORMS[platform]
    class_name = "".join(part.capitalize() for part in name.split("_")) + "Spider"
    return type(class_name, (base,), {"name": name, "__module__": __name__,
                                      "__doc__": f"Demo outlet {name} ({platform} platform)."})


for _outlet in default_scenario().outlets:
    _cls = _spider_class(_outlet.name, _outlet.platform)
    globals()[_cls.__name__] = _cls

del _outlet, _cls
