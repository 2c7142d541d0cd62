package cn.league.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IdentityVerificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityVerificationServiceApplication.class, args);
    }
}
