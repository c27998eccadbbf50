/** Append-only audit trail: who changed what, when, before and after, and why (F13). */
package dev.fairlead.audit;
