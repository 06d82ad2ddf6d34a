"""The built-in offline demo: fictitious Kaltara outlets on 127.0.0.1 playing a 14-day scenario.

`scenario.yaml` holds the articles and posts (calm days, a land dispute in Sebuku that turns
violent, Pilkada tension in Tarakan, hard negatives) with the labels an analyst would give
them; `server.start_demo()` serves them as WordPress sites and a Telegram channel preview and
writes a sources file the crawlers use. See docs/demo.md.
"""
