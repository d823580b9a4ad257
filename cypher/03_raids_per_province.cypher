// People killed or captured in raids, per province: the raid's place, or the
// province it lies in through up to three LOCATED_IN steps (district ->
// province). Places with no known province are listed as such.
MATCH (p:Person)-[r:KILLED_IN_RAID|CAPTURED_IN_RAID]->(place:Location)
OPTIONAL MATCH (place)-[:LOCATED_IN*0..3]->(prov:Location {kind: 'province'})
WITH coalesce(prov.name, '(no province known: ' + place.name + ')') AS province, type(r) AS outcome, p, place
RETURN province, outcome, count(DISTINCT p) AS people, collect(DISTINCT p.name + ' (' + place.name + ')') AS who
ORDER BY province, outcome
