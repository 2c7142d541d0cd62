package cn.league.system.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** TEST ONLY: registers {@link CaptchaAnswers} under the realm's URL as {@value #ID}. */
public final class CaptchaAnswersFactory implements RealmResourceProviderFactory {

    public static final String ID = "league-test-captcha";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new CaptchaAnswers(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
