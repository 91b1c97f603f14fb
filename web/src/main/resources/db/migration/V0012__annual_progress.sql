-- Annual training: where a person is in a deck, and their check tries, belong to a fiscal year. Each new year's
-- programme starts afresh while earlier years' rows stay as they were. Existing rows get the fiscal year they were
-- started in, counted in Japan time from the default start of the year (1 April).
ALTER TABLE deck_progress ADD COLUMN fiscal_year INT NULL AFTER deck_id;
UPDATE deck_progress SET fiscal_year = IF(MONTH(started_at + INTERVAL 9 HOUR) < 4,
    YEAR(started_at + INTERVAL 9 HOUR) - 1, YEAR(started_at + INTERVAL 9 HOUR));
ALTER TABLE deck_progress MODIFY fiscal_year INT NOT NULL, DROP PRIMARY KEY, ADD PRIMARY KEY (user_id, deck_id, fiscal_year);
CREATE INDEX ix_deck_progress_year ON deck_progress (fiscal_year, deck_id, completed_at);

ALTER TABLE check_attempt ADD COLUMN fiscal_year INT NULL AFTER deck_version;
UPDATE check_attempt SET fiscal_year = IF(MONTH(started_at + INTERVAL 9 HOUR) < 4,
    YEAR(started_at + INTERVAL 9 HOUR) - 1, YEAR(started_at + INTERVAL 9 HOUR));
ALTER TABLE check_attempt MODIFY fiscal_year INT NOT NULL;
CREATE INDEX ix_check_attempt_year ON check_attempt (user_id, deck_id, fiscal_year);
