package dev.fairlead.org.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Loads the demo organisation on the first start of an empty database, then says where to log in. */
@Component
@org.springframework.core.annotation.Order(1)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoData demo;
    private final boolean enabled;
    private final Environment environment;

    DemoDataLoader(DemoData demo, @Value("${fairlead.demo-data.enabled:true}") boolean enabled, Environment environment) {
        this.demo = demo;
        this.enabled = enabled;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && demo.needed()) {
            demo.load();
            log.info("Demo organisation loaded: 1 company, 2 regions, 4 teams, 30 reps, one login per role");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n  Fairlead is running at http://localhost:" + port + "/\n");
        if (enabled) {
            text.append("  Demo logins (password '").append(DemoData.PASSWORD).append("'): ")
                    .append("admin, director, manager, manager.south, rep, finance\n");
        }
        text.append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        log.info(text.toString());
    }
}
