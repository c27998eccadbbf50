package dev.fairlead.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestDatabaseTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db.internal:5432/postgres | jdbc:postgresql://db.internal:5432/fairlead_test_7",
            "jdbc:postgresql://db.internal:5432/postgres?sslmode=require | jdbc:postgresql://db.internal:5432/fairlead_test_7?sslmode=require",
            "jdbc:postgresql://localhost/ | jdbc:postgresql://localhost/fairlead_test_7",
            "jdbc:postgresql://localhost:5432 | jdbc:postgresql://localhost:5432/fairlead_test_7",
            "jdbc:postgresql://localhost:5432?user=ci | jdbc:postgresql://localhost:5432/fairlead_test_7?user=ci"})
    void pointsTheServerUrlAtTheTestDatabaseKeepingHostAndParameters(String serverUrl, String expected) {
        assertThat(TestDatabase.withDatabase(serverUrl, "fairlead_test_7")).isEqualTo(expected);
    }
}
