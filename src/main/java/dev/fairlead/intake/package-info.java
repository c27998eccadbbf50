/** Lead intake (F2): REST single and batch with idempotency keys, signed web-form webhooks, CSV/XLSX import. */
package dev.fairlead.intake;
