package cn.league.keycloak.captcha;

import java.time.Clock;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link CaptchaLoginForm} as authenticator {@value #ID}, the form step of realm league's browser flow. */
public final class CaptchaLoginFormFactory implements AuthenticatorFactory {

    public static final String ID = "league-captcha-login-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CaptchaLoginForm(session, Clock.systemUTC());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "ID number, password and captcha form (智慧团建)";
    }

    @Override
    public String getHelpText() {
        return "Username/password form that first checks an image captcha drawn by the server (R-AUTH-1).";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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
