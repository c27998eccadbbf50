package dev.fairlead.leads;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How forgiving intake is ({@code fairlead.leads.intake.*}, env {@code FAIRLEAD_LEADS_INTAKE_STRICT},
 * {@code FAIRLEAD_LEADS_INTAKE_CLOCK_SKEW}).
 *
 * @param strict refuse a lead whole for any bad field; by default (false) a lead with a valid contact
 *        channel is stored with its bad optional fields set aside for data-quality review
 * @param clockSkew how far in our future a behaviour event may lie (a sender's clock running ahead);
 *        10 minutes by default
 */
@ConfigurationProperties("fairlead.leads.intake")
public record IntakeRules(Boolean strict, Duration clockSkew) {

    public IntakeRules {
        strict = strict != null && strict;
        clockSkew = clockSkew == null || clockSkew.isNegative() ? Duration.ofMinutes(10) : clockSkew;
    }
}
