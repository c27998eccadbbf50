/** Outbound webhooks (F11): signed, at-least-once event deliveries to integrators' URLs, with a delivery log and replay. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "notify", "leads", "work",
        "deals", "goals"})
package dev.fairlead.webhooks;
