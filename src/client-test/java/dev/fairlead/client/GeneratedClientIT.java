package dev.fairlead.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairlead.client.api.ApiTokensApi;
import dev.fairlead.client.api.AssignmentsApi;
import dev.fairlead.client.api.LeadIntakeApi;
import dev.fairlead.client.api.LeadsApi;
import dev.fairlead.client.api.PublicPoolApi;
import dev.fairlead.client.api.RepsApi;
import dev.fairlead.client.api.TeamsApi;
import dev.fairlead.client.api.UsersApi;
import dev.fairlead.client.api.WorkApi;
import dev.fairlead.client.model.ClaimOutcome;
import dev.fairlead.client.model.ExplainedAssignment;
import dev.fairlead.client.model.FollowUp;
import dev.fairlead.client.model.FollowUpCommand;
import dev.fairlead.client.model.IssuedToken;
import dev.fairlead.client.model.ItemResult;
import dev.fairlead.client.model.LeadCommand;
import dev.fairlead.client.model.ManualAssignment;
import dev.fairlead.client.model.PoolCommand;
import dev.fairlead.client.model.ReleaseRequest;
import dev.fairlead.client.model.Rep;
import dev.fairlead.client.model.RepCommand;
import dev.fairlead.client.model.Team;
import dev.fairlead.client.model.TeamCommand;
import dev.fairlead.client.model.Territory;
import dev.fairlead.client.model.TokenCommand;
import dev.fairlead.client.model.User;
import dev.fairlead.client.model.UserCommand;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * An integrator's first hour, through nothing but the Java client generated from docs/openapi.json
 * (pom.xml, profile generated-client): a token from a password, a team and reps, a lead created twice with
 * one idempotency key, why it went where it went, a pool claim and a follow-up. The only thing done
 * outside the API is the first admin login, which an install creates from FAIRLEAD_ADMIN_PASSWORD.
 */
@IntegrationTest
class GeneratedClientIT {

    @Autowired OrgFixtures fixtures;

    @Value("${local.server.port}") int port;

    @Test
    void anIntegratorDrivesTheWholeLeadWorkflowWithTheGeneratedClient() throws ApiException {
        String adminLogin = fixtures.login(OrgFixtures.username("client.admin"), "Client Admin", dev.fairlead.common.Role.ADMIN,
                null, null).username();

        // the first token, from the admin's password (HTTP Basic)
        IssuedToken issued = new ApiTokensApi(client("Basic " + Base64.getEncoder()
                .encodeToString((adminLogin + ":" + OrgFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))))
                .issueToken(new TokenCommand().name("provisioning"));
        assertThat(issued.getSecret()).startsWith("flt_");
        ApiClient admin = client("Bearer " + issued.getSecret());

        // a team under a company of its own, and two reps in it
        TeamsApi teams = new TeamsApi(admin);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team company = teams.createTeam(new TeamCommand().name("客户端公司 " + suffix).kind(TeamCommand.KindEnum.COMPANY));
        Team team = teams.createTeam(new TeamCommand().name("客户端一组 " + suffix).kind(TeamCommand.KindEnum.TEAM)
                .parentId(company.getId()));
        RepsApi reps = new RepsApi(admin);
        Rep owner = reps.createRep(rep(team.getId(), "赵敏", "zhao.min." + suffix + "@example.com"));
        Rep claimer = reps.createRep(rep(team.getId(), "孙磊", "sun.lei." + suffix + "@example.com"));
        assertThat(reps.getRep(owner.getId()).getTeamId()).isEqualTo(team.getId());

        // the claiming rep's own login and token
        User claimerUser = new UsersApi(admin).createUser(new UserCommand().username("sun.lei." + suffix)
                .displayName("孙磊").role(UserCommand.RoleEnum.REP).repId(claimer.getId()).locale("en")
                .enabled(true).password("generated-client-pass"));
        ApiClient rep = client("Bearer " + new ApiTokensApi(admin)
                .issueToken(new TokenCommand().userId(claimerUser.getId()).name("rep app")).getSecret());

        // a lead, and the same request again with the same key: one lead
        LeadIntakeApi intake = new LeadIntakeApi(admin);
        String key = "generated-client-" + suffix;
        LeadCommand lead = new LeadCommand().source(LeadCommand.SourceEnum.API).company("明远机械 " + suffix)
                .contactName("陈静").phone("139" + String.format("%08d", Math.abs(suffix.hashCode()) % 100_000_000))
                .provinceCode("31").cityCode("3101");
        ItemResult first = intake.createLead(lead, key, null);
        ItemResult again = intake.createLead(lead, key, null);
        assertThat(first.getLeadId()).isNotNull();
        assertThat(again.getLeadId()).isEqualTo(first.getLeadId());
        long leadId = first.getLeadId();

        // why it went where it went; then the admin hands it to the owner rep and releases it to the team's pool
        AssignmentsApi assignments = new AssignmentsApi(admin);
        List<ExplainedAssignment> history = assignments.getLeadAssignments(leadId);
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).getExplanation()).isNotNull();
        assignments.assignLead(leadId, new ManualAssignment().repId(owner.getId()).reason("客户点名要赵敏"));
        assertThat(new LeadsApi(admin).getLead(leadId).getOwnerRepId()).isEqualTo(owner.getId());

        PublicPoolApi adminPool = new PublicPoolApi(admin);
        adminPool.createPool(new PoolCommand().name("客户端公海 " + suffix).claimsPerDay(5).coolDownDays(3)
                .countWonCustomers(false).teamIds(List.of(team.getId())));
        adminPool.releaseLead(leadId, new ReleaseRequest().reason("暂无预算 no budget this quarter"));

        // the other rep claims it and logs a call
        ClaimOutcome claimed = new PublicPoolApi(rep).claimPoolLead(leadId);
        assertThat(claimed.getClaimed()).as(claimed.getMessage()).isTrue();
        WorkApi work = new WorkApi(rep);
        FollowUp call = work.logLeadFollowUp(leadId, new FollowUpCommand().kind(FollowUpCommand.KindEnum.CALL)
                .outcome(FollowUpCommand.OutcomeEnum.POSITIVE).notes("想试用 CRM，要报价")
                .nextFollowUpAt(OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)));
        assertThat(call.getLeadId()).isEqualTo(leadId);
        assertThat(work.listLeadFollowUps(leadId)).extracting(FollowUp::getId).contains(call.getId());
        assertThat(new LeadsApi(rep).getLead(leadId).getOwnerRepId()).isEqualTo(claimer.getId());

        // errors arrive as ProblemDetail with the documented status
        assertThatThrownBy(() -> new LeadsApi(rep).getLead(Long.MAX_VALUE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"status\":404");
                });
        assertThatThrownBy(() -> new TeamsApi(rep).createTeam(new TeamCommand().name("x").kind(TeamCommand.KindEnum.TEAM)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    private static RepCommand rep(long teamId, String name, String email) {
        return new RepCommand().teamId(teamId).name(name).email(email).phone("13812345678")
                .tier(RepCommand.TierEnum.REGULAR).weight(10).maxOpenLeads(80).maxNewPerDay(10).maxNewPerMonth(160)
                .workingDays(Set.of(RepCommand.WorkingDaysEnum.MONDAY, RepCommand.WorkingDaysEnum.TUESDAY,
                        RepCommand.WorkingDaysEnum.WEDNESDAY, RepCommand.WorkingDaysEnum.THURSDAY,
                        RepCommand.WorkingDaysEnum.FRIDAY))
                .territories(List.of(new Territory().kind(Territory.KindEnum.CITY).code("3101")));
    }
}
