package cn.league.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * Reactor Netty 1.3.6 (reactor/reactor-netty#4361, fixed upstream after 1.3.7; 1.3.8 needs a newer Netty than
     * Boot 4.0.7 brings): a keep-alive request that arrives before the previous response's operations have terminated is queued,
     * and once that queue drains the connection is never read again, so the client's next request waits forever. It
     * happens after every browser login here: the OAuth2 callback's response completes off the connection's event
     * loop (the new session is made on another thread), the browser follows its redirect at once on the same
     * connection, and the page after it never came. This option terminates the previous operations before the
     * check, so such a request is handled at once instead of queued. Reactor Netty reads it once, when the first
     * connection comes, long after this class is loaded (also in tests, which never call main).
     */
    static final String TERMINATE_BEFORE_NEXT_REQUEST = "reactor.netty.http.server.lastFlushWhenNoRead";

    static {
        if (System.getProperty(TERMINATE_BEFORE_NEXT_REQUEST) == null) {
            System.setProperty(TERMINATE_BEFORE_NEXT_REQUEST, "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
