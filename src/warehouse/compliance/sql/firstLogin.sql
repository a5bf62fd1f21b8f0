-- Profiles whose grace is 0 (change the default password at the first login): for each mailbox found still on the
-- default on $asOf after logging in, the first login after the default was issued (the finding's "since").
CREATE OR REPLACE TEMP TABLE cmp_first_login AS
SELECT s.address,
  least(
    (SELECT min(a.last_login_at) FROM mailbox_activity a WHERE a.address = s.address AND a.last_login_at > s.default_at),
    (SELECT min(l.time) FROM logins l WHERE l.address = s.address AND l.time > s.default_at)) AS first_login_at
FROM cmp_state s
WHERE s.d = CAST($asOf AS DATE) AND s.password_default_since IS NOT NULL;
