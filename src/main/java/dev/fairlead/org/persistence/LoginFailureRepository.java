package dev.fairlead.org.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wrong passwords by client address, in the database so every node counts the same. */
@Repository
public class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one failure and forgets those older than {@code forgetBefore}. */
    public void record(String client, Instant at, Instant forgetBefore) {
        jdbc.sql("DELETE FROM login_failure WHERE at < :before").param("before", Timestamp.from(forgetBefore)).update();
        jdbc.sql("INSERT INTO login_failure (client, at) VALUES (:client, :at)")
                .param("client", client).param("at", Timestamp.from(at)).update();
    }

    public long countSince(String client, Instant since) {
        return jdbc.sql("SELECT count(*) FROM login_failure WHERE client = :client AND at >= :since")
                .param("client", client).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    public void forget(String client) {
        jdbc.sql("DELETE FROM login_failure WHERE client = :client").param("client", client).update();
    }
}
