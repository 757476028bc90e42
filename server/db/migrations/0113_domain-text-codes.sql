-- Up Migration
-- Rule texts become domain-text codes (shared/entities/domain-text.ts; docs/domain.md "Domain codes and
-- languages"): each reader renders `{code, params}` in its own language. Sentences stored before this are kept
-- word for word as the `text` code (shown as written), so nothing is lost; the server's next computation
-- replaces them with codes. Health factors lose their stored `name` (the reader names a factor by its key).
-- Runs as the tables' owner, which is a superuser or has BYPASSRLS (docs: README "Database"), so the forced RLS
-- policies do not hide the rows.
CREATE FUNCTION arco_tmp_domain_text(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN v
              WHEN jsonb_typeof(v) = 'string' THEN jsonb_build_object('code', 'text', 'params', jsonb_build_object('text', v))
              ELSE v END
$$;
-- Applies arco_tmp_domain_text to the given fields of every element of a jsonb array (and drops `dropped`).
CREATE FUNCTION arco_tmp_domain_text_in(arr jsonb, fields text[], dropped text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_agg(
    (SELECT e.elem - dropped || COALESCE(jsonb_object_agg(f, arco_tmp_domain_text(e.elem -> f)), '{}'::jsonb)
       FROM unnest(fields) AS f WHERE e.elem ? f)
    ORDER BY e.ord), '[]'::jsonb)
  FROM jsonb_array_elements(arr) WITH ORDINALITY AS e(elem, ord)
$$;

ALTER TABLE signals
  ALTER COLUMN title TYPE jsonb USING arco_tmp_domain_text(to_jsonb(title)),
  ALTER COLUMN description TYPE jsonb USING arco_tmp_domain_text(to_jsonb(description)),
  ALTER COLUMN recommendation TYPE jsonb USING arco_tmp_domain_text(to_jsonb(recommendation));
ALTER TABLE signals
  ADD CONSTRAINT signals_title_is_text CHECK (jsonb_typeof(title) = 'object'),
  ADD CONSTRAINT signals_description_is_text CHECK (jsonb_typeof(description) = 'object'),
  ADD CONSTRAINT signals_recommendation_is_text CHECK (jsonb_typeof(recommendation) = 'object');
UPDATE signals SET
  risk_factors = arco_tmp_domain_text_in(risk_factors, ARRAY['description'], ARRAY[]::text[]),
  suggested_actions = arco_tmp_domain_text_in(suggested_actions, ARRAY['title', 'description'], ARRAY[]::text[]);

UPDATE health SET
  risk_factors = arco_tmp_domain_text_in(risk_factors, ARRAY['description'], ARRAY[]::text[]),
  churn_factors = arco_tmp_domain_text_in(churn_factors, ARRAY['label'], ARRAY[]::text[]),
  breakdown = (
    SELECT jsonb_object_agg(d.key, d.value || jsonb_build_object('factors',
      arco_tmp_domain_text_in(d.value -> 'factors', ARRAY['description'], ARRAY['name'])))
    FROM jsonb_each(breakdown) AS d
  );

DROP FUNCTION arco_tmp_domain_text_in(jsonb, text[], text[]);
DROP FUNCTION arco_tmp_domain_text(jsonb);

-- Down Migration
-- Back to sentences: `text` codes give their words back; other codes can only be kept as their code name.
CREATE FUNCTION arco_tmp_plain(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL OR jsonb_typeof(v) <> 'object' THEN v
              WHEN v ->> 'code' = 'text' THEN v -> 'params' -> 'text'
              ELSE to_jsonb(v ->> 'code') END
$$;
CREATE FUNCTION arco_tmp_plain_in(arr jsonb, fields text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_agg(
    (SELECT e.elem || COALESCE(jsonb_object_agg(f, arco_tmp_plain(e.elem -> f)), '{}'::jsonb)
       FROM unnest(fields) AS f WHERE e.elem ? f)
    ORDER BY e.ord), '[]'::jsonb)
  FROM jsonb_array_elements(arr) WITH ORDINALITY AS e(elem, ord)
$$;
UPDATE health SET
  risk_factors = arco_tmp_plain_in(risk_factors, ARRAY['description']),
  churn_factors = arco_tmp_plain_in(churn_factors, ARRAY['label']),
  breakdown = (
    SELECT jsonb_object_agg(d.key, d.value || jsonb_build_object('factors',
      (SELECT COALESCE(jsonb_agg(f || jsonb_build_object('name', f ->> 'key') ORDER BY ord), '[]'::jsonb)
         FROM jsonb_array_elements(arco_tmp_plain_in(d.value -> 'factors', ARRAY['description']))
              WITH ORDINALITY AS x(f, ord))))
    FROM jsonb_each(breakdown) AS d
  );
UPDATE signals SET
  risk_factors = arco_tmp_plain_in(risk_factors, ARRAY['description']),
  suggested_actions = arco_tmp_plain_in(suggested_actions, ARRAY['title', 'description']);
ALTER TABLE signals
  DROP CONSTRAINT signals_title_is_text,
  DROP CONSTRAINT signals_description_is_text,
  DROP CONSTRAINT signals_recommendation_is_text;
ALTER TABLE signals
  ALTER COLUMN title TYPE text USING arco_tmp_plain(title) #>> '{}',
  ALTER COLUMN description TYPE text USING arco_tmp_plain(description) #>> '{}',
  ALTER COLUMN recommendation TYPE text USING arco_tmp_plain(recommendation) #>> '{}';
DROP FUNCTION arco_tmp_plain_in(jsonb, text[]);
DROP FUNCTION arco_tmp_plain(jsonb);
