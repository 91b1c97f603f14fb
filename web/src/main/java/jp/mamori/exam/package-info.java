/** Exam windows, attempts, deadlines, autosave, scoring. */
@org.springframework.modulith.ApplicationModule(displayName = "Exam")
package jp.mamori.exam;
