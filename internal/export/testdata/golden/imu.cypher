// graphload export: 7 entities and 6 relations within 2 hops of Islamic Movement of Uzbekistan
// Run with: cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -f FILE.cypher (password from NEO4J_PASSWORD)
// Idempotent: nodes are merged on key (entities) and id (articles), relationships on their ends.
CREATE CONSTRAINT entity_Location_key IF NOT EXISTS FOR (n:`Location`) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT entity_Organization_key IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT entity_Person_key IF NOT EXISTS FOR (n:`Person`) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE;
MERGE (n:`Location` {key: 'Location:ishkamish'}) SET n.name = 'Ishkamish', n.aliases = [], n.mentions = 2, n.kind = 'district';
MERGE (n:`Location` {key: 'Location:kunduz'}) SET n.name = 'Kunduz', n.aliases = [], n.mentions = 1, n.kind = 'province';
MERGE (n:`Organization` {key: 'Organization:haqqani network'}) SET n.name = 'Haqqani Network', n.aliases = [], n.mentions = 2, n.kind = 'militant_group';
MERGE (n:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) SET n.name = 'Islamic Movement of Uzbekistan', n.aliases = ['IMU', 'O\'zbekiston Islomiy Harakati'], n.mentions = 9, n.kind = 'militant_group';
MERGE (n:`Organization` {key: 'Organization:taliban'}) SET n.name = 'Taliban', n.aliases = [], n.mentions = 5, n.kind = 'militant_group';
MERGE (n:`Person` {key: 'Person:abu `tick` o\'reilly'}) SET n.name = 'Abu `Tick` O\'Reilly \\ "the Quote"', n.aliases = ['\'}) DETACH DELETE n //', 'x|y *z* <b>'], n.mentions = 3;
MERGE (n:`Person` {key: 'Person:juma khan'}) SET n.name = 'Juma Khan', n.aliases = [], n.mentions = 2;
MERGE (a:`Article` {id: 'a.txt'}) SET a.title = 'Raid in "Takhar"', a.date = '2011-05-02', a.url = 'https://example.org/a?x=1&y=<2>';
MERGE (a:`Article` {id: 'b.txt'}) SET a.title = 'Allies', a.date = '2012-01-10';
MERGE (a:`Article` {id: 'c.txt'});
MATCH (a:`Article` {id: 'a.txt'}) MATCH (e:`Location` {key: 'Location:ishkamish'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 2;
MATCH (a:`Article` {id: 'a.txt'}) MATCH (e:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 3;
MATCH (a:`Article` {id: 'a.txt'}) MATCH (e:`Person` {key: 'Person:juma khan'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 2;
MATCH (a:`Article` {id: 'b.txt'}) MATCH (e:`Organization` {key: 'Organization:haqqani network'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 2;
MATCH (a:`Article` {id: 'b.txt'}) MATCH (e:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 4;
MATCH (a:`Article` {id: 'b.txt'}) MATCH (e:`Organization` {key: 'Organization:taliban'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 3;
MATCH (a:`Article` {id: 'b.txt'}) MATCH (e:`Person` {key: 'Person:abu `tick` o\'reilly'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 3;
MATCH (a:`Article` {id: 'c.txt'}) MATCH (e:`Location` {key: 'Location:kunduz'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 1;
MATCH (a:`Article` {id: 'c.txt'}) MATCH (e:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 2;
MATCH (a:`Article` {id: 'c.txt'}) MATCH (e:`Organization` {key: 'Organization:taliban'}) MERGE (a)-[m:`MENTIONS`]->(e) SET m.count = 2;
MATCH (a:`Organization` {key: 'Organization:haqqani network'}) MATCH (b:`Organization` {key: 'Organization:taliban'}) MERGE (a)-[r:`ALLIED_WITH`]->(b) SET r.count = 1, r.evidence = ['The Taliban and the Haqqani Network.'], r.evidenceSources = ['b.txt'], r.firstSeen = '2012-01-10', r.lastSeen = '2012-01-10', r.offsets = ['b.txt:90-126'], r.sourceCounts = [1], r.sources = ['b.txt'];
MATCH (a:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MATCH (b:`Organization` {key: 'Organization:taliban'}) MERGE (a)-[r:`ALLIED_WITH`]->(b) SET r.count = 3, r.evidence = ['The IMU; a key ally of the "Taliban".', 'The IMU fights with the Taliban.'], r.evidenceSources = ['b.txt', 'c.txt'], r.firstSeen = '2012-01-10', r.lastSeen = '2012-01-10', r.offsets = ['b.txt:40-77', 'c.txt:5-37'], r.sourceCounts = [2, 1], r.sources = ['b.txt', 'c.txt'];
MATCH (a:`Person` {key: 'Person:juma khan'}) MATCH (b:`Location` {key: 'Location:ishkamish'}) MERGE (a)-[r:`KILLED_IN_RAID`]->(b) SET r.count = 1, r.evidence = ['Juma Khan was killed in Ishkamish.'], r.evidenceSources = ['a.txt'], r.firstSeen = '2011-05-02', r.lastSeen = '2011-05-02', r.offsets = ['a.txt:250-284'], r.sourceCounts = [1], r.sources = ['a.txt'];
MATCH (a:`Person` {key: 'Person:abu `tick` o\'reilly'}) MATCH (b:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MERGE (a)-[r:`LEADER_OF`]->(b) SET r.count = 2, r.evidence = ['Its emir, Abu `Tick` O\'Reilly \\ "the Quote",\nleads it.'], r.evidenceSources = ['b.txt'], r.firstSeen = '2012-01-10', r.lastSeen = '2012-01-10', r.offsets = ['b.txt:300-354'], r.sourceCounts = [2], r.sources = ['b.txt'];
MATCH (a:`Person` {key: 'Person:juma khan'}) MATCH (b:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MERGE (a)-[r:`MEMBER_OF`]->(b) SET r.count = 1, r.evidence = ['IMU facilitator Juma Khan.'], r.evidenceSources = ['a.txt'], r.firstSeen = '2011-05-02', r.lastSeen = '2011-05-02', r.offsets = ['a.txt:200-226'], r.sourceCounts = [1], r.sources = ['a.txt'];
MATCH (a:`Organization` {key: 'Organization:islamic movement of uzbekistan'}) MATCH (b:`Location` {key: 'Location:kunduz'}) MERGE (a)-[r:`OPERATES_IN`]->(b) SET r.count = 1, r.evidence = ['The IMU operates in Kunduz.'], r.evidenceSources = ['c.txt'], r.offsets = ['c.txt:60-87'], r.sourceCounts = [1], r.sources = ['c.txt'];
