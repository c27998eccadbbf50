package dev.fairlead.credit;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param crossRegionOwnerShare the owner's percent under the cross-region policy (60: 60/40)
 * @param helperShare the helper's fixed percent under the helper policy (20)
 */
@ConfigurationProperties("fairlead.credit")
public record CreditProperties(BigDecimal crossRegionOwnerShare, BigDecimal helperShare) {

    public CreditProperties {
        crossRegionOwnerShare = crossRegionOwnerShare == null ? new BigDecimal("60") : crossRegionOwnerShare;
        helperShare = helperShare == null ? new BigDecimal("20") : helperShare;
    }
}
