/** Lead scoring (F3): rule-based score and grade with per-criterion contributions, and a predictive model learned from closed leads. */
package dev.fairlead.scoring;
