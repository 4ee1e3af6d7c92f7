-- 0004: the projector keeps the events of the keys it placed lately in memory (an event cache), and finds
-- the stored events a report may join through the events' own dates instead of graph.event_dates; a
-- catch-up from zero makes the relations and the secondary indexes at its end. The projector's code
-- version changes with it (3), so the read models rebuild themselves. See docs/read-models.md.

DROP TABLE graph.event_dates;

-- Ids compare byte by byte ("C"): they are opaque, and the projector sorts, groups and indexes millions of
-- them. (Under C.UTF-8 the order is the same; under other locales only the order of ids changes.) The
-- read models are emptied first, since the projector rebuilds them anyway; the views over these columns
-- are made again as 0002 made them.
TRUNCATE graph.event_entities, graph.events, graph.sources, graph.relation_reports, graph.relations, graph.edge_articles,
         graph.aliases, graph.retractions, graph.articles, graph.entities, graph.checkpoints;
DROP VIEW graph.office_announcements;
DROP VIEW graph.entity_overview;
ALTER TABLE graph.articles ALTER COLUMN id TYPE text COLLATE "C";
ALTER TABLE graph.entities ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN merged_into TYPE text COLLATE "C";
ALTER TABLE graph.aliases ALTER COLUMN entity_id TYPE text COLLATE "C";
ALTER TABLE graph.sources
    ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN article_id TYPE text COLLATE "C",
    ALTER COLUMN actor_id TYPE text COLLATE "C", ALTER COLUMN place_id TYPE text COLLATE "C",
    ALTER COLUMN cluster_key TYPE text COLLATE "C", ALTER COLUMN event_id TYPE text COLLATE "C";
ALTER TABLE graph.events
    ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN cluster_key TYPE text COLLATE "C",
    ALTER COLUMN actor_id TYPE text COLLATE "C", ALTER COLUMN place_id TYPE text COLLATE "C";
ALTER TABLE graph.event_entities
    ALTER COLUMN event_id TYPE text COLLATE "C", ALTER COLUMN entity_id TYPE text COLLATE "C",
    ALTER COLUMN role TYPE text COLLATE "C", ALTER COLUMN subject_id TYPE text COLLATE "C",
    ALTER COLUMN predicate TYPE text COLLATE "C";
ALTER TABLE graph.relation_reports
    ALTER COLUMN article_id TYPE text COLLATE "C", ALTER COLUMN subject_id TYPE text COLLATE "C",
    ALTER COLUMN predicate TYPE text COLLATE "C", ALTER COLUMN object_id TYPE text COLLATE "C",
    ALTER COLUMN role TYPE text COLLATE "C", ALTER COLUMN edge_subject_id TYPE text COLLATE "C",
    ALTER COLUMN edge_object_id TYPE text COLLATE "C";
ALTER TABLE graph.edge_articles
    ALTER COLUMN subject_id TYPE text COLLATE "C", ALTER COLUMN predicate TYPE text COLLATE "C",
    ALTER COLUMN object_id TYPE text COLLATE "C", ALTER COLUMN role TYPE text COLLATE "C",
    ALTER COLUMN article_id TYPE text COLLATE "C";
ALTER TABLE graph.relations
    ALTER COLUMN subject_id TYPE text COLLATE "C", ALTER COLUMN predicate TYPE text COLLATE "C",
    ALTER COLUMN object_id TYPE text COLLATE "C", ALTER COLUMN role TYPE text COLLATE "C";
ALTER TABLE graph.retractions ALTER COLUMN target_id TYPE text COLLATE "C";

CREATE VIEW graph.office_announcements AS
SELECT o.id AS opened_event_id, a.id AS announced_event_id
FROM graph.events o
CROSS JOIN LATERAL (
    SELECT a.id FROM graph.events a
    WHERE a.type = 'office.announced' AND a.actor_id = o.actor_id AND a.place_id IS NOT DISTINCT FROM o.place_id
      AND NOT a.retracted AND (a.date_sort IS NULL OR o.date_sort IS NULL OR a.date_sort <= o.date_sort)
    ORDER BY a.date_sort DESC NULLS LAST, a.first_position
    LIMIT 1
) a
WHERE o.type = 'office.opened';

CREATE VIEW graph.entity_overview AS
SELECT n.id, n.kind, n.name, n.country, n.merged_into, n.renamed,
       span.first_seen, span.last_seen, span.events
FROM graph.entities n
LEFT JOIN LATERAL (
    SELECT min(e.date) AS first_seen, max(e.date) AS last_seen, count(DISTINCT e.id) AS events
    FROM graph.event_entities ee JOIN graph.events e ON e.id = ee.event_id AND NOT e.retracted
    WHERE ee.entity_id = n.id
) span ON true;

GRANT SELECT ON graph.entity_overview, graph.office_announcements TO chronograph_reader, chronograph_writer;

-- Where all of an event's dates fall: their longest common prefix (2024-11 for 2024-11-26 and 2024-11-27).
-- An event's dates always share their year, since a date joins an event only when compatible with one of
-- its dates. So a report dated d may join only events of its key from d's year (found through
-- events_latest_idx: the latest date is in that year too) whose span is d, finer than d, or coarser.
ALTER TABLE graph.events ADD COLUMN span text COLLATE "C";

-- A catch-up from an empty graph makes the relations (graph.relations, graph.edge_articles) once, at its
-- end, instead of moving them batch by batch. Until then the checkpoint says they are deferred.
ALTER TABLE graph.checkpoints ADD COLUMN deferred boolean NOT NULL DEFAULT false;

-- It also drops the indexes its writes never read, and builds them again at its end (a sorted build costs
-- a fraction of one entry per inserted row). Their definitions wait here. The uniqueness of sources, of
-- events' parts and of an edge's articles becomes such an index: the projector makes each row once, and
-- the build checks it.
ALTER TABLE graph.sources DROP CONSTRAINT sources_pkey;
CREATE UNIQUE INDEX sources_id_idx ON graph.sources (id);
ALTER TABLE graph.event_entities DROP CONSTRAINT event_entities_pkey;
CREATE UNIQUE INDEX event_entities_part_idx ON graph.event_entities (event_id, entity_id, role);
ALTER TABLE graph.edge_articles DROP CONSTRAINT edge_articles_pkey;
CREATE UNIQUE INDEX edge_articles_edge_article_idx ON graph.edge_articles (subject_id, predicate, object_id, role, article_id);
CREATE TABLE graph.deferred_indexes (
    name       text PRIMARY KEY,
    table_name text NOT NULL,            -- graph.<table>
    definition text NOT NULL             -- as pg_get_indexdef gave it
);

GRANT SELECT ON graph.deferred_indexes TO chronograph_reader, chronograph_writer;
