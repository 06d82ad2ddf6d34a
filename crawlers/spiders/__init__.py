"""One spider per source: file name = spider `name` = source name in sources.yaml.

Each file is a few lines on top of a platform base spider in `crawlers/spiders/base/`.
"""
