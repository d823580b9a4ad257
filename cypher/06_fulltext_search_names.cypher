// Full-text search over names and aliases, with the loader's index
// entityNames (Lucene syntax: 'Yuldash~' is fuzzy, 'Haqq*' a prefix,
// quotes for a phrase). Finds Tahir Yuldashev through his alias Yuldash.
CALL db.index.fulltext.queryNodes('entityNames', 'Yuldash~') YIELD node, score
RETURN node.name AS name, labels(node) AS labels, node.aliases AS aliases, node.mentions AS mentions, score
ORDER BY score DESC LIMIT 10
