package cn.league.support.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI documents, alike. The public one ({@code <base-path>/v3/api-docs}) is what the gateway's
 * Swagger UI shows: its server is the gateway (the relative {@code /}: wherever the document was fetched from, which
 * for a reader is the gateway; a service's own port is never reachable from outside), it names the Keycloak bearer
 * token as the way in, and it leaves out {@code /internal/**}. Those, called by other services on the service's own
 * port, are in the group {@code internal} ({@code <base-path>/v3/api-docs/internal}), which the gateway does not
 * publish; the system test's authorization matrix reads both.
 */
@AutoConfiguration
public class ApiDocsConfiguration {

    /** The security scheme's name in every document. */
    public static final String BEARER = "bearer";
    /** The group of {@code /internal/**}. */
    public static final String INTERNAL_GROUP = "internal";
    static final String INTERNAL_PATHS = "/internal/**";
    private static final String INTERNAL_PREFIX = "/internal/";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI leagueOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("智慧团建 " + service).version("v1")
                        .description("经网关调用：登录管理中心后直接试用，或在 Authorize 中填入 Keycloak 签发的访问令牌。"
                                + "错误以 application/problem+json 返回，code 字段稳定，rule 字段为规则编号。"))
                .servers(List.of(new Server().url("/").description("网关")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Keycloak (OAuth2) 访问令牌：Authorization: Bearer <token>")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The public document (springdoc's default, not a group) without the service-to-service endpoints. */
    @Bean
    OpenApiCustomizer withoutInternalPaths() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> path.startsWith(INTERNAL_PREFIX));
            }
        };
    }

    /** The service-to-service endpoints, for the authorization matrix on the service's own port; never published. */
    @Bean
    GroupedOpenApi internalApi() {
        return GroupedOpenApi.builder().group(INTERNAL_GROUP).pathsToMatch(INTERNAL_PATHS).build();
    }
}
