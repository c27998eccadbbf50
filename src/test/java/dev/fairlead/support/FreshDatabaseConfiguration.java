package dev.fairlead.support;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Each application context under test gets its own new, empty database. */
@TestConfiguration(proxyBeanMethods = false)
public class FreshDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.url());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(10);
        ds.setConnectionTimeout(5_000);
        ds.setPoolName("fairlead-test");
        return ds;
    }
}
