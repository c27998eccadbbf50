/** Follow-ups, tasks and SLA (F6): follow-up records, the lead timeline, tasks with subtasks and workload points, first-contact SLA, reminders. */
package dev.fairlead.work;
