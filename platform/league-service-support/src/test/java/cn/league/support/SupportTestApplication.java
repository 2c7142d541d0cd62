package cn.league.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service of nothing but the shared conventions, to test them as a real service would use them. */
@SpringBootApplication
public class SupportTestApplication {
}
