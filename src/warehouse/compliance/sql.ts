import { sqlFolder } from '../sqlFiles.ts';

/** The compliance statements in `sql/` (the warehouse's one SQL convention: src/warehouse/sqlFiles.ts). */
const files = sqlFolder(new URL('./sql/', import.meta.url));

/** The text of `sql/<name>.sql` (one statement per file). */
export const complianceSql = files.text;
/** Runs `sql/<name>.sql` for its effect (temp tables), binding the parameters it names. */
export const runComplianceSql = files.run;
/** Runs `sql/<name>.sql` and returns its rows as plain objects. */
export const queryComplianceSql = files.query;
