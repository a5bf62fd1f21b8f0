-- Every version of every agency (the agency list as it was at any date): the report takes its sender, the sender's
-- abbreviation and the signer's title from the version in force on the report date, following mergers
-- (successor_code) from the agency the profile names (NĐ 30/2020/NĐ-CP Phụ lục I: tên cơ quan ban hành văn bản).
SELECT code, name, parent_code, kind,
  CAST(valid_from AS VARCHAR) AS valid_from,
  CAST(valid_to AS VARCHAR) AS valid_to,
  successor_code
FROM agencies
ORDER BY code, valid_from;
