// The shortest chain of relations between two people (at most 6 steps),
// through entities only: MENTIONS links to articles do not count.
WITH 'Juma Khan' AS first, 'Tahir Yuldashev' AS second
MATCH (a:Person {name: first}), (b:Person {name: second})
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONS')
RETURN p
