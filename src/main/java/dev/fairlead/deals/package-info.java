/** Deals (商机) and the funnel (F7): per-team stage pipelines, lead conversion, won revenue, stage history, conversion. */
package dev.fairlead.deals;
