// Neighbours of a group: every entity one relation away from a group, found
// by its name or any alias, with the relations between them (graph view).
// Change the name on the first line: 'IMU', 'Taliban', 'Haqqani Network', ...
WITH 'IMU' AS group
MATCH (g:Organization)
WHERE toLower(g.name) = toLower(group) OR any(a IN g.aliases WHERE toLower(a) = toLower(group))
MATCH (g)-[r]-(n)
WHERE NOT n:Article
RETURN g, r, n
