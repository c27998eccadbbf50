/** Notifications (F11): the in-app inbox, e-mail over SMTP, and the channel port chat robots plug into. */
package dev.fairlead.notify;
