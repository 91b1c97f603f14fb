/** Education plan (年間教育計画), who must do what by when, recurrence, reminders and escalation. */
@org.springframework.modulith.ApplicationModule(displayName = "Assignment")
package jp.mamori.assignment;
