package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class DefaultPoolIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired PoolService pools;

    @Test
    void aLeadMovedToTheDefaultPoolWithoutNamingItStoresTheDefaultPoolsId() {
        long defaultPool = pools.list(Viewer.system()).stream().filter(Pool::isDefault).findFirst().orElseThrow().id();
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Lead released = leads.ownedBy(org.liNa());

        Lead unrouted = leads.inPool(null);
        ownership.moveToPool(released.id(), null, "released to the company pool");

        assertThat(leads.get(unrouted.id()).poolId()).isEqualTo(defaultPool);
        assertThat(leads.get(released.id()).poolId()).isEqualTo(defaultPool);
        assertThat(leads.get(released.id()).ownerRepId()).isNull();
        assertThat(pools.pooledLead(Viewer.system(), unrouted.id()).poolId()).isEqualTo(defaultPool);
        assertThat(pools.history(released.id()).get(0).toPoolId()).isEqualTo(defaultPool);
    }
}
