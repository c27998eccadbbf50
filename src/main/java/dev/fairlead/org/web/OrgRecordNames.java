package dev.fairlead.org.web;

import dev.fairlead.common.web.RecordNames;
import dev.fairlead.org.Rep;
import dev.fairlead.org.Team;
import dev.fairlead.org.User;
import dev.fairlead.org.persistence.RepRepository;
import dev.fairlead.org.persistence.TeamRepository;
import dev.fairlead.org.persistence.UserRepository;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reps, teams and users by name, for pages that hold only their ids (audit entries, routing reasons). */
@Configuration(proxyBeanMethods = false)
class OrgRecordNames {

    @Bean
    RecordNames repNames(RepRepository reps) {
        return names("rep", id -> reps.find(id).map(Rep::name));
    }

    @Bean
    RecordNames teamNames(TeamRepository teams) {
        return names("team", id -> teams.find(id).map(Team::name));
    }

    @Bean
    RecordNames userNames(UserRepository users) {
        return names("user", id -> users.find(id).map(User::displayName));
    }

    private static RecordNames names(String kind, java.util.function.LongFunction<Optional<String>> lookup) {
        return new RecordNames() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<String> name(long id) {
                return lookup.apply(id);
            }
        };
    }
}
