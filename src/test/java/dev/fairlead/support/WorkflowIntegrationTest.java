package dev.fairlead.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} for pools, follow-ups, tasks, SLA and notifications: one shared context
 * with a GreenMail SMTP server ({@link SmtpTestServer}), a recorded deals port ({@link RecordedDeals})
 * and lead fixtures. The scheduler is off so tests run each job exactly when they mean to (after
 * moving the clock); the scheduled entry points and their cluster locks are tested directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import({SmtpTestServer.class, RecordedDeals.class, WorkLeadFixtures.class, TestChatRobot.class})
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.base-url=http://fairlead.test"})
public @interface WorkflowIntegrationTest {}
