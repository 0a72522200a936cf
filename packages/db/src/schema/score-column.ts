import { numeric } from "drizzle-orm/pg-core";

/**
 * Points as the grading report gives them (5.45 of 10): two decimals, stored exactly, read as a
 * number. Every score that is stored or summed (submissions, exams) uses this one type.
 */
export const scoreColumn = () => numeric({ precision: 8, scale: 2, mode: "number" });
