package cn.league.identitycentre;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The citizen identity centre as the league sees it from outside: a batch check of name + ID number pairs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityCentreApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityCentreApplication.class, args);
    }
}
