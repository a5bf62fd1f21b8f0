-- Profiles with a grace of days: the first login plays no part in the default-password finding.
CREATE OR REPLACE TEMP TABLE cmp_first_login (address VARCHAR, first_login_at TIMESTAMPTZ);
