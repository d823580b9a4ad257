// The evidence and the articles behind an edge: each supporting sentence
// with its article, byte offsets, title and date. Pick the two ends here;
// the relation may have any type and direction.
WITH 'Juma Khan' AS from, 'Ishkamish' AS to
MATCH (a {name: from})-[r]-(b {name: to})
WHERE NOT a:Article AND NOT b:Article
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (art:Article {id: r.evidenceSources[i]})
RETURN type(r) AS relation, r.count AS count, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen,
       r.evidence[i] AS sentence, r.evidenceSources[i] AS article, r.offsets[i] AS offsets,
       art.title AS title, art.date AS date, art.url AS url
ORDER BY relation, article, offsets
