package cn.league.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may pass the door. API clients bring a Keycloak bearer token (checked here and again by the
 * service); browsers log in through Keycloak (authorization code + PKCE) and keep the login in their
 * WebSession, whose access token the TokenRelay filter hands to the service. An API call without a valid
 * login gets a 401 problem, a browser page gets sent to the login.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String LOGIN = "/oauth2/authorization/" + KeycloakClient.REGISTRATION;
    /** A browser lands on the web console (管理中心) after login. */
    static final String AFTER_LOGIN = "/";
    /** The browser session's cookie (WebFlux's default name, not configured otherwise). */
    static final String SESSION_COOKIE = "SESSION";
    /**
     * Forms for people without a login: the captcha, the password reset with a code, admin registration, and
     * 团员团干部注册.
     */
    static final String[] PUBLIC_FORMS = {"/api/accounts/captcha", "/api/accounts/password-reset",
            "/api/accounts/admin-registration", "/api/accounts/member-registration"};
    /** 团员团干部注册's search for its org: id and full name of the orgs that take registrations (docs/security.md). */
    static final String PUBLIC_ORG_SEARCH = "/api/orgs/registration-targets";
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        // Actuator answers on its own port (management.server.port) only, for probes and Prometheus;
                        // on the public port these paths find nothing, for anyone (404)
                        .pathMatchers("/actuator", "/actuator/**").permitAll()
                        // the console's hashed bundles: code only, no data; the page itself (/) needs the login
                        .pathMatchers(HttpMethod.GET, "/assets/**").permitAll()
                        // its public page: 忘记密码, 管理员注册 and 团员注册, linked from the login page
                        .pathMatchers(HttpMethod.GET, "/account").permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**",
                                "/v3/api-docs/swagger-config").permitAll()
                        // each service's public OpenAPI document, routed to it unchanged; its other groups answer 404
                        // (cn.league.gateway.apidocs)
                        .pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
                        // 忘记密码 (R-AUTH-3), 管理员注册 (R-ADM-3), 团员注册 (R-AUTH-4): for people who cannot log
                        // in; rate-limited by address
                        .pathMatchers(HttpMethod.POST, PUBLIC_FORMS).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_ORG_SEARCH).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakTokens()))
                        .authenticationEntryPoint(SecurityProblems.unauthenticated())
                        .accessDeniedHandler(SecurityProblems.denied()))
                .oauth2Login(login -> login
                        .authorizationRequestResolver(pkce(registrations))
                        .authenticationSuccessHandler(afterLogin()))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout(registrations)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(loginOrProblem())
                        .accessDeniedHandler(SecurityProblems.denied()))
                // nothing is kept to replay after login: a browser always lands on the console
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // the plain handler: scripts send the cookie's value back in X-XSRF-TOKEN as it is
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(bearer()),
                                // no session cookie, no ambient credentials to abuse: the call is simply not logged in
                                // and must hear 401, not a CSRF refusal
                                sessionCookie(),
                                // they act on no session: the captcha and the reset code are what they check
                                new NegatedServerWebExchangeMatcher(
                                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, PUBLIC_FORMS))))
                        .accessDeniedHandler(SecurityProblems.csrfRefused()))
                .addFilterAfter(new CsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // not no-referrer: under it Chromium sends "Origin: null" with a form's POST (the console's
                        // 退出), which the CORS check refuses as a foreign origin; same-origin still tells no other site
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.copyOf(cors.allowedOrigins()));
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-XSRF-TOKEN",
                "X-League-Org"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                HttpHeaders.CONTENT_DISPOSITION));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

    /** The principal's name is the login name (the ID number), as in every service. */
    private static ReactiveJwtAuthenticationConverterAdapter keycloakTokens() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** Spring Security adds PKCE by itself only for public clients; league-gateway is confidential. */
    private static DefaultServerOAuth2AuthorizationRequestResolver pkce(ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static RedirectServerAuthenticationSuccessHandler afterLogin() {
        RedirectServerAuthenticationSuccessHandler handler = new RedirectServerAuthenticationSuccessHandler(AFTER_LOGIN);
        handler.setRequestCache(NoOpServerRequestCache.getInstance());
        return handler;
    }

    /** Ends Keycloak's session too, so the next login asks for the password again. */
    private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(
            ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

    /** A browser asking for a page goes to the login; everything else (API calls, scripts) gets a 401 problem. */
    private static ServerAuthenticationEntryPoint loginOrProblem() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        ServerWebExchangeMatcher browserPage = new AndServerWebExchangeMatcher(
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")), html);
        RedirectServerAuthenticationEntryPoint login = new RedirectServerAuthenticationEntryPoint(LOGIN);
        login.setRequestCache(NoOpServerRequestCache.getInstance());
        DelegatingServerAuthenticationEntryPoint entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(browserPage, login));
        entryPoint.setDefaultEntryPoint(SecurityProblems.unauthenticated());
        return entryPoint;
    }

    private static ServerWebExchangeMatcher sessionCookie() {
        return exchange -> exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static ServerWebExchangeMatcher bearer() {
        return exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
