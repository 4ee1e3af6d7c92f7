-- 0002: the read models, projected from the log by `chronograph project`.
--
-- Everything in schema `graph` is derived: dropping it and replaying the log gives the same rows.
-- The projector is the only writer; it stores its checkpoint in graph.checkpoints in the same
-- transaction as its effects. See docs/read-models.md.

CREATE SCHEMA graph;

-- Where each projection stands in the log, and which version of its code wrote the rows.
CREATE TABLE graph.checkpoints (
    projection   text PRIMARY KEY,
    xid          xid8 NOT NULL,
    position     bigint NOT NULL,
    code_version integer NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Articles, one row per ingested article.
CREATE TABLE graph.articles (
    id             text PRIMARY KEY,
    title          text,
    url            text,
    source         text NOT NULL,
    published      text,            -- YYYY-MM-DD or NULL
    language       text NOT NULL,
    length         integer NOT NULL,
    extractor      text NOT NULL,
    retracted      boolean NOT NULL DEFAULT false,
    retract_reason text,
    log_position   bigint NOT NULL
);

-- Organizations, people and places. A merged entity keeps its row, pointing at the survivor.
CREATE TABLE graph.entities (
    id          text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('organization', 'person', 'place')),
    name        text NOT NULL,
    country     text,
    merged_into text REFERENCES graph.entities (id) DEFERRABLE INITIALLY DEFERRED,
    renamed     boolean NOT NULL DEFAULT false
);
CREATE INDEX entities_lower_name_idx ON graph.entities (lower(name));

-- Every surface form seen (or added by an analyst), in its language.
CREATE TABLE graph.aliases (
    alias     text NOT NULL,
    entity_id text NOT NULL REFERENCES graph.entities (id) DEFERRABLE INITIALLY DEFERRED,
    language  text NOT NULL DEFAULT '',
    seen      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (alias, entity_id, language)
);
CREATE INDEX aliases_lower_alias_idx ON graph.aliases (lower(alias));
CREATE INDEX aliases_entity_idx ON graph.aliases (entity_id);

-- Sources: every report of an event, with its article, evidence and the date as that article gave it.
CREATE TABLE graph.sources (
    id             text PRIMARY KEY,         -- article id ':' local event id
    article_id     text NOT NULL REFERENCES graph.articles (id),
    type           text NOT NULL,
    actor_id       text NOT NULL,            -- as reported (before merges)
    place_id       text,
    party_ids      text[] NOT NULL,          -- actor and counterparties, as reported
    date           text,                     -- EDTF as the article gave it
    evidence       text NOT NULL,
    evidence_start integer NOT NULL,
    evidence_end   integer NOT NULL,
    confidence     double precision NOT NULL,
    report         jsonb NOT NULL,           -- the whole event.reported payload
    cluster_key    text NOT NULL,            -- which reports may be one event (after merges)
    event_id       text,                     -- the event it was grouped into
    log_position   bigint NOT NULL
);
CREATE INDEX sources_cluster_key_idx ON graph.sources (cluster_key);
CREATE INDEX sources_event_idx ON graph.sources (event_id);
CREATE INDEX sources_article_idx ON graph.sources (article_id);

-- Events: one row per real-world event, however many articles report it.
CREATE TABLE graph.events (
    id                text PRIMARY KEY,
    cluster_key       text NOT NULL,
    type              text NOT NULL,
    actor_id          text NOT NULL,
    place_id          text,
    date              text,                  -- the most precise date the sources give (EDTF)
    date_sort         text,                  -- first day the date covers, for ordering
    conflicting_dates text[] NOT NULL DEFAULT '{}',
    source_count      integer NOT NULL,
    first_published   text,                  -- earliest publication date of its articles
    first_position    bigint NOT NULL,
    retracted         boolean NOT NULL DEFAULT false,
    retract_reason    text
);
CREATE INDEX events_cluster_key_idx ON graph.events (cluster_key);
CREATE INDEX events_actor_place_idx ON graph.events (actor_id, place_id);

