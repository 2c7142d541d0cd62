package cn.league.identitycentre;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The citizen identity centre as the league sees it from outside: a batch check of name + ID number pairs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityCentreApplication {

    /** Its settings file is identity-centre.properties: the name application.properties belongs to league services. */
    public static final String CONFIG_NAME = "spring.config.name=identity-centre";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityCentreApplication.class).properties(CONFIG_NAME).run(args);
    }
}
