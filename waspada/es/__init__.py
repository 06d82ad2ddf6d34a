"""A local Elasticsearch 7.10.2 node (or a small cluster) for development, tests and small deployments.

Used only when `ES_URL` is not set. The jars come from Maven Central through `pom.xml`
(codelibs' elasticsearch-cluster-runner); Java 17+ and Maven are needed.
"""
