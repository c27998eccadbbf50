package dev.fairlead.deals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param currency the company's reporting currency: deals default to it, and revenue goals and
 *     funnel amounts count deals in it (Fairlead keeps no exchange rates)
 */
@ConfigurationProperties("fairlead.deals")
public record DealsProperties(String currency) {

    public DealsProperties {
        currency = currency == null || currency.isBlank() ? "CNY" : currency.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
