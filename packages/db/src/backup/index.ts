export { BackupFileError } from "./backup-file";
export type { BackupHeader } from "./backup-file";
export { RestoreRefusedError } from "./migration-level";
export { restoreBackup } from "./restore-backup";
export type { RestoreSummary } from "./restore-backup";
export { writeBackup } from "./write-backup";
export type { BackupProgress, BackupSummary } from "./write-backup";
export { openEmbeddedDatabase } from "./embedded-database";
export type { EmbeddedDatabase } from "./embedded-database";
