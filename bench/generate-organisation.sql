-- A large organisation for looking at the dashboard and the education report with realistic volume:
-- 200 departments, 10,000 people (LEARNER), five fiscal years of approved plans with the five employee decks,
-- assignments (96 % done in past years, 70 % this year), deck completions and check results, reminders.
-- Run against a Mamori database (e.g. the embedded one of a demo start: see bench/README.md):
--   mariadb -h 127.0.0.1 -P <port> -u root mamori < bench/generate-organisation.sql
-- Uses MariaDB's SEQUENCE engine (seq_1_to_N tables). The current fiscal year is computed from today (Japan time,
-- year starting 1 April). Idempotence: run it once per database.
SET @now = UTC_TIMESTAMP(6);
SET @today = DATE(CONVERT_TZ(@now, '+00:00', '+09:00'));
SET @fy = IF(MONTH(@today) < 4, YEAR(@today) - 1, YEAR(@today));

INSERT INTO department (code, name, created_at)
SELECT CONCAT('G', LPAD(seq, 3, '0')), CONCAT('事業部', CEIL(seq / 20), ' 第', MOD(seq - 1, 20) + 1, '課'), @now FROM seq_1_to_200;

INSERT INTO app_user (email, display_name, department_id, language, created_at)
SELECT CONCAT('person', LPAD(s.seq, 5, '0'), '@example.co.jp'),
       CONCAT(ELT(MOD(s.seq, 10) + 1, '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'), ' ',
              ELT(MOD(s.seq DIV 10, 10) + 1, '一郎', '花子', '健', '美咲', '誠', '直子', '翔', '由美', '大輔', '真理')),
       (SELECT id FROM department WHERE code = CONCAT('G', LPAD(MOD(s.seq - 1, 200) + 1, 3, '0'))), 'ja', @now
FROM seq_1_to_10000 s;
INSERT INTO user_role (user_id, role) SELECT id, 'LEARNER' FROM app_user WHERE email LIKE 'person%@example.co.jp';

-- One approved plan per year, five deck lines each (due half a year in; this year's fall due from 40 days ago on).
INSERT INTO education_plan (fiscal_year, revision, title, status, created_by, created_at, submitted_at, decided_by, decided_at)
SELECT @fy - y.seq, 1, CONCAT(@fy - y.seq, '年度 全社教育計画'), 'APPROVED', 'admin@demo.mamori.jp', @now, @now,
       'officer@demo.mamori.jp', @now
FROM seq_1_to_4 y;
INSERT INTO plan_line (plan_id, position, item_kind, item_id, roles, period_start, period_end, due_date, recurring)
SELECT p.id, d.seq - 1, 'DECK', ELT(d.seq, 'why-pi-matters', 'incident-trends', 'our-rules', 'when-incidents-happen', 'pms-and-you'),
       'LEARNER', MAKEDATE(p.fiscal_year, 91), MAKEDATE(p.fiscal_year + 1, 90), MAKEDATE(p.fiscal_year, 91) + INTERVAL 6 MONTH, TRUE
FROM education_plan p JOIN seq_1_to_5 d WHERE p.created_by = 'admin@demo.mamori.jp' AND p.fiscal_year < @fy;
-- This year's lines join the demo plan that is already approved.
INSERT INTO plan_line (plan_id, position, item_kind, item_id, roles, period_start, period_end, due_date, recurring)
SELECT (SELECT id FROM education_plan WHERE fiscal_year = @fy AND status = 'APPROVED' LIMIT 1), 10 + d.seq, 'DECK',
       ELT(d.seq, 'why-pi-matters', 'incident-trends', 'our-rules', 'when-incidents-happen', 'pms-and-you'), 'LEARNER',
       MAKEDATE(@fy, 91), MAKEDATE(@fy + 1, 90), @today - INTERVAL (50 - d.seq * 10) DAY, TRUE
FROM seq_1_to_5 d;

INSERT INTO assignment (user_id, plan_line_id, fiscal_year, item_kind, item_id, due_date, assigned_at, completed_at)
SELECT u.id, l.id, p.fiscal_year, 'DECK', l.item_id, l.due_date, @now,
       IF(RAND(u.id * 7 + l.id) < IF(p.fiscal_year = @fy, 0.70 + MOD(u.department_id, 7) * 0.03, 0.96),
          TIMESTAMP(l.period_start + INTERVAL 60 DAY, '01:00:00'), NULL)
FROM plan_line l JOIN education_plan p ON p.id = l.plan_id JOIN app_user u ON u.email LIKE 'person%@example.co.jp'
WHERE l.item_kind = 'DECK' AND (p.fiscal_year < @fy OR l.position >= 10)
ON DUPLICATE KEY UPDATE completed_at = VALUES(completed_at), due_date = VALUES(due_date);

INSERT IGNORE INTO deck_progress (user_id, deck_id, fiscal_year, deck_version, current_slide, seen_slides, started_at, updated_at, completed_at)
SELECT a.user_id, a.item_id, a.fiscal_year, 1, 0, '', a.completed_at, a.completed_at, a.completed_at
FROM assignment a JOIN app_user u ON u.id = a.user_id WHERE a.completed_at IS NOT NULL AND u.email LIKE 'person%@example.co.jp';
INSERT INTO check_attempt (user_id, deck_id, deck_version, fiscal_year, items, started_at, submitted_at, answers, score, passed)
SELECT a.user_id, a.item_id, 1, a.fiscal_year, '', a.completed_at, a.completed_at, '', 80 + 20 * (RAND(a.id) < 0.5), TRUE
FROM assignment a JOIN app_user u ON u.id = a.user_id WHERE a.completed_at IS NOT NULL AND u.email LIKE 'person%@example.co.jp';
INSERT IGNORE INTO reminder_sent (assignment_id, step, sent_at)
SELECT a.id, '1', @now FROM assignment a WHERE a.completed_at IS NULL AND a.fiscal_year = @fy AND a.due_date < @today;
