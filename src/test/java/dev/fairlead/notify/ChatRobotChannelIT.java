package dev.fairlead.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.TestChatRobot;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chat robot plugs in as one more {@link NotificationChannel} bean ({@link TestChatRobot}) and gets
 * queued, retried, language-aware delivery without touching the notify module.
 */
@WorkflowIntegrationTest
class ChatRobotChannelIT {

    @Autowired UserService users;
    @Autowired Notifications notifications;
    @Autowired Deliveries deliveries;
    @Autowired OrgFixtures orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFailedRobotDeliveryIsRetriedLaterAndSentOnceInTheRecipientsLanguage() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        User qian = users.create(Viewer.system(), new UserCommand(OrgFixtures.username("qian"), "钱经理", "qian." + org.n() + "@robot.test",
                Role.MANAGER, org.shanghai().id(), null, "zh-CN", true, OrgFixtures.PASSWORD, null));

        notifications.toUser(qian.id(), Notice.of("work.sla.reassigned", "/pool", "苏州云帆电子科技", "李娜"));
        deliveries.deliverDue();
        assertThat(TestChatRobot.POSTED).isEmpty();
        assertThat(status(qian.id())).isEqualTo("PENDING 1");

        deliveries.deliverDue();
        assertThat(TestChatRobot.POSTED).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        deliveries.deliverDue();
        deliveries.deliverDue();
        assertThat(TestChatRobot.POSTED).containsExactly("zh-CN SLA 超时已收回：苏州云帆电子科技 http://fairlead.test/pool");
        assertThat(status(qian.id())).isEqualTo("SENT 2");
    }

    private String status(long userId) {
        return jdbc.sql("""
                        SELECT d.status || ' ' || d.attempts FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                        WHERE n.user_id = :user AND d.channel = 'wecom-test'
                        """)
                .param("user", userId).query(String.class).single();
    }

}
