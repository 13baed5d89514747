-- adm_gen.sql - a generated admission pipeline for the benchmarks (bench/admissions.sh), not
-- for the product: gen_p(n, today) cases spread over every active cell, at every stage (a
-- fifth candidates, a fifth on probation, ...), each with the steps that brought it there
-- dated back from its stage's date, and the next deadline stored as src/app keeps it
-- (due_kind, due_on). Deterministic: everything is drawn from the case's number.
-- The caller creates and fills: CREATE TEMP TABLE gen_p(n INTEGER, today INTEGER).
CREATE TEMP TABLE gen_cell AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM org
  WHERE kind = 'cell' AND dissolved IS NULL;
CREATE TEMP TABLE gen_stage(stage TEXT PRIMARY KEY, rank INTEGER);
INSERT INTO gen_stage VALUES ('candidate', 0), ('class', 1), ('applied', 2), ('verified', 3),
  ('cell_passed', 4), ('committee_passed', 5), ('decided', 6), ('probation', 7),
  ('referred', 8), ('official', 8);
CREATE TEMP TABLE gen_step(k INTEGER, step TEXT);
INSERT INTO gen_step VALUES (0, 'listed'), (1, 'class'), (2, 'application'),
  (3, 'verification'), (4, 'cell_vote'), (5, 'committee_vote'), (6, 'decision'),
  (7, 'ceremony'), (8, 'recognition_vote');
BEGIN;
WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i, gen_p WHERE x < gen_p.n),
c AS (
  SELECT x,
    (SELECT id FROM gen_cell WHERE k = (x * 7919) % (SELECT count(*) FROM gen_cell)) AS org_id,
    CASE WHEN x % 20 < 4 THEN 'candidate' WHEN x % 20 < 7 THEN 'class'
      WHEN x % 20 < 9 THEN 'applied' WHEN x % 20 < 11 THEN 'verified'
      WHEN x % 20 = 11 THEN 'cell_passed' WHEN x % 20 = 12 THEN 'committee_passed'
      WHEN x % 20 = 13 THEN 'decided' WHEN x % 20 < 18 THEN 'probation'
      WHEN x % 200 = 19 THEN 'referred' ELSE 'official' END AS stage,
    gen_p.today - (x * 37) % 420 AS since
  FROM i, gen_p
)
INSERT INTO admission(org_id, full_name, sort_key, folded, dup_hash, sex, birth_date, source,
  listed_on, stage, stage_since, failed_votes, due_kind, due_on, recorded_by)
SELECT org_id, 'Ứng Viên Số ' || x, CAST(printf('%09d', x) AS BLOB), 'ung vien so ' || x,
  -x, CASE WHEN x % 5 = 0 THEN 'female' ELSE 'male' END, since - 8000 - x % 2000,
  CASE x % 4 WHEN 0 THEN 'soldier' WHEN 1 THEN 'squad_leader' WHEN 2 THEN 'youth_union'
    ELSE 'other' END,
  since - 20 * (SELECT rank FROM gen_stage s WHERE s.stage = c.stage), stage, since,
  CASE WHEN stage = 'referred' THEN 3 ELSE 0 END,
  CASE stage WHEN 'decided' THEN 'ceremony' WHEN 'probation' THEN 'recognition'
    WHEN 'committee_passed' THEN 'upper_decision' WHEN 'referred' THEN 'upper_ruling' END,
  CASE stage WHEN 'decided' THEN since + 42 WHEN 'probation' THEN since + 365 + 42
    WHEN 'committee_passed' THEN since WHEN 'referred' THEN since END,
  'bench-gen'
FROM c WHERE org_id IS NOT NULL;
INSERT INTO admission_step(admission_id, step, on_date, org_id, passed, recorded_by)
SELECT a.id, g.step, a.stage_since - 20 * (s.rank - g.k), a.org_id,
  CASE WHEN g.step = 'recognition_vote' AND a.stage = 'referred' THEN 0
    WHEN g.step IN ('listed', 'application', 'ceremony') THEN NULL ELSE 1 END, 'bench-gen'
FROM admission a JOIN gen_stage s ON s.stage = a.stage JOIN gen_step g ON g.k <= s.rank
WHERE a.recorded_by = 'bench-gen';
COMMIT;