-- An opening and the announcement of the same office (actor and place) it fulfils: the latest one made
-- before it. A view, so it follows every change of the events at no cost to the projector.
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

-- Who takes part in an event: actor, counterparty, participant (with a role), place.
CREATE TABLE graph.event_entities (
    event_id  text NOT NULL REFERENCES graph.events (id) ON DELETE CASCADE,
    entity_id text NOT NULL,
    role      text NOT NULL,
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_entities_entity_idx ON graph.event_entities (entity_id);

-- Relations as articles report them (holds_role, headquartered_in).
CREATE TABLE graph.relation_reports (
    article_id   text NOT NULL REFERENCES graph.articles (id),
    ordinal      integer NOT NULL,
    subject_id   text NOT NULL,
    predicate    text NOT NULL,
    object_id    text NOT NULL,
    role         text NOT NULL DEFAULT '',
    evidence     text NOT NULL,
    log_position bigint NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

-- What each edge rests on: one row per (fact, article), a fact being an event or a relation report.
CREATE TABLE graph.edge_sources (
    fact_id    text NOT NULL,               -- an event id, or 'relation:' article '#' ordinal
    subject_id text NOT NULL,
    predicate  text NOT NULL,
    object_id  text NOT NULL,
    role       text NOT NULL DEFAULT '',
    date       text,
    article_id text NOT NULL
);
CREATE INDEX edge_sources_edge_idx ON graph.edge_sources (subject_id, predicate, object_id, role);
CREATE INDEX edge_sources_fact_idx ON graph.edge_sources (fact_id);

-- The graph's edges, derived from edge_sources.
CREATE TABLE graph.relations (
    subject_id   text NOT NULL,
    predicate    text NOT NULL,
    object_id    text NOT NULL,
    role         text NOT NULL DEFAULT '',
    first_date   text,
    last_date    text,
    weight       integer NOT NULL,          -- number of events (or reports, for reported relations)
    source_count integer NOT NULL,          -- number of distinct articles
    PRIMARY KEY (subject_id, predicate, object_id, role)
);
CREATE INDEX relations_object_idx ON graph.relations (object_id);

-- Curation facts, kept so that every re-projection applies them again.
CREATE TABLE graph.retractions (
    kind      text NOT NULL CHECK (kind IN ('event', 'article')),
    target_id text NOT NULL,
    reason    text NOT NULL,
    PRIMARY KEY (kind, target_id)
);

GRANT USAGE ON SCHEMA graph TO chronograph_reader, chronograph_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA graph TO chronograph_reader, chronograph_writer;


-- The surviving entity of an id: merges keep merged_into pointing straight at the survivor.
-- (PL/pgSQL, whose plans are cached, runs these per-row lookups several times faster than SQL functions.)
CREATE FUNCTION graph.canonical(p_id text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    survivor text;
BEGIN
    IF p_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT merged_into INTO survivor FROM graph.entities WHERE id = p_id;
    RETURN coalesce(survivor, p_id);
END
$$;

-- Which reports may be one event: the type with the actor and the place (offices), with the actor and
-- the country visited (visits: "travelled to Seoul" and "방한" are one trip), or with the set of parties
-- (agreements), all after merges.
CREATE FUNCTION graph.cluster_key(p_type text, p_actor text, p_place text, p_parties text[], p_country text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    parties text;
BEGIN
    IF p_type = 'agreement.signed' THEN
        SELECT string_agg(DISTINCT coalesce(m.merged_into, p), ',' ORDER BY coalesce(m.merged_into, p)) INTO parties
        FROM unnest(p_parties) AS p LEFT JOIN graph.entities m ON m.id = p;
        RETURN p_type || '|' || parties;
    ELSIF p_type = 'visit' THEN
        RETURN p_type || '|' || graph.canonical(p_actor) || '|' || coalesce(p_country, graph.canonical(p_place), '');
    END IF;
    RETURN p_type || '|' || graph.canonical(p_actor) || '|' || coalesce(graph.canonical(p_place), '');
END
$$;

-- Entities with the first and last dates of the events they take part in. A view, so that it is always
-- exactly what the events say, however the events were reached.
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
