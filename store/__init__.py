"""Elasticsearch access: the only package that talks to Elasticsearch.

client.py builds the client; indices.py applies the templates of `index_mappings/` with
versioned indices behind aliases; writer.py indexes in bulk with a disk spool for outages;
queries.py holds pure query builders; articles.py reads and writes articles.
"""
