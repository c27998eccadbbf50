package dev.fairlead.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class NotificationsIT {

    @Autowired java.time.Clock clock;

    @Autowired OrgFixtures orgs;
    @Autowired UserService users;
    @Autowired Notifications notifications;
    @Autowired Deliveries deliveries;
    @Autowired Inbox inbox;
    @Autowired GreenMail greenMail;
    @Autowired Api api;

    @Test
    void aChineseReadingManagerGetsTheEscalationInChineseInTheInboxAndByEmail() throws Exception {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        User zhang = users.create(Viewer.system(), new UserCommand(OrgFixtures.username("zhang.manager"), "张经理",
                "zhang." + org.n() + "@fairlead.test", Role.MANAGER, org.shanghai().id(), null, "zh-CN", true, OrgFixtures.PASSWORD, null));
        Instant due = Instant.parse("2026-11-20T06:30:00Z");

        notifications.toUser(zhang.id(), Notice.of("work.sla.breached.manager", "/work/leads/42", "上海精工机械", "李娜", due));
        deliveries.deliverDue();

        MimeMessage mail = received("zhang." + org.n() + "@fairlead.test");
        assertThat(mail.getSubject()).isEqualTo("[Fairlead] 李娜 的 SLA 已超时：上海精工机械");
        assertThat((String) mail.getContent()).contains("在 Fairlead 中查看: http://fairlead.test/work/leads/42");
        Viewer viewer = new Viewer(zhang.id(), zhang.username(), Role.MANAGER, org.shanghai().id(), null);
        assertThat(inbox.list(viewer, true, 10)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("李娜 的 SLA 已超时：上海精工机械");
            assertThat(item.body()).startsWith("李娜 未在 ").endsWith(" 前联系 上海精工机械。");
        });
    }

    @Test
    void anEnglishReadingRepGetsEnglishAndEveryDeliveryIsSentOnce() throws Exception {
        OrgFixtures.Org org = orgs.eastAndSouthChina();

        notifications.toRep(org.liNa().id(), Notice.of("work.task.OVERDUE", "/tasks", "Call Mr Zhang back", clock.instant()));
        deliveries.deliverDue();
        deliveries.deliverDue();

        String address = org.rep().user().email();
        assertThat(received(address).getSubject()).isEqualTo("[Fairlead] Overdue: Call Mr Zhang back");
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).contains(address))).hasSize(1);
    }

    @Test
    void theInboxCountsUnreadMessagesAndMarksThemRead() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        String token = org.rep().token();
        notifications.toRep(org.liNa().id(), Notice.of("work.task.DUE_SOON", "/tasks", "写方案", clock.instant()));
        notifications.toRep(org.liNa().id(), Notice.of("work.task.DUE_SOON", "/tasks", "回电话", clock.instant()));

        assertThat(api.as(token).get("/api/inbox/unread-count").tree().path("unread").asLong()).isEqualTo(2);
        ApiResponse list = api.as(token).get("/api/inbox?unread=true");
        long first = list.tree().get(0).path("id").asLong();
        assertThat(api.as(token).post("/api/inbox/" + first + "/read", "{}").tree().path("readAt").isMissingNode()).isFalse();
        assertThat(api.as(token).get("/api/inbox/unread-count").tree().path("unread").asLong()).isEqualTo(1);
        assertThat(api.as(org.manager().token()).post("/api/inbox/" + first + "/read", "{}").status()).isEqualTo(404);
        assertThat(api.as(token).post("/api/inbox/read-all", "{}").tree().path("marked").asInt()).isEqualTo(1);
        assertThat(api.as(token).get("/api/inbox/unread-count").tree().path("unread").asLong()).isZero();
    }

    private MimeMessage received(String address) throws Exception {
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        List<MimeMessage> mails = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).contains(address)).toList();
        assertThat(mails).as("mails to " + address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static String to(MimeMessage m) {
        try {
            return String.valueOf(Arrays.toString(m.getAllRecipients()));
        } catch (Exception e) {
            return "";
        }
    }
}
