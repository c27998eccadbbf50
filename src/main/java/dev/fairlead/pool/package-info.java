/** Public pools (公海池, F5): pools and their member teams, release, claim with limits, automatic recovery with warnings. */
package dev.fairlead.pool;
