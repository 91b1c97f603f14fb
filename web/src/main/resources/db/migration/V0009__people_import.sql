-- People and departments CSV import: leavers are deactivated (never deleted), departments may name a manager.
ALTER TABLE app_user ADD COLUMN deactivated_at DATETIME(6) NULL;

ALTER TABLE department ADD COLUMN manager_user_id BIGINT NULL,
    ADD CONSTRAINT fk_department_manager FOREIGN KEY (manager_user_id) REFERENCES app_user (id);
