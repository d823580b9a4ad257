// Allies of allies: groups allied with the group's allies but not (yet)
// with the group itself; ALLIED_WITH has no direction, so the pattern has none.
// On fixtures/corpus, the Taliban's ally IMU brings al Qaeda, the Haqqani Network and the TTP.
WITH 'Taliban' AS group
MATCH (g:Organization)
WHERE toLower(g.name) = toLower(group) OR any(a IN g.aliases WHERE toLower(a) = toLower(group))
MATCH p = (g)-[:ALLIED_WITH]-(ally:Organization)-[:ALLIED_WITH]-(other:Organization)
WHERE other <> g AND NOT (g)-[:ALLIED_WITH]-(other)
RETURN p
