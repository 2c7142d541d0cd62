package cn.league.support.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a resource server: it checks the Keycloak JWT itself and trusts nothing about the
 * network. Health, metrics, the OpenAPI document and the paths a service lists in
 * {@code league.security.public-paths} are open; everything else needs a token.
 * <p>
 * {@code /internal/**} is for other parts of the suite only (Keycloak's user lookup, one service asking another).
 * Each internal endpoint names the one realm role its caller's service account holds
 * ({@code league.security.internal-access}: {@code <path pattern>=<role>, ...}); an internal path no entry names is
 * refused to everyone, and a person's token — even an admin's — holds none of these roles. The gateway routes only
 * {@code /api/**}, so these paths are not reachable from outside. The other way round, a service account is refused
 * on {@code /api/**}: nothing there is meant for it, and the services' rules read the caller as a person.
 * <p>
 * A token must name this service among its audiences ({@code aud}, {@code league.security.audience}, by default
 * {@code league-<application name>}): Keycloak's clients add only the services each may call, so a token issued to
 * another client of the realm (or a service account's token for one service) is refused elsewhere.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@Import(CallerController.class)
public class ServiceSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtAuthenticationConverter tokens,
            @Value("${league.security.public-paths:}") String[] publicPaths,
            @Value("${league.security.internal-access:}") String[] internalAccess) throws Exception {
        InternalAccess internal = InternalAccess.parse(internalAccess);
        return http
                .csrf(csrf -> csrf.disable()) // no cookies: every call carries its bearer token
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/api/*/v3/api-docs/**", "/api/*/v3/api-docs").permitAll()
                        .requestMatchers("/error").permitAll()
                        // a service's forms for people without a login yet (e.g. password reset with a code)
                        .requestMatchers(publicPaths.length == 0 ? new String[] {"/error"} : publicPaths).permitAll()
                        .requestMatchers("/internal/**").access((caller, request) -> new AuthorizationDecision(
                                internal.allows(request.getRequest().getRequestURI(), caller.get())))
                        // the API is for people; a service account acts on /internal/** only
                        .requestMatchers("/api/**").access((caller, request) -> new AuthorizationDecision(
                                aPerson(caller.get())))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthenticated())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.denied()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthenticated())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.denied()))
                .build();
    }

    /** A person's token names them; a service account's names its client, or nobody when it lacks the profile scope. */
    private static boolean aPerson(Authentication caller) {
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
                && caller.getName() != null && !caller.getName().startsWith(Caller.SERVICE_ACCOUNT_PREFIX);
    }

    /** R-ADM-8: the chosen org, checked right after Spring Security has found the caller. */
    @Bean
    FilterRegistrationBean<ActiveOrgFilter> activeOrgFilter(ObjectProvider<OrgMembership> membership) {
        FilterRegistrationBean<ActiveOrgFilter> registration =
                new FilterRegistrationBean<>(new ActiveOrgFilter(membership));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Keycloak's tokens, checked against the realm's keys and issuer as Spring Boot would, and for this service's
     * audience; each once (see there).
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder keycloakTokenDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${league.security.audience}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience))));
        return new CachingJwtDecoder(decoder, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter keycloakTokens() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }
}
