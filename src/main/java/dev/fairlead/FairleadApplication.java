package dev.fairlead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FairleadApplication {

    public static void main(String[] args) {
        SpringApplication.run(FairleadApplication.class, args);
    }
}
