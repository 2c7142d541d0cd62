package cn.league.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a resource server: it checks the Keycloak JWT itself and trusts nothing about the
 * network. Health, metrics and the OpenAPI document are open; everything else needs a token.
 * <p>
 * {@code /internal/**} is for other parts of the suite only (Keycloak's user lookup, one service asking another):
 * it needs the realm role {@value #INTERNAL_ROLE}, which only service accounts hold, so a person's token — even an
 * admin's — is refused there. The gateway routes only {@code /api/**}, so these paths are not reachable from outside.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@Import(CallerController.class)
public class ServiceSecurityConfiguration {

    /** The realm role of service accounts allowed on {@code /internal/**}. */
    public static final String INTERNAL_ROLE = "league-internal";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtAuthenticationConverter tokens) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies: every call carries its bearer token
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/api/*/v3/api-docs/**", "/api/*/v3/api-docs").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/internal/**").hasRole(INTERNAL_ROLE)
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

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter keycloakTokens() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }
}
