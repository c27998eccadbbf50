package dev.fairlead.goals;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param atRiskBehind how far behind linear pace (fraction of it) a goal turns at risk; default 0.10
 * @param offTrackBehind how far behind it turns off track; default 0.25
 */
@ConfigurationProperties("fairlead.goals")
public record GoalsProperties(BigDecimal atRiskBehind, BigDecimal offTrackBehind) {

    public GoalsProperties {
        atRiskBehind = atRiskBehind == null ? new BigDecimal("0.10") : atRiskBehind;
        offTrackBehind = offTrackBehind == null ? new BigDecimal("0.25") : offTrackBehind;
    }
}
