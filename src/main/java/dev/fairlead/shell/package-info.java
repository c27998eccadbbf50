/** The web shell (F12): layout and navigation, login, language switch, and the home page. */
package dev.fairlead.shell;
