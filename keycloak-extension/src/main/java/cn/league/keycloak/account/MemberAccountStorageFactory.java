package cn.league.keycloak.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * Registers {@link MemberAccountStorage} as user storage {@value #ID}. One HTTP client and one cached service token
 * per component, shared by all requests; a provider per request.
 * <p>
 * Why an internal API of member-service rather than a read-only database view: member-service owns its tables and
 * no other part reads them (ARCHITECTURE.md); the API keeps the rule "who may log in" (not deleted, R-MEM-8) in the
 * service that owns it, lets member-service change its schema freely, needs no database credentials in Keycloak,
 * and is checked like every other call (a service-account token with {@code league-account-lookup}).
 */
public final class MemberAccountStorageFactory implements UserStorageProviderFactory<MemberAccountStorage> {

    public static final String ID = "league-member-accounts";

    private final Map<String, MemberAccounts> clients = new ConcurrentHashMap<>();

    @Override
    public MemberAccountStorage create(KeycloakSession session, ComponentModel model) {
        return new MemberAccountStorage(session, model,
                clients.computeIfAbsent(model.getId(), id -> new MemberAccounts(LookupSettings.of(model))));
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "People of 智慧团建 found by ID number in member-service (R-AUTH-2). Use cache policy NO_CACHE.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(LookupSettings.MEMBER_SERVICE_URL).label("member-service URL")
                .helpText("Base URL of member-service, e.g. http://member-service:8082")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(LookupSettings.TOKEN_URL).label("Token URL")
                .helpText("This realm's token endpoint as Keycloak itself reaches it")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(LookupSettings.CLIENT_ID).label("Client ID")
                .helpText("Confidential client whose service account holds the realm role league-account-lookup")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(LookupSettings.CLIENT_SECRET).label("Client secret")
                .type(ProviderConfigProperty.PASSWORD).secret(true).required(true).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        LookupSettings.of(model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        clients.remove(newModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        clients.remove(model.getId());
    }
}
