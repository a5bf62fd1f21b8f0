import { sqlFolder } from '../sqlFiles.ts';

/** The report's statements in `sql/` (the warehouse's one SQL convention: src/warehouse/sqlFiles.ts). */
const files = sqlFolder(new URL('./sql/', import.meta.url));

/** Runs `sql/<name>.sql` (one statement) binding only the `$names` it uses; returns its rows as plain objects. */
export const queryReportSql = files.query;
