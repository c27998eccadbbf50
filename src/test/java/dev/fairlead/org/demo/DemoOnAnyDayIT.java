package dev.fairlead.org.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.FreshDatabaseConfiguration;
import dev.fairlead.support.TestClockConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo started when nobody works — a Saturday night, a public holiday — still gives the demo
 * rep a real day (leads in several states, tasks in every quadrant, a running first-contact clock,
 * a pool lead she may claim), and no lead is lost to the weekend: what the reps on duty cannot take
 * waits for the next working morning instead of going to the pool.
 */
class DemoOnAnyDayIT {

    abstract static class Loaded {

        @Autowired JdbcClient jdbc;
        @Autowired Clock clock;

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        long repId() {
            return jdbc.sql("SELECT rep_id FROM app_user WHERE username = 'rep'").query(Long.class).single();
        }

        @Test
        void theDemoRepHasARealDay() {
            long rep = repId();
            List<String> statuses = jdbc.sql("SELECT DISTINCT status FROM lead WHERE owner_rep_id = :rep").param("rep", rep)
                    .query(String.class).list();
            assertThat(statuses).as("new, contacted, and qualified into a deal").contains("NEW", "CONTACTED", "CONVERTED");
            assertThat(jdbc.sql("SELECT count(*) FROM deal WHERE owner_rep_id = :rep").param("rep", rep).query(Long.class).single()).isPositive();
            List<String> quadrants = jdbc.sql("SELECT DISTINCT important || '/' || urgent FROM task WHERE owner_rep_id = :rep AND status = 'OPEN'")
                    .param("rep", rep).query(String.class).list();
            assertThat(quadrants).containsExactlyInAnyOrder("true/true", "true/false", "false/true", "false/false");
            assertThat(jdbc.sql("SELECT count(*) FROM sla_timer t JOIN lead l ON l.id = t.lead_id WHERE l.owner_rep_id = :rep AND t.status = 'RUNNING'")
                    .param("rep", rep).query(Long.class).single()).as("a first-contact clock running").isPositive();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM lead l JOIN pool_team pt ON pt.pool_id = l.pool_id
                    WHERE l.owner_rep_id IS NULL AND pt.team_id IN (SELECT id FROM team WHERE id = (
                        SELECT parent_id FROM team WHERE id = (SELECT team_id FROM rep WHERE id = :rep)))""")
                    .param("rep", rep).query(Long.class).single()).as("a lead in her region's pool").isPositive();
        }

        @Test
        void noLeadIsLostToTheWeekend() {
            assertThat(count("SELECT count(*) FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED') AND owner_rep_id IS NULL "
                    + "AND pool_id IS NULL AND duplicate_of IS NULL AND id NOT IN (SELECT lead_id FROM routing_waiting)"))
                    .as("every open lead is owned, pooled or waiting").isZero();
            assertThat(count("SELECT count(*) FROM routing_waiting")).as("leads wait for the morning").isPositive();
            assertThat(jdbc.sql("SELECT min(route_after) FROM routing_waiting").query(Timestamp.class).single().toInstant())
                    .isAfter(clock.instant());
            long fellThrough = count("""
                    SELECT count(*) FROM routing_assignment a WHERE a.outcome = 'POOLED' AND a.kind = 'AUTO'
                    AND a.explanation -> 'why' ->> 'code' = 'everyRuleFellThrough'""");
            assertThat(fellThrough).as("leads sent to the pool because nobody was working").isZero();
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true", "server.shutdown=immediate",
            "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo-saturday.log",
            "fairlead.test.clock.start=2026-12-12T22:30:00+08:00"})
    @Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class})
    class OnASaturdayNight extends Loaded {}

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true", "server.shutdown=immediate",
            "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo-holiday.log",
            "fairlead.test.clock.start=2026-10-02T11:00:00+08:00"})
    @Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class})
    class OnNationalDay extends Loaded {}
}
